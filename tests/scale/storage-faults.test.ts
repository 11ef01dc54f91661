/**
 * Storage faults against the real service (`src/main.ts` in a child process), with a real
 * redis-server and real SQLite files: Redis paused (SIGSTOP) and killed, a statistics file of
 * garbage, a partly corrupt one and one corrupted while running. In every case the service
 * keeps answering; a store that cannot take records reports `degraded` and keeps them in
 * memory; records are counted through the admin API afterwards. One client asks one question
 * at a time, so each request's latency is its own. The summary table is printed at the end.
 *
 * Timing is never asserted against a wall-clock budget a slow machine could miss: a paused
 * Redis must leave the median /ask below the limiter's 50 ms deadline (it is ~1 ms normally,
 * and was 250 ms before the circuit breaker), and every other check counts requests, errors
 * and records.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { closeSync, openSync, readdirSync, writeSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEFAULT_LIMITER_TIMEOUT_MS } from "../../src/store/rate-limit.js";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";
import {
  REDIS_SERVER_BINARY,
  redisAvailable,
  startRedisServer,
  type TestRedisServer,
} from "../support/redis-server.js";
import { startService, type ServiceProcess } from "../support/service-process.js";

const ADMIN_TOKEN = "storage-faults-admin-token-0123";
const HASH_SECRET = "storage-faults-hash-secret-0123456789abcdef";
/** Answered confidently, so each request is one "answered" record. */
const QUESTION = "/ask?q=can%20whatsapp%20read%20my%20messages";

interface Row {
  fault: string;
  requests: number;
  errors: number;
  lost: number | string;
  latency: string;
  store: string;
}
const table: Row[] = [];
const services: ServiceProcess[] = [];
const cleanups: (() => Promise<void> | void)[] = [];

afterAll(async () => {
  await Promise.all(services.map((service) => service.stop()));
  for (const cleanup of cleanups) await cleanup();
  if (table.length > 0)
    console.log(
      [
        "[storage faults]",
        "| fault | requests | errors | lost records | /ask latency median / p99 / max | store reported |",
        "| --- | --- | --- | --- | --- | --- |",
        ...table.map(
          (row) =>
            `| ${row.fault} | ${row.requests} | ${row.errors} | ${row.lost} | ${row.latency} | ${row.store.replace(/\s+/g, " ")} |`,
        ),
      ].join("\n"),
    );
}, 30_000);

async function start(env: Record<string, string>): Promise<ServiceProcess> {
  const service = await startService(
    { ADMIN_TOKEN, HASH_SECRET, LOG_LEVEL: "info", ...env },
    40_000,
  );
  services.push(service);
  return service;
}

/** Asks `QUESTION` one request at a time for `ms` (or `count` times); latencies in ms. */
async function askFor(
  service: ServiceProcess,
  { ms, count }: { ms?: number; count?: number },
): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + (ms ?? Infinity);
  while (Date.now() < until && latencies.length < (count ?? Infinity)) {
    const started = performance.now();
    try {
      const response = await fetch(`${service.url}${QUESTION}`);
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
    } catch {
      errors++;
    }
    latencies.push(performance.now() - started);
  }
  return { latencies, errors };
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

const latencySummary = (values: number[]) =>
  `${quantile(values, 0.5).toFixed(1)} / ${quantile(values, 0.99).toFixed(1)} / ${Math.max(...values).toFixed(0)} ms`;

async function answeredCount(service: ServiceProcess): Promise<number> {
  const response = await fetch(`${service.url}/admin/stats?days=1`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { totals: { answered: number } }).totals.answered;
}

