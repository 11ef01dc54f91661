import { AnswerService } from "../../../src/answering/service.js";
import { describe, expect, it } from "vitest";
import { decodeCallbackData, encodeCallbackData } from "../../../src/bot/callback-data.js";
import { en } from "../../../src/i18n/locales/en.js";
import type { FaqEntry } from "../../../src/faq/types.js";
import { formatEntryForTelegram } from "../../../src/render/answer.js";
import { TELEGRAM_MESSAGE_LIMIT } from "../../../src/render/telegram-html.js";
import { createTestBot, sharedEngine, sharedService } from "../../support/bot-harness.js";
import { buttonsOf, callbackDataOf } from "../../support/fake-bot-api.js";
import { realKnowledgeBase } from "../../support/knowledge-base.js";
import {
  botMessage,
  callbackQuery,
  PRIVATE_CHAT,
  textMessage,
} from "../../support/telegram-updates.js";

/** A question the engine cannot answer confidently but has suggestions for. */
async function unconfidentQuestion(): Promise<string> {
  const service = await sharedService();
  const question = [
    "security",
    "privacy",
    "keys",
    "who can see",
    "is it safe",
    "data",
    "meta",
    "police",
    "settings",
    "phone",
    "account",
    "privacy stuff",
  ].find((q) => {
    const reply = service.ask(q);
    return reply.outcome === "no-answer" && reply.related.length > 0;
  });
  if (question === undefined)
    throw new Error("no unconfident question with suggestions among the candidates");
  return question;
}

describe("private chat: questions", () => {
  it("answers any text with the best entry, formatted for Telegram, with related questions and 👍/👎", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "Can WhatsApp read my messages?"));
    const engine = await sharedEngine();
    const expected = engine.ask("Can WhatsApp read my messages?").answer!.entry;
    const sent = t.api.last("sendMessage");
    expect(sent.chat_id).toBe(PRIVATE_CHAT().id);
    expect(sent.parse_mode).toBe("HTML");
    expect(sent.text).toBe(formatEntryForTelegram(expected));
    const actions = callbackDataOf(sent.reply_markup).map((data) => decodeCallbackData(data));
    const related = actions.filter((a) => a?.kind === "answer");
    expect(related.length).toBeGreaterThan(0);
    expect(related.length).toBeLessThanOrEqual(3);
    expect(actions.slice(-2)).toEqual([
      { kind: "vote", faqId: expected.id, vote: "up" },
      { kind: "vote", faqId: expected.id, vote: "down" },
    ]);
    expect(
      buttonsOf(sent.reply_markup)
        .slice(-2)
        .map((b) => b.text),
    ).toEqual(["👍", "👎"]);
    expect(t.api.problems).toEqual([]);
    expect(await t.insights.mostAsked(1)).toEqual([expected.id]);
  });

  it("without a confident answer says so honestly, offers 'did you mean' buttons and points to /topics", async () => {
    const t = await createTestBot();
    const question = await unconfidentQuestion();
    await t.send(textMessage(1, question));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toMatch(/don't have a confident answer/);
    expect(sent.text).toContain("/topics");
    const suggestions = callbackDataOf(sent.reply_markup).map((d) => decodeCallbackData(d));
    expect(suggestions.length).toBeGreaterThan(0);
    expect(suggestions.every((a) => a?.kind === "answer")).toBe(true);
    expect(t.api.problems).toEqual([]);
  });

  it("with nothing close says so without buttons, and keeps only the normalised question", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "What's the WEATHER in Paris tomorrow?!"));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toMatch(/don't have an answer/);
    expect(sent.text).toContain("/topics");
    expect(sent.reply_markup).toBeUndefined();
    const unanswered = await t.insights.unanswered(10);
    expect(unanswered).toHaveLength(1);
    expect(unanswered[0]!.question).not.toContain("WEATHER");
    expect(unanswered[0]!.question).not.toContain("?");
  });

  it("answers /ask <question>, and explains /ask without one", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/ask can the police get my whatsapp messages"));
    expect(t.api.last("sendMessage").text).toContain("<b>");
    expect(callbackDataOf(t.api.last("sendMessage").reply_markup).length).toBeGreaterThanOrEqual(2);
    await t.send(textMessage(2, "/ask"));
    expect(t.api.last("sendMessage").text).toContain("/ask can WhatsApp read my messages?");
  });

  it("says so for an unknown command instead of searching for it", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/frobnicate"));
    expect(t.api.last("sendMessage").text).toMatch(/don't know that command/);
  });

  it("a related-question button sends that answer as a new message", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    const target = engine.get("backups") ?? engine.entries[0]!;
    const message = botMessage(900, PRIVATE_CHAT());
    await t.send(
      callbackQuery(1, encodeCallbackData({ kind: "answer", faqId: target.id }), message),
    );
    expect(t.api.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect(t.api.last("answerCallbackQuery").text).toBeUndefined();
    expect(t.api.last("sendMessage").text).toBe(formatEntryForTelegram(target));
    expect(t.api.callsTo("editMessageText")).toHaveLength(0);
  });

  it("a button for an entry that no longer exists gets a short notice, not an error", async () => {
    const t = await createTestBot();
    await t.send(callbackQuery(1, "v1:a:no-such-entry", botMessage(900, PRIVATE_CHAT())));
    expect(t.api.last("answerCallbackQuery").text).toBe(en.bot.staleButton);
    expect(t.api.callsTo("sendMessage")).toHaveLength(0);
    expect(t.logger.at("error")).toEqual([]);
  });

  it("splits an answer longer than 4096 characters at paragraph boundaries, keyboard under the last part", async () => {
    const kb = await realKnowledgeBase();
    const paragraphs = Array.from(
      { length: 30 },
      (_, i) =>
        `Paragraph ${i + 1}: WhatsApp & "privacy" <details> ${"lorem ipsum dolor sit amet ".repeat(8).trim()}.`,
    );
    const long: FaqEntry = { ...kb.entries[0]!, answer: paragraphs.join("\n\n") };
    const service = AnswerService.build({ ...kb, entries: [long, ...kb.entries.slice(1)] });
    const t = await createTestBot({ service });
    await t.send(textMessage(1, long.question));
    const parts = t.api.callsTo("sendMessage").map((c) => c.payload);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts)
      expect(String(part.text).length).toBeLessThanOrEqual(TELEGRAM_MESSAGE_LIMIT);
    expect(parts.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
    expect(callbackDataOf(parts.at(-1)!.reply_markup)).toContain(
      encodeCallbackData({ kind: "vote", faqId: long.id, vote: "up" }),
    );
    expect(parts.map((p) => p.text).join("\n\n")).toBe(formatEntryForTelegram(long));
    expect(t.api.problems).toEqual([]); // every part is valid HTML on its own
  });

  it("while the index is still being built, says it is starting up", async () => {
    const t = await createTestBot({ service: null });
    await t.send(textMessage(1, "can whatsapp read my messages"));
    expect(t.api.last("sendMessage").text).toBe(en.bot.startingUp);
    expect(t.logger.at("error")).toEqual([]);
  });
});
