/** Inline keyboards. Callback buttons are encoded by `callback-data.ts`, never by hand. */
import { InlineKeyboard } from "grammy";
import type { InlineKeyboardButton } from "grammy/types";
import type { Category, FaqEntry } from "../faq/types.js";
import type { BotTexts } from "../i18n/catalog.js";
import { type CallbackAction, encodeCallbackData } from "./callback-data.js";
import { shortenAtWord, truncate } from "./format.js";

/** Longest button label; Telegram cuts long labels anyway, badly. */
export const MAX_BUTTON_LABEL = 60;
/** Most related questions or suggestions offered under one message. */
export const MAX_RELATED_BUTTONS = 3;

type Row = InlineKeyboardButton[];

/** `https://t.me/<bot>?start=<payload>`: opens a private chat with the bot and sends /start <payload>. */
export function deepLink(botUsername: string, payload?: string): string {
  const base = `https://t.me/${encodeURIComponent(botUsername)}`;
  return payload === undefined ? base : `${base}?start=${encodeURIComponent(payload)}`;
}

const button = (text: string, action: CallbackAction) =>
  InlineKeyboard.text(truncate(text, MAX_BUTTON_LABEL), encodeCallbackData(action));
// Questions are cut at a word boundary, never mid-word.
const entryButton = (entry: FaqEntry, action: CallbackAction) =>
  InlineKeyboard.text(shortenAtWord(entry.question, MAX_BUTTON_LABEL), encodeCallbackData(action));
const feedbackRow = (entry: FaqEntry): Row => [
  button("👍", { kind: "vote", faqId: entry.id, vote: "up" }),
  button("👎", { kind: "vote", faqId: entry.id, vote: "down" }),
];
const allTopicsButton = (t: BotTexts) => button(t.buttons.allTopics, { kind: "topics" });

/** Under a private answer: up to 3 related questions, one per row, then 👍 / 👎. */
export function privateAnswerKeyboard(
  entry: FaqEntry,
  related: readonly FaqEntry[],
): InlineKeyboard {
  const rows: Row[] = related
    .slice(0, MAX_RELATED_BUTTONS)
    .map((other) => [entryButton(other, { kind: "answer", faqId: other.id })]);
  return InlineKeyboard.from([...rows, feedbackRow(entry)]);
}

/** "Did you mean": the closest entries, each sending its answer. */
export function suggestionsKeyboard(entries: readonly FaqEntry[]): InlineKeyboard {
  return InlineKeyboard.from(
    entries
      .slice(0, MAX_RELATED_BUTTONS)
      .map((entry) => [entryButton(entry, { kind: "answer", faqId: entry.id })]),
  );
}

/** The categories of /topics, two per row. */
export function topicsKeyboard(categories: readonly Category[]): InlineKeyboard {
  const rows: Row[] = [];
  categories.forEach((category, index) => {
    const categoryButton = button(category.title, { kind: "category", categoryId: category.id });
    if (index % 2 === 0) rows.push([categoryButton]);
    else rows[rows.length - 1]!.push(categoryButton);
  });
  return InlineKeyboard.from(rows);
}

/** The questions of one category, then a back button to the categories. */
export function categoryKeyboard(t: BotTexts, entries: readonly FaqEntry[]): InlineKeyboard {
  return InlineKeyboard.from([
    ...entries.map((entry) => [entryButton(entry, { kind: "topic-answer", faqId: entry.id })]),
    [allTopicsButton(t)],
  ]);
}

/** Under an answer reached through /topics: 👍 / 👎, then back to its category or all topics. */
export function topicAnswerKeyboard(t: BotTexts, entry: FaqEntry): InlineKeyboard {
  return InlineKeyboard.from([
    feedbackRow(entry),
    [button(t.buttons.back, { kind: "category", categoryId: entry.category }), allTopicsButton(t)],
  ]);
}

/** Link buttons that open entries in a private chat with the bot (groups, inline results). */
export function openInBotKeyboard(
  botUsername: string,
  entries: readonly FaqEntry[],
): InlineKeyboard {
  return InlineKeyboard.from(
    entries
      .slice(0, MAX_RELATED_BUTTONS)
      .map((entry) => [
        InlineKeyboard.url(
          shortenAtWord(entry.question, MAX_BUTTON_LABEL),
          deepLink(botUsername, entry.id),
        ),
      ]),
  );
}

/** One link button. */
export function linkKeyboard(text: string, url: string): InlineKeyboard {
  return InlineKeyboard.from([[InlineKeyboard.url(text, url)]]);
}
