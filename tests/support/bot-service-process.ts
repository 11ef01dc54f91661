/**
 * Runs the real service with the Telegram bot (`node --import tsx src/main.ts`) as a child process for end-to-end
 * tests: a clean environment (nothing inherited but PATH, so a developer's .env or shell
 * cannot change the mode), loopback only, its pino log lines parsed, and a bounded stop.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { isolatedServiceEnv } from "./service-env.js";
import { pollUntil } from "./poll.js";
import { residentSetSize } from "./service-process.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));

/** One pino log line of the service. */
export type LogLine = Record<string, unknown> & { level?: number; msg?: string };

/**
 * The optional Telegram variables, all set (empty means unset) so a developer's .env file or
 * shell cannot change the mode; the others get explicit defaults.
 */
const UNSET_TELEGRAM_VARIABLES = {
  BOT_TOKEN: "",
  WEBHOOK_URL: "",
  WEBHOOK_SECRET: "",
  TELEGRAM_API_ROOT: "",
};

export class BotServiceProcess {
  readonly #child: ChildProcess;
  readonly #exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  #output = "";
  #baseUrl: string | undefined;

  private constructor(child: ChildProcess) {
    this.#child = child;
    const collect = (chunk: Buffer) => {
      this.#output += chunk.toString("utf8");
      this.#baseUrl ??= /Server listening at (http:\/\/127\.0\.0\.1:\d+)/.exec(this.#output)?.[1];
    };
    child.stdout?.on("data", collect);
    child.stderr?.on("data", collect);
    this.#exit = new Promise((resolve) =>
      child.once("exit", (code, signal) => resolve({ code, signal })),
    );
  }

  /** Spawns the service on 127.0.0.1 with a free port and the given variables. */
  static spawn(env: Record<string, string>): BotServiceProcess {
    const store = isolatedServiceEnv();
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "",
        ...UNSET_TELEGRAM_VARIABLES,
        FAQ_DIR: "faq",
        HOST: "127.0.0.1",
        PORT: "0",
        LOG_LEVEL: "info",
        ...store.env,
        ...env,
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    child.once("exit", () => store.cleanup());
    return new BotServiceProcess(child);
  }

  /** Everything the process printed so far. */
  get output(): string {
    return this.#output;
  }

  /** The pino JSON lines printed so far. */
  logs(): LogLine[] {
    return this.#output.split("\n").flatMap((line) => {
      if (!line.startsWith("{")) return [];
      try {
        return [JSON.parse(line) as LogLine];
      } catch {
        return [];
      }
    });
  }

  /** Resident set size of the process, in bytes (Linux). */
  rss(): number {
    return residentSetSize(this.#child.pid!);
  }

  get exited(): boolean {
    return this.#child.exitCode !== null || this.#child.signalCode !== null;
  }

  /** Resolves with the HTTP base URL once the server listens; fails if the process dies first. */
  async waitForListening(timeoutMs = 45_000): Promise<string> {
    await this.waitFor(() => this.#baseUrl, "the server to listen", timeoutMs);
    return this.#baseUrl!;
  }

  /** Polls `condition` (failing early if the process exits) for at most `timeoutMs`. */
  async waitFor<T>(
    condition: () => T | undefined | false,
    what: string,
    timeoutMs = 20_000,
  ): Promise<T> {
    return pollUntil(condition, {
      timeoutMs,
      stop: () => (this.exited ? "exited" : undefined),
      failure: (reason) =>
        new Error(
          `${reason === "exited" ? "The service exited while waiting" : "Timed out waiting"} for ${what}. Output:\n${this.#output.slice(-3000)}`,
        ),
    });
  }

  /** Kills the process at once with SIGKILL (a crash: no shutdown code runs) and waits for it. */
  async kill(): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exited) this.#child.kill("SIGKILL");
    return this.#exit;
  }

  /** Sends SIGTERM and waits (bounded) for the exit; SIGKILL if it does not stop in time. */
  async stop(timeoutMs = 15_000): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    if (!this.exited) this.#child.kill("SIGTERM");
    const timer = setTimeout(() => this.#child.kill("SIGKILL"), timeoutMs);
    try {
      return await this.#exit;
    } finally {
      clearTimeout(timer);
    }
  }
}
