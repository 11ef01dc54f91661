/**
 * Turning a question into a reply, shared by private chats, /ask, groups and buttons. Private
 * replies are full answers with related questions and feedback buttons; group replies are
 * compact, reply to the asking message, and only carry links to a private chat.
 */
import type { FaqEntry } from "../faq/types.js";
import { type RecordableReply } from "../store/record.js";
import type { InsightChannel } from "../store/insights.js";
import { recordAnswer } from "../store/record.js";
import { messagesFor } from "../i18n/messages.js";
import type { Language } from "../text/languages.js";
import { escapeHtml } from "../render/telegram-html.js";
import type { BotContext } from "./context.js";
import { loggableError } from "./error-boundary.js";
import {
  clipQuestion,
  compactEntryMessage,
  deepLinkEntryMessage,
  entryMessage,
  groupNoAnswerMessage,
  noAnswerMessage,
} from "./format.js";
import {
  MAX_RELATED_BUTTONS,
  openInBotKeyboard,
  privateAnswerKeyboard,
  suggestionsKeyboard,
} from "./keyboards.js";
import { replyWithHtml } from "./send.js";

/** The bot's texts in the language of a reply. */
const textsIn = (language: Language) => messagesFor(language).bot;

/** Answers a question in a private chat. */
export async function answerPrivately(ctx: BotContext, question: string): Promise<void> {
  const result = ctx.faq.ask(clipQuestion(question));
  ctx.services.metrics?.observeAnswer("telegram-private", result);
  record(ctx, "telegram-private", result);
  const related = result.related.map((match) => match.entry);
  if (result.outcome === "out-of-scope") {
    await replyWithHtml(ctx, escapeHtml(messagesFor(result.language).outcome.outOfScope));
    return;
  }
  if (result.answer !== null) {
    const entry = result.answer.entry;
    await replyWithHtml(ctx, entryMessage(textsIn(result.language), entry), {
      keyboard: privateAnswerKeyboard(entry, related),
    });
    return;
  }
  await replyWithHtml(ctx, noAnswerMessage(textsIn(result.language), related.length > 0), {
    keyboard: related.length > 0 ? suggestionsKeyboard(related) : undefined,
  });
}

/** Answers a question in a group, as a compact reply to the message that asked it. */
export async function answerInGroup(
  ctx: BotContext,
  question: string,
  replyTo: number,
  options: { onlyIfAnswered?: boolean } = {},
): Promise<void> {
  const result = ctx.faq.ask(clipQuestion(question));
  // A reply to the bot that no entry answers may not be a question at all: stay quiet.
  if (options.onlyIfAnswered === true && result.answer === null) return;
  ctx.services.metrics?.observeAnswer("telegram-group", result);
  record(ctx, "telegram-group", result);
  const username = ctx.me.username;
  if (result.outcome === "out-of-scope") {
    await replyWithHtml(ctx, escapeHtml(messagesFor(result.language).outcome.outOfScope), {
      replyTo,
    });
    return;
  }
  if (result.answer !== null) {
    const entry = result.answer.entry;
    await replyWithHtml(ctx, compactEntryMessage(textsIn(result.language), entry), { replyTo });
    return;
  }
  const suggestions = result.related.map((match) => match.entry);
  const texts = textsIn(result.language);
  await replyWithHtml(ctx, groupNoAnswerMessage(texts, suggestions.length > 0), {
    replyTo,
    keyboard: suggestions.length > 0 ? openInBotKeyboard(username, suggestions) : undefined,
  });
}

/**
 * Sends one entry as a new private message (a related-question button, a deep link), with its
 * own related entries and feedback buttons.
 */
export async function sendEntry(
  ctx: BotContext,
  entry: FaqEntry,
  options: { fromDeepLink?: boolean } = {},
): Promise<void> {
  const related = entry.related
    .map((id) => ctx.faq.entry(id))
    .filter((other): other is FaqEntry => other !== undefined)
    .slice(0, MAX_RELATED_BUTTONS);
  recordAnswered(ctx, entry, channelOf(ctx));
  await replyWithHtml(
    ctx,
    options.fromDeepLink ? deepLinkEntryMessage(ctx.texts, entry) : entryMessage(ctx.texts, entry),
    {
      keyboard: privateAnswerKeyboard(entry, related),
    },
  );
}

/**
 * Statistics must never cost or delay an answer: recording runs alongside the reply (not
 * awaited), and a failure is logged and forgotten. A rerun of a queued update was counted on its
 * first run.
 */
function record(ctx: BotContext, channel: InsightChannel, result: RecordableReply): void {
  if (ctx.replay) return;
  recordAnswer(ctx.services.insights, channel, result).catch((error: unknown) => {
    ctx.logger.warn({ err: loggableError(error) }, "could not record a question in the statistics");
  });
}

/** The statistics channel of an update: its chat type, or inline for inline messages. */
export function channelOf(ctx: BotContext): InsightChannel {
  const type = ctx.chat?.type;
  if (type === "private") return "telegram-private";
  if (type === "group" || type === "supergroup") return "telegram-group";
  return "inline";
}

/** Records that `entry` was given as an answer (see {@link record}). */
export function recordAnswered(ctx: BotContext, entry: FaqEntry, channel: InsightChannel): void {
  if (ctx.replay) return;
  ctx.services.insights.recordAnswered({ faqId: entry.id, channel }).catch((error: unknown) => {
    ctx.logger.warn({ err: loggableError(error) }, "could not record an answer in the statistics");
  });
}
