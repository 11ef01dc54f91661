/**
 * Shared helpers of the benchmark: a seeded random generator, statistics, child processes,
 * free ports and waiting for an HTTP endpoint. Nothing here measures anything by itself.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, "..");
/**
 * Scratch output (compiled helper servers, CPU profiles): under node_modules so git, ESLint and
 * Prettier ignore it, and the compiled helpers still resolve `fastify`.
 */
export const OUT_DIR = path.join(ROOT, "node_modules", ".cache", "faq-bench");

/** Mulberry32: small, fast, deterministic for a given seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)]!;
}

export function int(random: () => number, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

export function shuffle<T>(random: () => number, items: T[]): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

/** Percentile (nearest rank) of an unsorted list; 0.5 is the median. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1));
  return sorted[rank]!;
}

/** Median; the mean of the two middle values for an even count. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** A free TCP port on the loopback interface. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `url` until it answers 200; resolves with the milliseconds waited, rejects on timeout. */
export async function waitFor200(
  url: string,
  {
    timeoutMs = 30_000,
    intervalMs = 5,
    child,
  }: { timeoutMs?: number; intervalMs?: number; child?: ChildProcess } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`process exited (${child.exitCode}) before ${url} answered`);
    try {
      const response = await fetch(url);
      await response.arrayBuffer();
      if (response.status === 200) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer 200 within ${timeoutMs} ms`);
    await sleep(intervalMs);
  }
}

/** A started child process with its captured output, stopped by its own pid only. */
export interface Child {
  readonly process: ChildProcess;
  readonly output: () => string;
  stop(): Promise<void>;
}

export function startChild(
  command: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv = {},
): Child {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const keep = (chunk: Buffer) => {
    output += chunk.toString();
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout?.on("data", keep);
  child.stderr?.on("data", keep);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  return {
    process: child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 12_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** Runs a child to completion (bounded); resolves with its stdout, stderr and exit code. */
export function runChild(
  command: string,
  args: readonly string[],
  {
    env = {},
    timeoutMs = 120_000,
    restartTimerOn,
  }: {
    env?: NodeJS.ProcessEnv;
    timeoutMs?: number;
    /** The time box starts again when stdout first contains this (e.g. after data generation). */
    restartTimerOn?: string;
  } = {},
): Promise<{
  code: number | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  peakRssMb: number;
}> {
  return new Promise((resolve) => {
    const child = spawn(command, args, {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    let timedOut = false;
    let peakRssMb = NaN;
    const sampler = setInterval(() => {
      const rss = rssMb(child.pid);
      if (Number.isFinite(rss) && !(rss <= peakRssMb)) peakRssMb = rss;
    }, 250);
    let restarted = false;
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      if (restartTimerOn !== undefined && !restarted && stdout.includes(restartTimerOn)) {
        restarted = true;
        clearTimeout(timer);
        timer = setTimeout(kill, timeoutMs);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const kill = () => {
      timedOut = true;
      child.kill("SIGKILL");
    };
    let timer = setTimeout(kill, timeoutMs);
    child.on("exit", (code) => {
      clearTimeout(timer);
      clearInterval(sampler);
      resolve({ code, stdout, stderr, timedOut, peakRssMb });
    });
  });
}

/** Resident set size of a process in MB (Linux /proc; NaN elsewhere). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** Linux's clock ticks per second for /proc times (USER_HZ, 100 on every mainstream kernel). */
const USER_HZ = 100;

/** CPU time (user + system) a process has used so far, µs; undefined without /proc. */
export function cpuMicros(pid: number): number | undefined {
  try {
    // Fields after the command name, which is in parentheses and may contain spaces.
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** The last `RESULT {json}` line a worker printed. */
export function parseResult<T>(stdout: string): T | undefined {
  const line = stdout
    .split("\n")
    .reverse()
    .find((l) => l.startsWith("RESULT "));
  return line === undefined ? undefined : (JSON.parse(line.slice("RESULT ".length)) as T);
}

/** Markdown table from a header row and data rows. */
export function table(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): string {
  const line = (cells: readonly (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

export const fmt = (value: number, digits = 1) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", {
        maximumFractionDigits: digits,
        minimumFractionDigits: digits,
      })
    : "n/a";

/** "met" or "missed by X" for a value that must stay at or below a target. */
export function atMost(value: number, target: number, unit = ""): string {
  if (!Number.isFinite(value)) return "not measured";
  return value <= target
    ? `met`
    : `**missed** by ${gap(value - target, value, unit)} (${fmt(value / target, 2)}x the target)`;
}

/** "met" or "missed by X" for a value that must stay at or above a target. */
export function atLeast(value: number, target: number, unit = ""): string {
  if (!Number.isFinite(value)) return "not measured";
  return value >= target
    ? `met`
    : `**missed** by ${gap(target - value, value, unit)} (${fmt((value / target) * 100, 0)}% of the target)`;
}

/** A miss too small for two decimals is shown with three, and the value with it. */
function gap(miss: number, value: number, unit: string): string {
  return miss >= 0.005
    ? `${fmt(miss, 2)}${unit}`
    : `${fmt(miss, 3)}${unit}, measured ${fmt(value, 3)}${unit}`;
}
