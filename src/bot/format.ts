/**
 * Every text the bot sends, as Telegram HTML (parse_mode "HTML"). Built on `src/render`: FAQ
 * Markdown goes through `markdownToTelegramHtml`, and every other piece of text (questions,
 * titles, usernames) through `escapeHtml`, so no message can fail with "can't parse entities".
 */
import type { Category, FaqEntry } from "../faq/types.js";
import type { BotTexts } from "../i18n/catalog.js";
import { formatEntryForTelegram, sourceLabel } from "../render/answer.js";
import {
  escapeHtml,
  markdownToTelegramHtml,
  splitMessage,
  TELEGRAM_MESSAGE_LIMIT,
} from "../render/telegram-html.js";

/** Longest question, in characters, passed to the engine (longer text is cut). */
export const MAX_QUESTION_LENGTH = 500;

/** Cuts `text` to `max` characters, ending with "…" when cut. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join("")
        .trimEnd()}…`;
}

/**
 * Cuts `text` to `max` characters at a word boundary, ending with "…" when cut (button labels:
 * never mid-word). A single word longer than `max` is cut where it must be.
 */
export function shortenAtWord(text: string, max: number): string {
  const chars = [...text];
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  const kept = space >= max / 2 ? cut.slice(0, space) : cut;
  return `${kept.replace(/[\s,;:.!?¿¡–-]+$/u, "")}…`;
}

/** A question as given to the engine: trimmed and at most {@link MAX_QUESTION_LENGTH} long. */
export function clipQuestion(text: string): string {
  return truncate(text.trim(), MAX_QUESTION_LENGTH);
}

/** The full answer of an entry (private chats, /topics): the shared Telegram rendering. */
export function entryMessage(t: BotTexts, entry: FaqEntry): string {
  return formatEntryForTelegram(entry, {
    sources: t.answer.sources,
    lastReviewed: t.answer.lastReviewed,
    unofficial: t.unofficial,
  });
}

/** A shorter answer for groups: question, answer and sources on one line, no review date. */
export function compactEntryMessage(t: BotTexts, entry: FaqEntry): string {
  const sources = entry.sources.map(
    (url) => `<a href="${escapeAttribute(url)}">${escapeHtml(sourceLabel(url))}</a>`,
  );
  return [
    `<b>${escapeHtml(entry.question)}</b>`,
    markdownToTelegramHtml(entry.answer),
    `<i>${t.answer.sources} ${sources.join(" · ")}. ${t.unofficial}</i>`,
  ].join("\n\n");
}

/** An answer opened from a deep link (`t.me/<bot>?start=<id>`): a first-contact hint, then the answer. */
export function deepLinkEntryMessage(t: BotTexts, entry: FaqEntry): string {
  return [t.deepLinkIntro, entryMessage(t, entry)].join("\n\n");
}

/** The honest reply when no entry is a confident match. */
export function noAnswerMessage(t: BotTexts, hasSuggestions: boolean): string {
  return hasSuggestions ? t.noAnswerWithSuggestions : t.noAnswer;
}

/** The group version: no /topics there, so point to a private chat. */
export function groupNoAnswerMessage(t: BotTexts, hasSuggestions: boolean): string {
  return hasSuggestions ? t.groupNoAnswerWithSuggestions : t.groupNoAnswer;
}

/** /start without a payload. */
export function welcomeMessage(
  t: BotTexts,
  categories: readonly Category[],
  entryCount: number,
): string {
  const topics = categories.map((c) => escapeHtml(c.title)).join(" · ");
  return [
    t.welcome.title,
    t.welcome.body(entryCount, topics),
    `<i>${t.unofficial}</i>`,
    t.welcome.prompt,
  ].join("\n\n");
}

/** /help in a private chat. */
export function helpMessage(t: BotTexts, botUsername: string): string {
  const bot = `@${escapeHtml(botUsername)}`;
  return [
    t.help.title,
    t.help.intro,
    t.help.commands.join("\n"),
    t.help.inGroups(bot),
    t.help.inAnyChat(bot),
    `<i>${t.unofficial}</i>`,
  ].join("\n\n");
}

/** Posted once when the bot is added to a group, and on /start or /help there. */
export function groupIntroMessage(t: BotTexts, botUsername: string): string {
  const bot = `@${escapeHtml(botUsername)}`;
  return [`${t.groupIntro.about} ${t.unofficial}`, t.groupIntro.howTo(bot)].join("\n\n");
}

/** /privacy: what this bot keeps, in plain words. */
export function privacyMessage(t: BotTexts, retentionDays: number): string {
  return [
    t.privacy.title,
    t.privacy
      .kept(retentionDays)
      .map((line) => `• ${line}`)
      .join("\n"),
    t.privacy.goodToKnow,
    `<i>${t.unofficial}</i>`,
  ].join("\n\n");
}

/** Root of /topics. */
export function topicsMessage(t: BotTexts): string {
  return `${t.topics.title}\n\n${t.topics.pickTopic}`;
}

/** One category of /topics. */
export function categoryMessage(t: BotTexts, category: Category): string {
  return `<b>${escapeHtml(category.title)}</b>\n${escapeHtml(category.description)}\n\n${t.topics.pickQuestion}`;
}

/**
 * The plain-text beginning of an answer, for inline result descriptions: rendered, tags
 * removed, entities decoded, whitespace collapsed.
 */
export function answerSnippet(entry: FaqEntry, max = 100): string {
  const plain = markdownToTelegramHtml(entry.answer)
    .replace(/<[^>]+>/g, "")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return truncate(plain, max);
}

/**
 * HTML that must fit one message (inline results cannot be split): the first part at a
 * paragraph boundary, followed by "…" when something was left out.
 */
export function fitOneMessage(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string {
  if (html.length <= limit) return html;
  const [first = ""] = splitMessage(html, limit - 3);
  return `${first}\n\n…`;
}

function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/g, "&quot;");
}
