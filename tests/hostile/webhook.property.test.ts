import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { WEBHOOK_PATH } from "../../src/http/routes/webhook.js";
import { type QueuedTestBot, queuedTestBot } from "../support/bot-harness.js";
import {
  botMessage,
  callbackQuery,
  inlineQuery,
  PRIVATE_CHAT,
  textMessage,
} from "../support/telegram-updates.js";
import { hostileString } from "../support/hostile.js";

const SECRET = "s3cret_token-for-hostile-tests";
let app: FastifyInstance;
let t: QueuedTestBot;
let nextUpdateId = 1_000_000;

beforeAll(async () => {
  t = await queuedTestBot({ secretToken: SECRET });
  app = t.app;
});
afterAll(() => t.close());

const post = (payload: string) =>
  app.inject({
    method: "POST",
    url: WEBHOOK_PATH,
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
    payload,
  });

/** Update-shaped objects with random, missing or wrongly typed fields. */
const brokenUpdate = fc.oneof(
  fc.jsonValue(),
  fc.record(
    { update_id: fc.oneof(fc.integer(), fc.string(), fc.constant(null)) },
    { requiredKeys: [] },
  ),
  fc.record({
    update_id: fc.nat(),
    message: fc.dictionary(
      fc.constantFrom("text", "chat", "from", "message_id", "date", "entities"),
      fc.jsonValue(),
    ),
  }),
  fc.record({
    update_id: fc.nat(),
    unknown_update_type: fc.jsonValue(),
  }),
  fc.record({
    update_id: fc.nat(),
    callback_query: fc.record(
      {
        id: fc.string(),
        data: hostileString,
        from: fc.record({ id: fc.integer(), is_bot: fc.boolean(), first_name: fc.string() }),
      },
      { requiredKeys: ["id"] },
    ),
  }),
);

describe("webhook on hostile and broken updates", () => {
  it("acknowledges any JSON it is sent, never a crash or a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(brokenUpdate, async (update) => {
        const response = await post(JSON.stringify(update) ?? "null");
        expect(response.statusCode).toBeLessThan(500);
      }),
      { numRuns: 300 },
    );
    // And the queue's workers get through every one of them without a crash.
    await t.settled();
  });

  it("answers real-looking updates with hostile text, huge texts and junk button data with 200", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        for (const update of [
          textMessage(nextUpdateId++, text || "x"),
          inlineQuery(nextUpdateId++, text.slice(0, 256)),
          callbackQuery(nextUpdateId++, text.slice(0, 64), botMessage(1, PRIVATE_CHAT())),
        ]) {
          const response = await post(JSON.stringify(update));
          expect(response.statusCode).toBe(200);
        }
      }),
      { numRuns: 150 },
    );
    const huge = await post(
      JSON.stringify(textMessage(nextUpdateId++, "can fb read my msgs ".repeat(4000))),
    );
    expect(huge.statusCode).toBe(200);
    await t.settled();
    expect(t.api.problems).toEqual([]);
  });

  it("answers raw garbage bodies with a 4xx", async () => {
    for (const body of ["{", "][", "\u0000", "null", '"string"', "x".repeat(10_000)]) {
      const response = await post(body);
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
    }
  });
});
