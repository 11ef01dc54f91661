import { describe, expect, it } from "vitest";
import {
  INLINE_CACHE_SECONDS,
  MAX_INLINE_RESULTS,
  NO_ANSWER_RESULT_ID,
} from "../../../src/bot/features/inline.js";
import { formatEntryForTelegram } from "../../../src/render/answer.js";
import { createTestBot, sharedEngine } from "../../support/bot-harness.js";
import { buttonsOf } from "../../support/fake-bot-api.js";
import { inlineQuery, textMessage } from "../../support/telegram-updates.js";

interface Article {
  id: string;
  type: string;
  title: string;
  description?: string;
  reply_markup: unknown;
  input_message_content: { message_text: string; parse_mode: string };
}

const resultsOf = (payload: Record<string, unknown>) => payload.results as Article[];

describe("inline mode", () => {
  it("returns up to 10 matching entries as articles with the formatted answer and an 'open in bot' button", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    await t.send(inlineQuery(1, "location"));
    const answer = t.api.last("answerInlineQuery");
    expect(answer.inline_query_id).toBe("iq-1");
    expect(answer.cache_time).toBe(INLINE_CACHE_SECONDS);
    const results = resultsOf(answer);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(MAX_INLINE_RESULTS);
    expect(results.map((r) => r.id)).toEqual(engine.search("location", 10).map((m) => m.entry.id));
    for (const result of results) {
      const entry = engine.get(result.id)!;
      expect(result.type).toBe("article");
      expect(result.title).toBe(entry.question);
      expect(result.description).not.toMatch(/[<>]/);
      expect(result.input_message_content).toMatchObject({
        message_text: formatEntryForTelegram(entry),
        parse_mode: "HTML",
      });
      expect(buttonsOf(result.reply_markup)).toEqual([
        { text: "Open in bot", url: `https://t.me/PrivacyFaqTestBot?start=${entry.id}` },
      ]);
    }
    expect(t.api.problems).toEqual([]);
  });

  it("shows the most asked entries for an empty query, topped up to 10", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    const popular = engine.entries.at(-1)!;
    await t.send(textMessage(1, `/start ${popular.id}`));
    await t.send(textMessage(2, `/start ${popular.id}`));
    await t.send(inlineQuery(3, "   "));
    const results = resultsOf(t.api.last("answerInlineQuery"));
    expect(results).toHaveLength(Math.min(10, engine.entries.length));
    expect(results[0]!.id).toBe(popular.id);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it("answers a query nothing matches with a single result that says so", async () => {
    const t = await createTestBot();
    await t.send(inlineQuery(1, "zzqx flurbo"));
    const results = resultsOf(t.api.last("answerInlineQuery"));
    expect(results).toHaveLength(1);
    expect(results[0]!.id).toBe(NO_ANSWER_RESULT_ID);
    expect(results[0]!.title).toBe("No answer found");
    expect(buttonsOf(results[0]!.reply_markup)[0]!.url).toBe("https://t.me/PrivacyFaqTestBot");
    expect(t.api.problems).toEqual([]);
  });

  it("while the index is being built, answers with no results and no caching", async () => {
    const t = await createTestBot({ service: null });
    await t.send(inlineQuery(1, "location"));
    expect(t.api.last("answerInlineQuery")).toMatchObject({ results: [], cache_time: 0 });
  });
});
