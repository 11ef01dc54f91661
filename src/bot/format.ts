/**
 * Every text the bot sends, as Telegram HTML (parse_mode "HTML"). Built on `src/render`: FAQ
 * Markdown goes through `markdownToTelegramHtml`, and every other piece of text (questions,
 * titles, usernames) through `escapeHtml`, so no message can fail with "can't parse entities".
 */
import type { Category, FaqEntry } from "../faq/types.js";
import { formatEntryForTelegram, sourceLabel } from "../render/answer.js";
import {
  escapeHtml,
  markdownToTelegramHtml,
  splitMessage,
  TELEGRAM_MESSAGE_LIMIT,
} from "../render/telegram-html.js";

/** Shown wherever the bot introduces itself. */
export const UNOFFICIAL_NOTE = "Unofficial: not affiliated with WhatsApp or Meta.";

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

/** A question as given to the engine: trimmed and at most {@link MAX_QUESTION_LENGTH} long. */
export function clipQuestion(text: string): string {
  return truncate(text.trim(), MAX_QUESTION_LENGTH);
}

/** The full answer of an entry (private chats, /topics): the shared Telegram rendering. */
export function entryMessage(entry: FaqEntry): string {
  return formatEntryForTelegram(entry);
}

/** A shorter answer for groups: question, answer and sources on one line, no review date. */
export function compactEntryMessage(entry: FaqEntry): string {
  const sources = entry.sources.map(
    (url) => `<a href="${escapeAttribute(url)}">${escapeHtml(sourceLabel(url))}</a>`,
  );
  return [
    `<b>${escapeHtml(entry.question)}</b>`,
    markdownToTelegramHtml(entry.answer),
    `<i>Sources: ${sources.join(" · ")}. ${escapeHtml(UNOFFICIAL_NOTE)}</i>`,
  ].join("\n\n");
}

/** An answer opened from a deep link (`t.me/<bot>?start=<id>`): a first-contact hint, then the answer. */
export function deepLinkEntryMessage(entry: FaqEntry): string {
  return [
    "👋 Here is the answer you opened. Ask me anything else about WhatsApp privacy in your own words, or browse /topics.",
    entryMessage(entry),
  ].join("\n\n");
}

/** The honest reply when no entry is a confident match. */
export function noAnswerMessage(hasSuggestions: boolean): string {
  return hasSuggestions
    ? "I don't have a confident answer to that. Did you mean one of these? Or browse all answers with /topics."
    : "I don't have an answer to that in my FAQ. Try other words, or browse all answers with /topics.";
}

/** The group version: no /topics there, so point to a private chat. */
export function groupNoAnswerMessage(hasSuggestions: boolean): string {
  return hasSuggestions
    ? "I don't have a confident answer to that. The closest questions I know are below."
    : "I don't have an answer to that in my FAQ. Try other words, or ask me in a private chat.";
}

/** /start without a payload. */
export function welcomeMessage(categories: readonly Category[], entryCount: number): string {
  const topics = categories.map((c) => escapeHtml(c.title)).join(" · ");
  return [
    "👋 <b>Hi! I answer questions about WhatsApp privacy.</b>",
    `I know ${entryCount} answers from a curated FAQ, each linked to its sources. Topics: ${topics}.`,
    `<i>${escapeHtml(UNOFFICIAL_NOTE)}</i>`,
    "Send me a question in your own words, for example <i>Can WhatsApp read my messages?</i>, or pick a topic:",
  ].join("\n\n");
}

/** /start with a payload that is not (or no longer) an entry. */
export function unknownDeepLinkMessage(): string {
  return "That link points to an answer I no longer have. Ask me in your own words, or browse /topics.";
}

/** /help in a private chat. */
export function helpMessage(botUsername: string): string {
  const bot = `@${escapeHtml(botUsername)}`;
  return [
    "<b>How to use this bot</b>",
    "Send me a question about WhatsApp privacy in your own words, for example <i>Can WhatsApp see my location?</i>",
    [
      "/topics – browse all answers by topic",
      "/ask &lt;question&gt; – ask a question (also works in groups)",
      "/privacy – what this bot stores about you",
      "/help – this message",
    ].join("\n"),
    `<b>In groups:</b> add me, then write <code>/ask your question</code>, mention ${bot} with your question, or reply to one of my messages. I ignore everything else.`,
    `<b>In any chat:</b> type ${bot} followed by a question and pick an answer to share it.`,
    `<i>${escapeHtml(UNOFFICIAL_NOTE)}</i>`,
  ].join("\n\n");
}

