/**
 * The store is never on the answer's critical path: the real service pointed at a Redis that
 * is not there starts (saying so), answers /ask and the page at full speed, still enforces the
 * rate limit (in memory), and counts the failed store calls in /metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort, startService, type ServiceProcess } from "../support/service-process.js";

let service: ServiceProcess | undefined;

beforeAll(async () => {
  const deadPort = await freePort(); // nothing listens there
  service = await startService(
    {
      REDIS_URL: `redis://127.0.0.1:${deadPort}`,
      HASH_SECRET: "redis-down-test-secret-0123456789abcdef",
      RATE_LIMIT_ASK_PER_MINUTE: "2",
      LOG_LEVEL: "info",
    },
    40_000,
  );
}, 60_000);

afterAll(async () => {
  await service?.stop();
});

describe("with Redis unreachable", () => {
  it("starts, says so, and answers every question without delay or error", async () => {
    expect(service!.output()).toContain("Redis is not reachable yet");
    const started = Date.now();
    // The rate limit (2) still holds: a limiter that cannot ask Redis counts in memory.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await fetch(`${service!.url}/ask?q=can%20whatsapp%20read%20my%20messages`);
      statuses.push(response.status);
      if (response.status === 200)
        expect(((await response.json()) as { answer: unknown }).answer).not.toBeNull();
      else await response.body?.cancel();
    }
    expect(statuses).toEqual([200, 200, 429]);
    expect((await fetch(`${service!.url}/`)).status).toBe(200);
    // The 429 waits a second by design (a flooding client's connections wait too).
    expect(Date.now() - started).toBeLessThan(4_000);
    const metrics = await (await fetch(`${service!.url}/metrics`)).text();
    expect(metrics).toMatch(/store_failures_total\{operation="recordAnswered"\} [1-9]/);
    expect(metrics).toMatch(/store_failures_total\{operation="rateLimit"\} [1-9]/);
    console.log(
      `[redis-down] Redis unreachable: 3 questions (2 answered, 1 over the limit) and the page in ${Date.now() - started} ms, 200 each; failures counted in store_failures_total`,
    );
  });
});
