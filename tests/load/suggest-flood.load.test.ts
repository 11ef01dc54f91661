/**
 * One client flooding `/suggest` (32 connections, autocannon in a child process so it does not
 * share this process's event loop) against the real service, with the default budget: everyone
 * else, asking one request at a time from their own addresses (`TRUST_PROXY=1`,
 * `X-Forwarded-For`), keeps a p99 within twice what it was without the flood. The flooder's
 * requests over its budget wait a second for their 429, so it cannot keep the loop busy.
 * Bounded: about 4 s of flood, 9 s of measuring in all.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startService, type ServiceProcess } from "../support/service-process.js";

let service: ServiceProcess;
beforeAll(async () => {
  service = await startService({ TRUST_PROXY: "1", RATE_LIMIT_ASK_PER_MINUTE: "60" }, 30_000);
}, 40_000);
afterAll(async () => {
  await service?.stop();
});

let nextOther = 0;
/** Others: /ask and /suggest in turn, one at a time, each from another address. */
async function others(ms: number): Promise<{ latencies: number[]; errors: number }> {
  const latencies: number[] = [];
  let errors = 0;
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const i = nextOther++;
    const path = i % 2 === 0 ? "/ask?q=can%20meta%20read%20my%20chats" : "/suggest?q=back";
    const started = performance.now();
    const response = await fetch(`${service.url}${path}`, {
      // A new address every request: none comes near its budget, however fast the machine.
      headers: { "x-forwarded-for": `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}` },
    });
    await response.arrayBuffer();
    latencies.push(performance.now() - started);
    if (response.status !== 200) errors++;
  }
  return { latencies, errors };
}

const p99 = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.99)] ?? NaN;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1]!;

function flood(seconds: number): Promise<Record<string, number>> {
  const cli = createRequire(import.meta.url).resolve("autocannon/autocannon.js");
  const child = spawn(
    process.execPath,
    [
      cli,
      "--json",
      "-c",
      "32",
      "-d",
      String(seconds),
      "-H",
      "x-forwarded-for=198.51.100.66",
      `${service.url}/suggest?q=enc`,
    ],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  return new Promise((resolve) =>
    child.once("exit", () => {
      const stats = (JSON.parse(output) as { statusCodeStats?: Record<string, { count: number }> })
        .statusCodeStats;
      resolve(Object.fromEntries(Object.entries(stats ?? {}).map(([k, v]) => [k, v.count])));
    }),
  );
}

describe("a /suggest flood from one client", () => {
  it("leaves everyone else's p99 within twice what it was", async () => {
    await others(500); // warm-up: suggester, caches, connections
    const before = await others(2_500);
    const flooding = flood(4);
    await new Promise((resolve) => setTimeout(resolve, 700)); // the budget is gone by then
    const during = await others(3_000);
    const codes = await flooding;
    const after = await others(2_500);
    const calm = [...before.latencies, ...after.latencies];
    console.log(
      `[suggest flood] others without flood: ${calm.length} requests, median ${median(calm).toFixed(2)} ms, p99 ${p99(calm).toFixed(2)} ms; during: ${during.latencies.length} requests, median ${median(during.latencies).toFixed(2)} ms, p99 ${p99(during.latencies).toFixed(2)} ms; flooder's status codes ${JSON.stringify(codes)}`,
    );
    expect(before.errors + during.errors + after.errors).toBe(0);
    // The flooder got its budget (60 questions = 300 suggestions) and then slow 429s.
    expect(codes["200"]).toBeLessThanOrEqual(300);
    expect(codes["429"]).toBeGreaterThan(0);
    expect(codes["429"]).toBeLessThan(32 * 5); // one per connection per second
    expect(p99(during.latencies)).toBeLessThanOrEqual(2 * p99(calm));
  }, 40_000);
});
