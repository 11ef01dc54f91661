/** What the bot records in the insights store, per channel, and that it never waits for it. */
import { describe, expect, it } from "vitest";
import { encodeCallbackData } from "../../src/bot/callback-data.js";
import { NO_ANSWER_RESULT_ID } from "../../src/bot/features/inline.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { createTestBot, sharedEngine } from "../support/bot-harness.js";
import {
  ALICE,
  botMessage,
  callbackQuery,
  GROUP_CHAT,
  PRIVATE_CHAT,
  textMessage,
} from "../support/telegram-updates.js";
import type { Update } from "grammy/types";

const chosenInlineResult = (updateId: number, resultId: string, query: string): Update => ({
  update_id: updateId,
  chosen_inline_result: { result_id: resultId, from: ALICE, query },
});

describe("recording answers by channel", () => {
  it("counts private, group and inline answers and unanswered questions on their channels", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    const entry = engine.entries[0]!;
    await t.send(textMessage(1, "can whatsapp read my messages"));
    await t.send(textMessage(2, "/ask can whatsapp read my messages", { chat: GROUP_CHAT }));
    await t.send(
      textMessage(3, "@PrivacyFaqTestBot what's the weather on mars", { chat: GROUP_CHAT }),
    );
    await t.send(
      callbackQuery(
        4,
        encodeCallbackData({ kind: "answer", faqId: entry.id }),
        botMessage(9, PRIVATE_CHAT()),
      ),
    );
    await t.send(chosenInlineResult(5, entry.id, "location"));
    await t.send(chosenInlineResult(6, NO_ANSWER_RESULT_ID, "quantum toaster privacy"));
    await t.send(chosenInlineResult(7, "no-such-entry", "x"));
    const stats = await t.insights.stats({ days: 1 });
    expect(stats.byChannel).toEqual({
      "telegram-private": { answered: 2, unanswered: 0 },
      "telegram-group": { answered: 1, unanswered: 1 },
      inline: { answered: 1, unanswered: 1 },
      http: { answered: 0, unanswered: 0 },
    });
    const questions = (await t.insights.unanswered(10)).map((item) => item.question);
    expect(questions).toHaveLength(2);
    expect(questions.join(" ")).toMatch(/weather/);
    expect(questions.join(" ")).toMatch(/toaster/);
    expect(questions.join(" ")).not.toMatch(/PrivacyFaqTestBot/i);
  });

  it("answers without waiting for a slow store", async () => {
    const slow = new MemoryInsightsStore();
    slow.recordAnswered = () => new Promise<void>(() => {}); // never settles
    slow.recordUnanswered = () => new Promise<void>(() => {});
    const t = await createTestBot({ deps: { insights: slow } });
    await t.send(textMessage(1, "can whatsapp read my messages"));
    await t.send(textMessage(2, "what's the weather on mars"));
    expect(t.api.callsTo("sendMessage")).toHaveLength(2);
  });

  it("logs a failing store and still answers", async () => {
    const failing = new MemoryInsightsStore();
    failing.recordAnswered = () => Promise.reject(new Error("disk full"));
    const t = await createTestBot({ deps: { insights: failing } });
    await t.send(textMessage(1, "can whatsapp read my messages"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(t.api.callsTo("sendMessage")).toHaveLength(1);
    expect(t.logger.at("warn").some((entry) => entry.msg?.includes("could not record"))).toBe(true);
  });
});
