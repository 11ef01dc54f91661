/**
 * A throw-away `redis-server` for tests: loopback only, a free port, killed when the test is
 * done. Suites that use it guard with {@link redisAvailable} (required under CI, skipped with the
 * install command on a developer's machine). By default nothing is persisted; `persistent`
 * keeps an append-only file in a temporary folder, so a server killed with SIGKILL and started
 * again (`restart`) comes back with its data, as a production Redis configured for a queue does.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./service-process.js";
import { requireSystemBinary } from "./system-packages.js";

export const REDIS_SERVER_BINARY = "/usr/bin/redis-server";
export const REDIS_INSTALL_COMMAND = "sudo apt-get install -y redis-server";

/** True when the Redis suites can run (throws under CI when the package is missing). */
export function redisAvailable(): boolean {
  return requireSystemBinary(REDIS_SERVER_BINARY, REDIS_INSTALL_COMMAND);
}

/** A running test Redis. */
export interface TestRedisServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Everything the server printed (for failure messages). */
  readonly output: () => string;
  /** Kills the server (SIGKILL: no shutdown save) and waits for it to exit. */
  kill(): Promise<void>;
  /** Starts it again on the same port (and, when persistent, from its append-only file). */
  restart(): Promise<void>;
  /** Freezes the process (SIGSTOP): connections stay open, nothing is answered. */
  pause(): void;
  /** Thaws it (SIGCONT). */
  resume(): void;
  /** Kills the server, waits for it to exit, removes its files. */
  stop(): Promise<void>;
}

interface Running {
  readonly child: ChildProcess;
  readonly exited: Promise<void>;
}

/** Starts `redis-server` on a free loopback port and waits until it accepts connections. */
export async function startRedisServer(
  options: { persistent?: boolean; timeoutMs?: number } = {},
): Promise<TestRedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "faq-redis-"));
  const timeoutMs = options.timeoutMs ?? 10_000;
  let output = "";
  const launch = async (): Promise<Running> => {
    const child: ChildProcess = spawn(
      REDIS_SERVER_BINARY,
      [
        "--port",
        String(port),
        "--bind",
        "127.0.0.1",
        "--save",
        "",
        "--appendonly",
        options.persistent ? "yes" : "no",
        // "always": written and synced before Redis answers, as a queue needs (with "everysec"
        // Redis may answer before it even writes, for up to 2 s while a sync is slow).
        "--appendfsync",
        "always",
        "--daemonize",
        "no",
        "--dir",
        dir,
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const startAt = output.length;
    child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
    const deadline = Date.now() + timeoutMs;
    while (!output.slice(startAt).includes("Ready to accept connections")) {
      if (child.exitCode !== null || child.signalCode !== null)
        throw new Error(`redis-server exited early:\n${output}`);
      if (Date.now() > deadline) {
        child.kill("SIGKILL");
        throw new Error(`redis-server not ready within ${timeoutMs} ms:\n${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return { child, exited };
  };
  let running = await launch();
  const kill = async () => {
    const { child, exited } = running;
    if (child.exitCode === null && child.signalCode === null) {
      child.kill("SIGCONT");
      child.kill("SIGKILL");
    }
    await exited;
  };
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    output: () => output,
    kill,
    restart: async () => {
      await kill();
      running = await launch();
    },
    pause: () => void running.child.kill("SIGSTOP"),
    resume: () => void running.child.kill("SIGCONT"),
    stop: async () => {
      await kill();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
