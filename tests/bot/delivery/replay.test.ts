/**
 * A rerun of a queued update (after a retry) replays the handler: what the first run already
 * did — the replies Telegram accepted, the statistics, the rate limit — is not done twice.
 */
import { afterEach, describe, expect, it } from "vitest";
import { WEBHOOK_PATH } from "../../../src/http/routes/webhook.js";
import { type QueuedTestBot, queuedTestBot } from "../../support/bot-harness.js";
import { textMessage } from "../../support/telegram-updates.js";

const SECRET = "s3cret_token-for-tests";
let t: QueuedTestBot | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const post = (bot: QueuedTestBot, body: unknown) =>
  bot.app.inject({
    method: "POST",
    url: WEBHOOK_PATH,
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    payload: JSON.stringify(body),
  });

describe("a rerun of a queued update", () => {
  it("counts the question once in the statistics and once against the rate limit", async () => {
    t = await queuedTestBot({
      secretToken: SECRET,
      deps: { rateLimit: { secret: Buffer.alloc(32, 1), perMinute: 1 } },
    });
    t.api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    expect((await post(t, textMessage(1, "can whatsapp read my messages"))).statusCode).toBe(200);
    await t.settled();
    const sent = t.api.callsTo("sendMessage");
    expect(sent).toHaveLength(2); // the 502, then the answer on the rerun (not the limit notice)
    expect(sent[1]!.payload.text).toBe(sent[0]!.payload.text);
    const stats = await t.insights.stats({ days: 1 });
    expect(stats.byChannel["telegram-private"]).toEqual({ answered: 1, unanswered: 0 });
  }, 15_000);
});