interface ReadyStore {
  status: "ok" | "degraded";
  reason?: string;
  pendingRecords: number;
  recoveries: number;
  lastRecovery?: { movedTo: string; reason: string };
}
async function storeHealth(service: ServiceProcess): Promise<ReadyStore> {
  return ((await (await fetch(`${service.url}/readyz`)).json()) as { store: ReadyStore }).store;
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function metric(service: ServiceProcess, pattern: RegExp): Promise<number> {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  return Number(pattern.exec(text)?.[1] ?? 0);
}

/** Starts redis-server on `port` (after the first one was killed): the client reconnects. */
async function redisOn(port: number): Promise<ChildProcess> {
  const child = spawn(
    REDIS_SERVER_BINARY,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  await new Promise<void>((resolve) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
  });
  return child;
}

describe.runIf(redisAvailable())("Redis faults, with the real service", () => {
  let redis: TestRedisServer | undefined;
  let redisPid = 0;
  let restarted: ChildProcess | undefined;
  cleanups.push(async () => {
    restarted?.kill("SIGKILL");
    try {
      if (redisPid) process.kill(redisPid, "SIGCONT");
    } catch {
      // already gone (the second test kills it)
    }
    await redis?.stop();
  });

  it("paused (SIGSTOP) 4 s: answers stay fast, degraded is reported, nothing is lost or counted twice", async () => {
    redis = await startRedisServer();
    const service = await start({ REDIS_URL: redis.url });
    redisPid = Number(/pid[=: ]+(\d+)/i.exec(redis.output())?.[1]);
    expect(redisPid).toBeGreaterThan(0);
    const before = await askFor(service, { count: 300 });
    expect(before.errors).toBe(0);
    const answeredBefore = await answeredCount(service);
    expect(answeredBefore).toBe(300);

    process.kill(redisPid, "SIGSTOP");
    const paused = askFor(service, { ms: 4_000 });
    const duringHealth = await until(
      () => storeHealth(service),
      (store) => store.status === "degraded",
      3_000,
    );
    const during = await paused;
    process.kill(redisPid, "SIGCONT");
    const healed = await until(
      () => storeHealth(service),
      (store) => store.status === "ok" && store.pendingRecords === 0,
    );
    const after = await askFor(service, { count: 100 });
    const requests = 300 + during.latencies.length + after.latencies.length;
    const counted = await until(
      () => answeredCount(service),
      (n) => n >= requests,
      5_000,
    );
    const slow = during.latencies.filter((ms) => ms >= DEFAULT_LIMITER_TIMEOUT_MS).length;
    console.log(
      `[storage faults] Redis paused: /ask median ${quantile(before.latencies, 0.5).toFixed(1)} ms before, ${quantile(during.latencies, 0.5).toFixed(1)} ms paused (${during.latencies.length} requests, ${slow} at or over the ${DEFAULT_LIMITER_TIMEOUT_MS} ms limiter deadline), ${quantile(after.latencies, 0.5).toFixed(1)} ms after`,
    );
    table.push({
      fault: "Redis paused (SIGSTOP) 4 s",
      requests: during.latencies.length,
      errors: during.errors,
      lost: requests - counted,
      latency: `${latencySummary(during.latencies)} (before: ${latencySummary(before.latencies)})`,
      store: `degraded (${duringHealth.reason}), then ok`,
    });

    expect(during.errors + after.errors).toBe(0);
    expect(duringHealth.status).toBe("degraded");
    expect(healed).toMatchObject({ status: "ok", pendingRecords: 0 });
    // Only requests in flight before the breaker opened waited for the deadline.
    expect(quantile(during.latencies, 0.5)).toBeLessThan(DEFAULT_LIMITER_TIMEOUT_MS);
    expect(counted).toBe(requests); // none lost, none counted twice
  }, 60_000);

  it("killed, then back after 3 s (empty): answers never fail, waiting records are written to the new Redis", async () => {
    const service = services.at(-1)!;
    const port = redis!.port;
    await redis!.stop(); // SIGKILL: no persistence, its data is gone with it
    const down = await askFor(service, { ms: 3_000 });
    const downHealth = await storeHealth(service);
    restarted = await redisOn(port);
    const healed = await until(
      () => storeHealth(service),
      (store) => store.status === "ok" && store.pendingRecords === 0,
    );
    const after = await askFor(service, { count: 100 });
    const requests = down.latencies.length + after.latencies.length;
    const counted = await until(
      () => answeredCount(service),
      (n) => n >= requests,
      5_000,
    );
    table.push({
      fault: "Redis killed (SIGKILL), restarted empty after 3 s",
      requests: down.latencies.length,
      errors: down.errors,
      lost: requests - counted,
      latency: latencySummary(down.latencies),
      store: `degraded (${downHealth.reason}), then ok`,
    });
    expect(down.errors + after.errors).toBe(0);
    expect(downHealth.status).toBe("degraded");
    expect(healed.status).toBe("ok");
    expect(counted).toBe(requests);
  }, 60_000);
});

/** A real statistics file with enough rows to span many pages. */
async function populatedFile(folder: string): Promise<string> {
  const path = sqlitePathIn(folder);
  const store = new SqliteInsightsStore({ path, groupCommitMs: 1 });
  const recorded: Promise<void>[] = [];
  for (let i = 0; i < 3_000; i++)
    recorded.push(
      store.recordUnanswered({
        normalized: `question number ${i} about something long enough to fill pages`,
        channel: "http",
        bestCandidate: null,
        confidence: 0,
      }),
    );
  await Promise.all(recorded);
  await store.close();
  return path;
}

/** Overwrites pages in the middle of the file (the header and first pages stay intact). */
function corruptMiddle(path: string): void {
  const fd = openSync(path, "r+");
  const garbage = Buffer.alloc(4096 * 8, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, 4096 * 6);
  closeSync(fd);
}

async function dataFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "faq-faults-"));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  return folder;
}

