/**
 * Turning a question into a reply, shared by private chats, /ask, groups and buttons. Private
 * replies are full answers with related questions and feedback buttons; group replies are
 * compact, reply to the asking message, and only carry links to a private chat.
 */
import type { FaqEntry } from "../faq/types.js";
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

/** Answers a question in a private chat. */
export async function answerPrivately(ctx: BotContext, question: string): Promise<void> {
  const result = ctx.engine.ask(clipQuestion(question));
  ctx.services.metrics?.observeAnswer("telegram-private", result);
  const related = result.related.map((match) => match.entry);
  if (result.answer !== null) {
    const entry = result.answer.entry;
    await recordAnswered(ctx, entry);
    await replyWithHtml(ctx, entryMessage(entry), {
      keyboard: privateAnswerKeyboard(entry, related),
    });
    return;
  }
  await recordUnanswered(ctx, result.normalized);
  await replyWithHtml(ctx, noAnswerMessage(related.length > 0), {
    keyboard: related.length > 0 ? suggestionsKeyboard(related) : undefined,
  });
}

/** Answers a question in a group, as a compact reply to the message that asked it. */
export async function answerInGroup(
  ctx: BotContext,
  question: string,
  replyTo: number,
): Promise<void> {
  const result = ctx.engine.ask(clipQuestion(question));
  ctx.services.metrics?.observeAnswer("telegram-group", result);
  const username = ctx.me.username;
  if (result.answer !== null) {
    const entry = result.answer.entry;
    await recordAnswered(ctx, entry);
    await replyWithHtml(ctx, compactEntryMessage(entry), { replyTo });
    return;
  }
  await recordUnanswered(ctx, result.normalized);
  const suggestions = result.related.map((match) => match.entry);
  await replyWithHtml(ctx, groupNoAnswerMessage(suggestions.length > 0), {
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
    .map((id) => ctx.engine.get(id))
    .filter((other): other is FaqEntry => other !== undefined)
    .slice(0, MAX_RELATED_BUTTONS);
  await recordAnswered(ctx, entry);
  await replyWithHtml(
    ctx,
    options.fromDeepLink ? deepLinkEntryMessage(entry) : entryMessage(entry),
    {
      keyboard: privateAnswerKeyboard(entry, related),
    },
  );
}

/** Statistics must never cost an answer: failures are logged and forgotten. */
export async function recordAnswered(ctx: BotContext, entry: FaqEntry): Promise<void> {
  try {
    await ctx.services.stats.recordAnswered(entry.id);
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error) }, "could not record an answer in the statistics");
  }
}

async function recordUnanswered(ctx: BotContext, normalized: string): Promise<void> {
  try {
    await ctx.services.stats.recordUnanswered(normalized);
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error) }, "could not record an unanswered question");
  }
}
