import { describe, expect, it } from "vitest";
import { createTestBot, sharedEngine, sharedService } from "../../support/bot-harness.js";
import { buttonsOf } from "../../support/fake-bot-api.js";
import {
  BOB,
  botMessage,
  GROUP_CHAT,
  SMALL_GROUP_CHAT,
  stickerMessage,
  textMessage,
} from "../../support/telegram-updates.js";

const QUESTION = "can whatsapp read my messages";

describe("groups: when the bot speaks", () => {
  it.each([
    ["plain chatter", "lol did you see the game last night"],
    ["a question not addressed to the bot", QUESTION],
    ["a mention of someone else", `@someone_else ${QUESTION}`],
    ["another bot's command", `/ask@OtherBot ${QUESTION}`],
    ["a command it does not handle", "/weather"],
  ])("stays quiet on %s", async (_what, text) => {
    const t = await createTestBot();
    await t.send(textMessage(1, text, { chat: GROUP_CHAT }));
    await t.send(textMessage(2, text, { chat: SMALL_GROUP_CHAT }));
    await t.send(stickerMessage(3, GROUP_CHAT));
    expect(t.api.calls).toEqual([]);
  });

  it("stays quiet on a reply to someone else's message", async () => {
    const t = await createTestBot();
    const bobs = { ...botMessage(10, GROUP_CHAT), from: BOB };
    await t.send(textMessage(1, QUESTION, { chat: GROUP_CHAT, replyTo: bobs }));
    expect(t.api.calls).toEqual([]);
  });

  it.each([
    ["/ask", `/ask ${QUESTION}`],
    ["/ask@bot", `/ask@PrivacyFaqTestBot ${QUESTION}`],
    ["an @-mention", `@PrivacyFaqTestBot ${QUESTION}`],
    ["an @-mention in the middle", `hey @privacyfaqtestbot, ${QUESTION}?`],
  ])(
    "answers %s compactly, as a reply to the asking message, without feedback buttons",
    async (_what, text) => {
      const t = await createTestBot();
      const engine = await sharedEngine();
      const entry = engine.ask(QUESTION).answer!.entry;
      await t.send(textMessage(1, text, { chat: GROUP_CHAT, messageId: 321 }));
      expect(t.api.callsTo("sendMessage")).toHaveLength(1);
      const sent = t.api.last("sendMessage");
      expect(sent.chat_id).toBe(GROUP_CHAT.id);
      expect(sent.reply_parameters).toEqual({ message_id: 321, allow_sending_without_reply: true });
      expect(sent.text).toContain(entry.question);
      expect(sent.text).not.toContain("Last reviewed");
      expect(sent.reply_markup).toBeUndefined();
      expect(t.api.problems).toEqual([]);
    },
  );

  it("answers a reply to one of its own messages", async () => {
    const t = await createTestBot();
    await t.send(
      textMessage(1, "and what about backups?", {
        chat: SMALL_GROUP_CHAT,
        messageId: 40,
        replyTo: botMessage(39, SMALL_GROUP_CHAT),
      }),
    );
    const sent = t.api.last("sendMessage");
    expect(sent.reply_parameters).toMatchObject({ message_id: 40 });
    expect(String(sent.text)).toMatch(/backup/i);
  });

  it("explains how to ask when mentioned or asked without a question", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 50 }));
    await t.send(textMessage(2, "/ask@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 51 }));
    expect(t.api.callsTo("sendMessage").map((c) => c.payload.reply_parameters)).toEqual([
      { message_id: 50, allow_sending_without_reply: true },
      { message_id: 51, allow_sending_without_reply: true },
    ]);
  });

  it("without a confident answer, says so and links the closest questions to a private chat", async () => {
    const t = await createTestBot();
    const service = await sharedService();
    const question = [
      "security",
      "privacy",
      "keys",
      "who can see",
      "data",
      "meta",
      "police",
      "settings",
      "phone",
      "account",
    ].find((q) => {
      const reply = service.ask(q);
      return reply.outcome === "no-answer" && reply.related.length > 0;
    })!;
    await t.send(textMessage(1, `/ask ${question}`, { chat: GROUP_CHAT, messageId: 60 }));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toMatch(/don't have a confident answer/);
    const buttons = buttonsOf(sent.reply_markup);
    expect(buttons.length).toBeGreaterThan(0);
    expect(
      buttons.every(
        (b) =>
          b.url?.startsWith("https://t.me/PrivacyFaqTestBot?start=") &&
          b.callback_data === undefined,
      ),
    ).toBe(true);
  });
});
