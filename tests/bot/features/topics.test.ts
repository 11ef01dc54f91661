import type { Message } from "grammy/types";
import { describe, expect, it } from "vitest";
import { decodeCallbackData, encodeCallbackData } from "../../../src/bot/callback-data.js";
import { en } from "../../../src/i18n/locales/en.js";
import { formatEntryForTelegram } from "../../../src/render/answer.js";
import { createTestBot, sharedEngine, type TestBot } from "../../support/bot-harness.js";
import { buttonsOf, callbackDataOf } from "../../support/fake-bot-api.js";
import {
  botMessage,
  callbackQuery,
  GROUP_CHAT,
  PRIVATE_CHAT,
  textMessage,
} from "../../support/telegram-updates.js";

/** Presses the button with `data` on `message`; returns the message as edited. */
async function press(
  t: TestBot,
  updateId: number,
  data: string,
  message: Message,
): Promise<Record<string, unknown>> {
  const edits = t.api.callsTo("editMessageText").length;
  await t.send(callbackQuery(updateId, data, message));
  expect(t.api.callsTo("editMessageText")).toHaveLength(edits + 1);
  return t.api.last("editMessageText");
}

describe("/topics", () => {
  it("navigates categories -> questions -> answer -> back by editing one message", async () => {
    const t = await createTestBot();
    const engine = await sharedEngine();
    await t.send(textMessage(1, "/topics"));
    const menu = t.api.last("sendMessage");
    const categoryButtons = callbackDataOf(menu.reply_markup);
    expect(categoryButtons).toHaveLength(engine.categories.length);
    const message = {
      ...botMessage(500, PRIVATE_CHAT()),
      reply_markup: menu.reply_markup,
    } as Message;

    const category = engine.categories[0]!;
    const listing = await press(
      t,
      2,
      encodeCallbackData({ kind: "category", categoryId: category.id }),
      message,
    );
    expect(listing).toMatchObject({
      chat_id: PRIVATE_CHAT().id,
      message_id: 500,
      parse_mode: "HTML",
    });
    expect(listing.text).toContain(category.title);
    const questions = callbackDataOf(listing.reply_markup).map((d) => decodeCallbackData(d));
    const inCategory = engine.entries.filter((e) => e.category === category.id);
    expect(questions.slice(0, -1)).toEqual(
      inCategory.map((e) => ({ kind: "topic-answer", faqId: e.id })),
    );
    expect(questions.at(-1)).toEqual({ kind: "topics" });

    const entry = inCategory[0]!;
    const answer = await press(
      t,
      3,
      encodeCallbackData({ kind: "topic-answer", faqId: entry.id }),
      message,
    );
    expect(answer.message_id).toBe(500);
    expect(answer.text).toBe(formatEntryForTelegram(entry));
    const answerButtons = buttonsOf(answer.reply_markup);
    expect(answerButtons.map((b) => b.text)).toEqual(["👍", "👎", "« Back", "« All topics"]);
    expect(decodeCallbackData(answerButtons[2]!.callback_data)).toEqual({
      kind: "category",
      categoryId: category.id,
    });

    const back = await press(t, 4, answerButtons[2]!.callback_data!, message);
    expect(back.text).toContain(category.title);
    const root = await press(t, 5, answerButtons[3]!.callback_data!, message);
    expect(callbackDataOf(root.reply_markup)).toEqual(categoryButtons);

    expect(t.api.callsTo("sendMessage")).toHaveLength(1); // one message, edited in place
    expect(t.api.callsTo("answerCallbackQuery")).toHaveLength(4); // every press acknowledged
    expect(t.api.problems).toEqual([]);
  });

  it("a press on an unchanged menu ('message is not modified') is not an error", async () => {
    const t = await createTestBot();
    t.api.failNext("editMessageText", {
      error_code: 400,
      description: "Bad Request: message is not modified",
    });
    await t.send(
      callbackQuery(1, encodeCallbackData({ kind: "topics" }), botMessage(500, PRIVATE_CHAT())),
    );
    expect(t.api.callsTo("answerCallbackQuery")).toHaveLength(1);
    expect(t.api.callsTo("sendMessage")).toHaveLength(0);
    expect(t.logger.at("error")).toEqual([]);
  });

  it("a message that can no longer be edited gets a new message instead", async () => {
    const t = await createTestBot();
    t.api.failNext("editMessageText", {
      error_code: 400,
      description: "Bad Request: message can't be edited",
    });
    await t.send(
      callbackQuery(1, encodeCallbackData({ kind: "topics" }), botMessage(500, PRIVATE_CHAT())),
    );
    expect(t.api.last("sendMessage").text).toContain("Topics");
    expect(t.logger.at("error")).toEqual([]);
  });

  it("an unknown category or entry is a stale button: short notice, no edit", async () => {
    const t = await createTestBot();
    await t.send(callbackQuery(1, "v1:c:no-such-topic", botMessage(500, PRIVATE_CHAT())));
    await t.send(callbackQuery(2, "v1:q:no-such-entry", botMessage(500, PRIVATE_CHAT())));
    expect(t.api.callsTo("answerCallbackQuery").map((c) => c.payload.text)).toEqual([
      en.bot.staleButton,
      en.bot.staleButton,
    ]);
    expect(t.api.callsTo("editMessageText")).toHaveLength(0);
  });

  it("in a group, links to browsing in a private chat instead of opening menus there", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/topics@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 3 }));
    const sent = t.api.last("sendMessage");
    expect(buttonsOf(sent.reply_markup)).toEqual([
      { text: "Topics", url: "https://t.me/PrivacyFaqTestBot?start=topics" },
    ]);
    expect(sent.reply_parameters).toMatchObject({ message_id: 3 });
  });
});
