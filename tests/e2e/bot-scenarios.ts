/**
 * The conversations both modes must handle identically, run against the real service process
 * through the Bot API stand-in. Each scenario talks in its own chats, so scenarios never see
 * each other's messages.
 */
import type { Message, User } from "grammy/types";
import { expect, it } from "vitest";
import { decodeCallbackData, encodeCallbackData } from "../../src/bot/callback-data.js";
import { deepLinkEntryMessage } from "../../src/bot/format.js";
import { en } from "../../src/i18n/locales/en.js";
import { ALLOWED_UPDATES, GROUP_COMMANDS, PRIVATE_COMMANDS } from "../../src/bot/profile.js";
import type { StandInCall } from "../support/bot-api-stand-in.js";
import { checkTelegramHtml } from "../support/telegram-html.js";
import {
  botMessage,
  callbackQuery,
  inlineQuery,
  myChatMember,
  PRIVATE_CHAT,
  type UserChat,
  textMessage,
} from "../support/telegram-updates.js";
import type { E2eHarness } from "./bot-harness.js";

let nextPerson = 50_000;
/** A person (and so a private chat) used by one scenario only. */
function newPerson(): User {
  nextPerson += 1;
  return { id: nextPerson, is_bot: false, first_name: `Person ${nextPerson}` };
}
let nextGroup = -1_002_000_000_000;
function newGroup(): UserChat {
  nextGroup -= 1;
  return { id: nextGroup, type: "supergroup", title: `Group ${-nextGroup}` };
}

/** The message the stand-in holds for a sendMessage call, as Telegram would put in a callback query. */
function sentMessage(h: E2eHarness, call: StandInCall, chat: UserChat): Message {
  const messageId = [...h.api.messages.keys()]
    .filter((key) => key.startsWith(`${chat.id}:`))
    .map((key) => Number(key.split(":")[1]))
    .sort((a, b) => b - a)[0]!;
  return {
    ...botMessage(messageId, chat, String(call.payload.text)),
    reply_markup: call.payload.reply_markup,
  } as Message;
}

const buttons = (call: StandInCall) =>
  (
    (
      call.payload.reply_markup as {
        inline_keyboard?: { text: string; callback_data?: string; url?: string }[][];
      }
    )?.inline_keyboard ?? []
  ).flat();

const QUESTION = "can whatsapp read my messages";

/** The text of a sent message as the user sees it. */
const visible = (call: StandInCall) => checkTelegramHtml(String(call.payload.text)).text;
/** The start of a button label that is certainly in the full question (labels may be cut with "…"). */
const labelStart = (label: string) => label.replace(/…$/, "").slice(0, 30);

