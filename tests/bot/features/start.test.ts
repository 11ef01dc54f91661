import { describe, expect, it } from "vitest";
import { decodeCallbackData } from "../../../src/bot/callback-data.js";
import { formatEntryForTelegram } from "../../../src/render/answer.js";
import { createTestBot, sharedEngine } from "../../support/bot-harness.js";
import { callbackDataOf } from "../../support/fake-bot-api.js";
import { GROUP_CHAT, textMessage } from "../../support/telegram-updates.js";

describe("/start", () => {
  it("welcomes: says what the bot knows, that it is unofficial, and shows topic buttons", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    await t.send(textMessage(1, "/start"));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toContain("WhatsApp privacy");
    expect(sent.text).toContain(`${engine.entries.length} answers`);
    expect(sent.text).toMatch(/Unofficial/);
    const topics = callbackDataOf(sent.reply_markup).map((d) => decodeCallbackData(d));
    expect(topics).toEqual(engine.categories.map((c) => ({ kind: "category", categoryId: c.id })));
    expect(t.api.problems).toEqual([]);
  });

  it("opens an answer directly from a deep link (/start <faq-id>)", async () => {
    const t = await createTestBot();
    const entry = (await sharedEngine()).entries[3]!;
    await t.send(textMessage(1, `/start ${entry.id}`));
    const sent = t.api.last("sendMessage");
    expect(String(sent.text).endsWith(formatEntryForTelegram(entry))).toBe(true);
    expect(sent.text).toContain("👋");
    expect(callbackDataOf(sent.reply_markup).map((d) => decodeCallbackData(d)?.kind)).toContain(
      "vote",
    );
    expect(await t.insights.mostAsked(1)).toEqual([entry.id]);
  });

  it("explains an out-of-date deep link and offers the topics", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/start no-longer-here"));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toMatch(/no longer have/);
    expect(callbackDataOf(sent.reply_markup).length).toBeGreaterThan(0);
  });

  it("opens the topics from the 'topics' deep link", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/start topics"));
    expect(t.api.last("sendMessage").text).toContain("Topics");
  });

  it("in a group, answers with the short how-to-ask intro as a reply", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/start@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 77 }));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toContain("/ask your question");
    expect(sent.reply_parameters).toMatchObject({ message_id: 77 });
  });
});
