import { describe, expect, it } from "vitest";
import { encodeCallbackData } from "../../../src/bot/callback-data.js";
import { en } from "../../../src/i18n/locales/en.js";
import { createTestBot, sharedEngine } from "../../support/bot-harness.js";
import {
  BOB,
  botMessage,
  callbackQuery,
  GROUP_CHAT,
  inlineQuery,
  PRIVATE_CHAT,
  textMessage,
} from "../../support/telegram-updates.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");
const limited = (perMinute: number) =>
  createTestBot({ deps: { rateLimit: { secret: SECRET, perMinute } } });

describe("per-user question limit", () => {
  it("answers up to the limit, sends one short notice, then stays silent", async () => {
    const t = await limited(3);
    for (let i = 1; i <= 7; i++) await t.send(textMessage(i, "can whatsapp read my messages"));
    const texts = t.api.sentTexts();
    expect(texts).toHaveLength(4);
    expect(texts.at(-1)).toBe(en.bot.rateLimit);
    // Someone else is not affected.
    await t.send(textMessage(8, "can whatsapp read my messages", { from: BOB }));
    const toBob = t.api.callsTo("sendMessage").filter((call) => call.payload.chat_id === BOB.id);
    expect(toBob).toHaveLength(1);
    expect(toBob[0]!.payload.text).not.toBe(en.bot.rateLimit);
  });

  it("counts button presses too, with the notice as a toast", async () => {
    const t = await limited(1);
    const entry = (await sharedEngine()).entries[0]!;
    const data = encodeCallbackData({ kind: "answer", faqId: entry.id });
    await t.send(callbackQuery(1, data, botMessage(5, PRIVATE_CHAT())));
    await t.send(callbackQuery(2, data, botMessage(5, PRIVATE_CHAT())));
    await t.send(callbackQuery(3, data, botMessage(5, PRIVATE_CHAT())));
    const toasts = t.api.callsTo("answerCallbackQuery").map((call) => call.payload.text);
    expect(toasts).toEqual([undefined, en.bot.rateLimit]);
  });

  it("does not count group chatter the bot ignores; replies to the asking message in groups", async () => {
    const t = await limited(1);
    for (let i = 1; i <= 5; i++)
      await t.send(textMessage(i, "just chatting", { chat: GROUP_CHAT, messageId: 100 + i }));
    await t.send(
      textMessage(10, "/ask can whatsapp read my messages", { chat: GROUP_CHAT, messageId: 200 }),
    );
    await t.send(
      textMessage(11, "/ask is whatsapp encrypted", { chat: GROUP_CHAT, messageId: 201 }),
    );
    const sent = t.api.callsTo("sendMessage");
    expect(sent).toHaveLength(2);
    expect(sent[1]!.payload).toMatchObject({
      text: en.bot.rateLimit,
      reply_parameters: { message_id: 201 },
    });
  });

  it("gives inline queries a larger budget, and no notice", async () => {
    const t = await limited(1);
    for (let i = 1; i <= 5; i++) await t.send(inlineQuery(i, "location"));
    expect(t.api.callsTo("answerInlineQuery")).toHaveLength(3);
    expect(t.api.callsTo("sendMessage")).toEqual([]);
  });
});