/** Registers the shared scenarios; `harness()` gives the running harness of the suite. */
export function defineSharedScenarios(harness: () => E2eHarness): void {
  it("registers the command menus (private and group scopes) and the descriptions at start", () => {
    const { api } = harness();
    const commands = api.callsTo("setMyCommands").map((c) => c.payload);
    expect(commands).toContainEqual({
      commands: PRIVATE_COMMANDS,
      scope: { type: "all_private_chats" },
    });
    expect(commands).toContainEqual({
      commands: GROUP_COMMANDS,
      scope: { type: "all_group_chats" },
    });
    // English by default, and one of each per other language (Telegram's language_code).
    expect(api.callsTo("setMyDescription")).toHaveLength(8);
    expect(api.callsTo("setMyShortDescription")).toHaveLength(8);
    expect(api.callsTo("getMe")).toHaveLength(1);
  });

  it("answers a private question with the best answer, related questions and 👍/👎", async () => {
    const h = harness();
    const person = newPerson();
    await h.deliver(
      textMessage(h.nextUpdateId(), "Can WhatsApp read my messages?", { from: person }),
    );
    const [sent, ...more] = h.api.callsToChat("sendMessage", person.id);
    expect(more).toEqual([]);
    expect(sent!.status).toBe(200);
    expect(sent!.payload.parse_mode).toBe("HTML");
    expect(String(sent!.payload.text)).toMatch(/^<b>.*messages.*<\/b>/i);
    const kinds = buttons(sent!).map((b) => decodeCallbackData(b.callback_data)?.kind);
    expect(kinds.slice(-2)).toEqual(["vote", "vote"]);
    expect(kinds.filter((k) => k === "answer").length).toBeGreaterThan(0);
  });

  it("opens an answer from a /start <faq-id> deep link", async () => {
    const h = harness();
    const person = newPerson();
    await h.deliver(textMessage(h.nextUpdateId(), "/start live-location", { from: person }));
    const sent = h.api.callsToChat("sendMessage", person.id);
    expect(sent).toHaveLength(1);
    expect(String(sent[0]!.payload.text)).toContain("👋 Here is the answer you opened");
    expect(buttons(sent[0]!).map((b) => b.callback_data)).toContain(
      encodeCallbackData({ kind: "vote", faqId: "live-location", vote: "up" }),
    );
  });

  it("splits an over-long answer at paragraph boundaries, each part valid and within 4096", async () => {
    const h = harness();
    const person = newPerson();
    await h.deliver(textMessage(h.nextUpdateId(), `/start ${h.longEntry.id}`, { from: person }));
    const parts = h.api.callsToChat("sendMessage", person.id);
    expect(parts.length).toBe(2);
    for (const part of parts) {
      expect(part.status).toBe(200);
      expect(String(part.payload.text).length).toBeLessThanOrEqual(4096);
    }
    // Cut between two paragraphs: together the parts are exactly the whole reply.
    expect(parts.map((p) => p.payload.text).join("\n\n")).toBe(
      deepLinkEntryMessage(en.bot, h.longEntry),
    );
    expect(String(parts[0]!.payload.text)).toMatch(/^👋/);
    expect(parts[0]!.payload.reply_markup).toBeUndefined(); // the keyboard goes under the last part
    expect(buttons(parts[1]!).map((b) => b.text)).toContain("👍");
  });

  it("navigates /topics by editing one message: categories -> questions -> answer -> back", async () => {
    const h = harness();
    const person = newPerson();
    const chat = PRIVATE_CHAT(person);
    await h.deliver(textMessage(h.nextUpdateId(), "/topics", { from: person }));
    const [menu] = h.api.callsToChat("sendMessage", person.id);
    const message = sentMessage(h, menu!, chat);
    const press = async (data: string) => {
      await h.deliver(callbackQuery(h.nextUpdateId(), data, message, person));
      const edit = h.api.callsToChat("editMessageText", person.id).at(-1)!;
      expect(edit.status).toBe(200);
      expect(edit.payload.message_id).toBe(message.message_id);
      return edit;
    };
    const category = await press(buttons(menu!)[0]!.callback_data!);
    const question = buttons(category)[0]!;
    const answer = await press(question.callback_data!);
    expect(visible(answer).startsWith(labelStart(question.text))).toBe(true);
    const back = buttons(answer).find((b) => b.text === "« Back")!;
    const again = await press(back.callback_data!);
    expect(again.payload.text).toBe(category.payload.text);
    const all = buttons(again).find((b) => b.text === "« All topics")!;
    await press(all.callback_data!);
    expect(h.api.callsToChat("sendMessage", person.id)).toHaveLength(1); // still the one message
    expect(
      h.api
        .callsTo("answerCallbackQuery")
        .filter((c) => String(c.payload.callback_query_id).startsWith("cq-")).length,
    ).toBeGreaterThanOrEqual(4);
  });

  it("handles button presses: related question, 👍 recorded and acknowledged, stale data noticed", async () => {
    const h = harness();
    const person = newPerson();
    const chat = PRIVATE_CHAT(person);
    await h.deliver(textMessage(h.nextUpdateId(), QUESTION, { from: person }));
    const [answer] = h.api.callsToChat("sendMessage", person.id);
    const message = sentMessage(h, answer!, chat);
    const related = buttons(answer!).find(
      (b) => decodeCallbackData(b.callback_data)?.kind === "answer",
    )!;
    const up = buttons(answer!).find((b) => b.text === "👍")!;

    const acknowledgement = async (data: string) => {
      const update = callbackQuery(h.nextUpdateId(), data, message, person);
      await h.deliver(update);
      return h.api
        .callsTo("answerCallbackQuery")
        .find((c) => c.payload.callback_query_id === update.callback_query!.id)!;
    };

    expect((await acknowledgement(related.callback_data!)).status).toBe(200);
    const relatedAnswer = h.api.callsToChat("sendMessage", person.id)[1]!;
    expect(visible(relatedAnswer).startsWith(labelStart(related.text))).toBe(true);

    expect((await acknowledgement(up.callback_data!)).payload.text).toBe(
      "Thanks for your feedback 👍",
    );
    expect((await acknowledgement(up.callback_data!)).payload.text).toBe("Already noted 👍");
    expect((await acknowledgement("v0:some-old-button")).payload.text).toMatch(/out of date/);
    expect(h.api.callsToChat("sendMessage", person.id)).toHaveLength(2);
  });

  it("in a group answers a mention, /ask@bot and a reply to itself, as replies; ignores chatter", async () => {
    const h = harness();
    const group = newGroup();
    const person = newPerson();
    const say = (text: string, messageId: number, replyTo?: Message) =>
      h.deliver(
        textMessage(h.nextUpdateId(), text, { chat: group, from: person, messageId, replyTo }),
      );

    await say("anyone up for lunch?", 1);
    await say(QUESTION, 2); // a question, but not addressed to the bot
    expect(h.api.callsToChat("sendMessage", group.id)).toEqual([]);

    await say(`@${"PrivacyFaqTestBot"} ${QUESTION}`, 3);
    await say(`/ask@PrivacyFaqTestBot ${QUESTION}`, 4);
    await say("and what about backups?", 5, botMessage(999, group));
    const replies = h.api.callsToChat("sendMessage", group.id);
    expect(
      replies.map((r) => (r.payload.reply_parameters as { message_id: number }).message_id),
    ).toEqual([3, 4, 5]);
    for (const reply of replies) {
      expect(reply.payload.reply_markup).toBeUndefined(); // compact: no feedback buttons in groups
      expect(String(reply.payload.text)).not.toContain("Last reviewed");
    }
  });

  it("posts one short intro when added to a group", async () => {
    const h = harness();
    const group = newGroup();
    await h.deliver(myChatMember(h.nextUpdateId(), group, "left", "member"));
    const [intro, ...more] = h.api.callsToChat("sendMessage", group.id);
    expect(more).toEqual([]);
    expect(String(intro!.payload.text)).toContain("/ask your question");
  });

  it("answers inline queries with articles, deep-link buttons and a cache time; a single result when nothing matches", async () => {
    const h = harness();
    const person = newPerson();
    const found = inlineQuery(h.nextUpdateId(), "location", person);
    const nothing = inlineQuery(h.nextUpdateId(), "zzqx flurbo", person);
    await h.deliver(found);
    await h.deliver(nothing);
    const answerTo = (id: string) =>
      h.api.callsTo("answerInlineQuery").find((c) => c.payload.inline_query_id === id)!;
    const results = answerTo(found.inline_query!.id).payload.results as {
      id: string;
      reply_markup: unknown;
      input_message_content: { parse_mode: string };
    }[];
    expect(answerTo(found.inline_query!.id).payload.cache_time).toBe(300);
    expect(results.length).toBeGreaterThan(0);
    expect(results.length).toBeLessThanOrEqual(10);
    for (const result of results) {
      expect(result.input_message_content.parse_mode).toBe("HTML");
      expect(JSON.stringify(result.reply_markup)).toContain(
        `https://t.me/PrivacyFaqTestBot?start=${result.id}`,
      );
    }
    expect(
      (answerTo(nothing.inline_query!.id).payload.results as { id: string }[]).map((r) => r.id),
    ).toEqual(["no-answer"]);
  });

  it("retries after a 429 with retry_after, then succeeds", async () => {
    const h = harness();
    const person = newPerson();
    h.api.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    await h.deliver(textMessage(h.nextUpdateId(), QUESTION, { from: person }));
    const attempts = h.api.callsToChat("sendMessage", person.id);
    expect(attempts.map((a) => a.status)).toEqual([429, 200]);
    expect(attempts[1]!.at - attempts[0]!.at).toBeGreaterThanOrEqual(900);
    expect(attempts[1]!.payload.text).toBe(attempts[0]!.payload.text);
  });

  it("gives up a reply Telegram refuses for good: logged once with its id and reason, and the bot carries on", async () => {
    const h = harness();
    const person = newPerson();
    h.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const failing = textMessage(h.nextUpdateId(), QUESTION, { from: person });
    await h.deliver(failing); // webhook: 200; polling: the offset moves on
    const logged = await h.service.waitFor(
      () =>
        h.service
          .logs()
          .find(
            (line) =>
              /^reply given up/.test(line.msg ?? "") && line.update_id === failing.update_id,
          ),
      "the error log line",
    );
    expect(JSON.stringify(logged)).not.toContain(String(person.id)); // no user or chat ids in logs
    await h.deliver(textMessage(h.nextUpdateId(), QUESTION, { from: person }));
    expect(h.api.callsToChat("sendMessage", person.id).map((c) => c.status)).toEqual([400, 200]);
  });

  it("sent only texts that Telegram parses (strict HTML check of every message, edit and inline result)", () => {
    const { api } = harness();
    expect(api.problems).toEqual([]);
    const texts = [
      ...api.callsTo("sendMessage").map((c) => c.payload.text),
      ...api.callsTo("editMessageText").map((c) => c.payload.text),
      ...api
        .callsTo("answerInlineQuery")
        .flatMap((c) =>
          (c.payload.results as { input_message_content: { message_text: string } }[]).map(
            (r) => r.input_message_content.message_text,
          ),
        ),
    ];
    expect(texts.length).toBeGreaterThan(20);
    for (const text of texts) {
      const check = checkTelegramHtml(String(text));
      expect(check.errors).toEqual([]);
      expect(check.text.length).toBeLessThanOrEqual(4096);
    }
  });
}

/** The `allowed_updates` the service must request. */
export const EXPECTED_ALLOWED_UPDATES = [...ALLOWED_UPDATES];
