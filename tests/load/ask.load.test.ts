import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadQuestionSet } from "../../src/quality/evaluate.js";
import { startService, type ServiceProcess } from "../support/service-process.js";

/**
 * Sustained /ask traffic against the real service on loopback, bounded in requests and time:
 * zero errors, and memory that stays flat (the answer cache and per-request work are bounded).
 */
let service: ServiceProcess;
beforeAll(async () => {
  service = await startService();
}, 30_000);
afterAll(async () => {
  await service?.stop();
});

async function load(paths: string[], amount: number) {
  let i = 0;
  return autocannon({
    url: service.url,
    connections: 8,
    amount,
    duration: 20, // seconds, a cap: `amount` normally ends the run first
    requests: [
      {
        method: "GET",
        setupRequest: (request) => ({ ...request, path: paths[i++ % paths.length]! }),
      },
    ],
  });
}

describe("load on /ask", () => {
  it("answers thousands of distinct questions with zero errors and flat memory", async () => {
    const questions = (await loadQuestionSet("tests/fixtures/questions.json")).map((q) => q.q);
    // Distinct questions: each base question with a counter, so the answer cache keeps missing.
    const paths = Array.from(
      { length: 6000 },
      (_, n) => `/ask?q=${encodeURIComponent(`${questions[n % questions.length]} ${n}`)}`,
    );
    await load(paths.slice(0, 1000), 1000); // warm up (JIT, caches)
    const rssStart = service.rss();
    const result = await load(paths, 6000);
    const rssEnd = service.rss();
    console.log(
      `load /ask: ${result.requests.total} requests, ${Math.round(result.requests.average)} req/s, ` +
        `p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, ` +
        `RSS start ${(rssStart / 2 ** 20).toFixed(1)} MiB, end ${(rssEnd / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(6000);
    expect(rssEnd - rssStart).toBeLessThan(48 * 2 ** 20);
  }, 60_000);
});