/** Posted once when the bot is added to a group, and on /start or /help there. */
export function groupIntroMessage(botUsername: string): string {
  const bot = `@${escapeHtml(botUsername)}`;
  return [
    "👋 I answer questions about WhatsApp privacy from a curated FAQ. " +
      escapeHtml(UNOFFICIAL_NOTE),
    `To ask: <code>/ask your question</code>, mention ${bot} with your question, or reply to one of my messages. I stay quiet otherwise.`,
  ].join("\n\n");
}

/** /privacy: what this bot keeps, in plain words. */
export function privacyMessage(retentionDays: number): string {
  const days = `${retentionDays} day${retentionDays === 1 ? "" : "s"}`;
  return [
    "<b>What this bot stores</b>",
    [
      "• It does <b>not</b> keep your user id, name, username, phone number, chat ids or IP address, nor the text of questions it answered.",
      "• To answer reliably, each message you send it (as Telegram delivers it, with your user and chat id) is held in a queue until the answer is sent, then deleted. Only its update number is kept, for 24 hours, so that a repeated delivery is not answered twice.",
      "• For each answer it gives: which FAQ entry, where (private chat, group, inline or web) and the hour. Nothing about who asked.",
      "• For questions it could not answer: their text in lower case without punctuation, with e-mail addresses, links, @handles and long numbers (phone numbers, ids) removed; how often and when they were first and last asked; and the closest entry, to improve the FAQ. At most 10,000 such questions are kept (unless the operator sets another limit): the least asked go first. Nothing about who asked.",
      "• For 👍 / 👎: the entry, the vote and the hour. So that you can change your vote, it also keeps a one-way code of you and the message (an HMAC, not your id) for 48 hours.",
      "• To stop floods, it counts your questions per minute under another one-way code, forgotten after the minute.",
      `• All of this is deleted after ${days}.`,
    ].join("\n"),
    "<b>Good to know:</b> chats with bots on Telegram are <b>not end-to-end encrypted</b>. Telegram's servers can read what you send here, as in any Telegram cloud chat. Don't send anything you would not put in a public FAQ.",
    `<i>${escapeHtml(UNOFFICIAL_NOTE)}</i>`,
  ].join("\n\n");
}

/** Root of /topics. */
export function topicsMessage(): string {
  return "<b>Topics</b>\n\nPick a topic to see its questions:";
}

/** One category of /topics. */
export function categoryMessage(category: Category): string {
  return `<b>${escapeHtml(category.title)}</b>\n${escapeHtml(category.description)}\n\nPick a question:`;
}

/** Reply to /ask without a question. */
export function askUsageMessage(): string {
  return "Write your question after the command, for example: <code>/ask can WhatsApp read my messages?</code>";
}

/** Reply to an @-mention or /ask in a group with nothing else in it. */
export function groupEmptyQuestionMessage(): string {
  return "Yes? Write your question with the mention, for example: <i>can WhatsApp see my location?</i>";
}

/** Private message that is not text (a sticker, a photo...). */
export function textOnlyMessage(): string {
  return "I can only read text. Send me your question as a message, or browse /topics.";
}

/** A command the bot does not know, in a private chat. */
export function unknownCommandMessage(): string {
  return "I don't know that command. Send me a question, or see /help.";
}

/** Group /topics: browsing happens in a private chat. */
export function groupTopicsMessage(): string {
  return "Browsing topics works best in a private chat with me:";
}

/** While the first index is being built. */
export const STARTING_UP_NOTICE = "I'm just starting up. Please try again in a few seconds.";
/** A pressed button whose data is stale (older release) or unknown. */
export const STALE_BUTTON_NOTICE = "This button is out of date. Ask again, or send /topics.";
/** Sent once when someone goes over the per-user question limit; then the bot stays silent. */
export const RATE_LIMIT_NOTICE =
  "You're asking faster than I can keep up with. Please wait a minute, then ask again.";

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
