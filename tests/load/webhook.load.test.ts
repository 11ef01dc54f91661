import autocannon from "autocannon";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startE2e, WEBHOOK_SECRET, type E2eHarness } from "../e2e/bot-harness.js";
import { textMessage } from "../support/telegram-updates.js";

/**
 * Sustained webhook traffic against the real service in webhook mode, with the loopback Bot API
 * stand-in answering the bot's calls: every update acknowledged with 200, memory flat.
 */
let h: E2eHarness;
beforeAll(async () => {
  h = await startE2e("webhook");
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const QUESTIONS = [
  "can fb read my msgs",
  "is my backup encrypted",
  "how do i bake bread",
  "who can see my live location",
];

async function load(amount: number) {
  return autocannon({
    url: h.baseUrl,
    connections: 4,
    amount,
    duration: 30, // a cap: `amount` normally ends the run first
    requests: [
      {
        method: "POST",
        path: "/webhook",
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": WEBHOOK_SECRET,
        },
        setupRequest: (request) => {
          const id = h.nextUpdateId();
          // A different chat per update, so the per-group flood limit never applies to this private traffic.
          const update = textMessage(id, `${QUESTIONS[id % QUESTIONS.length]} ${id}`, {
            from: { id: 10_000 + id, is_bot: false, first_name: "Load" },
          });
          return { ...request, body: JSON.stringify(update) };
        },
      },
    ],
  });
}

describe("load on /webhook", () => {
  it("handles thousands of updates end to end with zero errors and flat memory", async () => {
    await load(300); // warm up
    const rssStart = h.service.rss();
    const result = await load(2000);
    const rssEnd = h.service.rss();
    console.log(
      `load /webhook: ${result.requests.total} updates, ${Math.round(result.requests.average)} updates/s, ` +
        `p99 ${result.latency.p99} ms, errors ${result.errors}, non-2xx ${result.non2xx}, ` +
        `RSS start ${(rssStart / 2 ** 20).toFixed(1)} MiB, end ${(rssEnd / 2 ** 20).toFixed(1)} MiB`,
    );
    expect(result.errors).toBe(0);
    expect(result.timeouts).toBe(0);
    expect(result.non2xx).toBe(0);
    expect(result.requests.total).toBeGreaterThanOrEqual(2000);
    expect(rssEnd - rssStart).toBeLessThan(48 * 2 ** 20);
    expect(h.api.problems).toEqual([]); // every message the bot sent was valid for Telegram
  }, 90_000);
});