const movedAside = (folder: string) => readdirSync(folder).filter((n) => n.includes(".corrupt-"));

describe("SQLite faults, with the real service", () => {
  it.each([
    ["of garbage", async (path: string) => writeFile(path, Buffer.alloc(64 * 1024, "garbage "))],
    [
      "partly corrupt",
      async (path: string, folder: string) => {
        await populatedFile(folder);
        corruptMiddle(path);
      },
    ],
  ])(
    "a file %s at start: moved aside, one log line, answers and records as usual",
    async (kind, damage) => {
      const folder = await dataFolder();
      await damage(sqlitePathIn(folder), folder);
      const service = await start({ DATA_DIR: folder });
      const store = await storeHealth(service);
      const { latencies, errors } = await askFor(service, { count: 300 });
      const counted = await answeredCount(service);
      table.push({
        fault: `SQLite file ${kind} at start`,
        requests: latencies.length,
        errors,
        lost: latencies.length - counted,
        latency: latencySummary(latencies),
        store: `moved aside (${store.lastRecovery?.reason}); ok`,
      });
      expect(movedAside(folder)).toHaveLength(1);
      expect(
        service
          .output()
          .match(/statistics file is corrupt: moved it aside and started a fresh one/g),
      ).toHaveLength(1);
      expect(store).toMatchObject({ status: "ok", recoveries: 1 });
      expect(store.lastRecovery?.movedTo).toContain(".corrupt-");
      expect(errors).toBe(0);
      expect(counted).toBe(300);
      expect(await metric(service, /^store_corrupt_files_total (\d+)/m)).toBe(1);
    },
    60_000,
  );

  it("a file corrupted while running: found by the periodic check, moved aside, later records kept", async () => {
    const folder = await dataFolder();
    const path = await populatedFile(folder);
    const service = await start({ DATA_DIR: folder, SQLITE_CHECK_INTERVAL_SECONDS: "1" });
    const before = await askFor(service, { count: 200 });
    expect(await answeredCount(service)).toBe(200); // on disk (a read writes what waits)
    corruptMiddle(path);
    const during = await askFor(service, { ms: 2_500 });
    const store = await until(
      () => storeHealth(service),
      (health) => health.recoveries === 1,
    );
    // Records from the moment of the corruption on are in the fresh file.
    const counted = await answeredCount(service);
    table.push({
      fault: "SQLite file corrupted while running",
      requests: during.latencies.length,
      errors: during.errors,
      lost: during.latencies.length - counted,
      latency: latencySummary(during.latencies),
      store: `moved aside by the 1 s check (${store.lastRecovery?.reason}); ok`,
    });
    expect(before.errors + during.errors).toBe(0);
    expect(store).toMatchObject({ status: "ok", recoveries: 1 });
    expect(movedAside(folder).filter((name) => !/-(wal|shm)$/.test(name))).toHaveLength(1);
    expect(counted).toBe(during.latencies.length);
  }, 60_000);
});
