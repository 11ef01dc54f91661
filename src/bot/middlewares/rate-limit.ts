import { Composer } from "grammy";
import type { Redis } from "ioredis";
import { botRateLimiter } from "../../store/bot-rate-limit.js";
import type { LimiterErrorHandler } from "../../store/rate-limit.js";
import type { BotContext } from "../context.js";
import { RetryLaterError } from "../delivery/errors.js";
import { loggableError } from "../error-boundary.js";
import { isGroupChat, mentionsOfBot } from "../filters.js";
import { replyWithHtml } from "../send.js";

/** Settings of {@link questionRateLimit}. */
export interface QuestionRateLimitSettings {
  /** The configured hashing secret: limits are kept per HMAC of the user id, never the id. */
  readonly secret: Uint8Array;
  /** Questions (messages and button presses) per user per minute. Inline queries get 3x. */
  readonly perMinute: number;
  /** Shared Redis: one budget across every instance. In process memory without it. */
  readonly redis?: Redis;
  /** Prefix of the Redis keys. Default `faq:ratelimit:`. */
  readonly keyPrefix?: string;
  /** Called when Redis could not be asked (the update was let through). */
  readonly onStoreError?: LimiterErrorHandler;
}

/**
 * Per-user limit on what costs an answer: private messages, group messages addressed to the
 * bot, button presses and inline queries. Over the limit, the user gets one short notice
 * (inline queries: none, they have nowhere to show it), then silence until the minute is over.
 * Inline queries arrive while people type, so their budget is three times larger.
 */
export function questionRateLimit(settings: QuestionRateLimitSettings): Composer<BotContext> {
  const prefix = settings.keyPrefix ?? "faq:ratelimit:";
  const common = {
    secret: settings.secret,
    redis: settings.redis,
    onStoreError: settings.onStoreError,
  };
  const questions = botRateLimiter<BotContext>({
    ...common,
    limit: settings.perMinute,
    keyPrefix: `${prefix}bot:`,
    onLimitExceeded: notify,
  });
  const inlineQueries = botRateLimiter<BotContext>({
    ...common,
    limit: settings.perMinute * 3,
    keyPrefix: `${prefix}inline:`,
    onLimitExceeded: () => undefined,
  });
  const composer = new Composer<BotContext>();
  // A rerun of a queued update was counted on its first run.
  const firstRun = composer.filter((ctx) => !ctx.replay);
  firstRun.filter(isQuestion, questions);
  firstRun.on("inline_query", inlineQueries);
  return composer;
}

/** Updates that ask the bot something: group chatter the bot ignores does not count. */
function isQuestion(ctx: BotContext): boolean {
  if (ctx.callbackQuery !== undefined) return true;
  const message = ctx.message;
  if (message === undefined) return false;
  if (!isGroupChat(ctx)) return true;
  const text = message.text ?? "";
  return (
    text.startsWith("/") ||
    message.reply_to_message?.from?.id === ctx.me.id ||
    mentionsOfBot(message, ctx.me.id, ctx.me.username).length > 0
  );
}

/** The one notice: a toast for a button, a reply otherwise. Failing to send it is not an error. */
async function notify(ctx: BotContext): Promise<void> {
  ctx.logger.info({}, "question rate limit reached; notifying once, then ignoring");
  try {
    if (ctx.callbackQuery !== undefined)
      await ctx.answerCallbackQuery({ text: ctx.texts.rateLimit });
    else if (ctx.message !== undefined)
      await replyWithHtml(ctx, ctx.texts.rateLimit, {
        replyTo: isGroupChat(ctx) ? ctx.message.message_id : undefined,
      });
  } catch (error) {
    if (error instanceof RetryLaterError) throw error; // postponed, not failed: send it later
    ctx.logger.warn({ err: loggableError(error) }, "could not send the rate-limit notice");
  }
}
