/**
 * A throw-away `redis-server` for tests: loopback only, a free port, no persistence, killed
 * when the test is done. Suites that use it guard with {@link redisAvailable} (required under
 * CI, skipped with the install command on a developer's machine).
 */
import { type ChildProcess, spawn } from "node:child_process";
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
  /** Kills the server and waits for it to exit. */
  stop(): Promise<void>;
}

/** Starts `redis-server` on a free loopback port and waits until it accepts connections. */
export async function startRedisServer(timeoutMs = 10_000): Promise<TestRedisServer> {
  const port = await freePort();
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
      "no",
      "--daemonize",
      "no",
      "--dir",
      "/tmp",
    ],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const deadline = Date.now() + timeoutMs;
  while (!output.includes("Ready to accept connections")) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`redis-server exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`redis-server not ready within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    output: () => output,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
    },
  };
}
