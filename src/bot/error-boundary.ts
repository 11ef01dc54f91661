import { type BotError, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./context.js";
import { ChatFloodLimitError } from "./flood-limiter.js";

/** The update's type ("message", "callback_query", ...), for logs. */
export function updateType(update: Update): string {
  return Object.keys(update ?? {}).find((key) => key !== "update_id") ?? "unknown";
}

/**
 * An error as it may be logged: grammY errors carry the call's payload (chat ids, texts),
 * which must not reach the logs, so only the type, message, stack and API error are kept.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { type: typeof error, message: String(error) };
  const safe: Record<string, unknown> = {
    type: error.name,
    message: error.message,
    stack: error.stack,
  };
  if (error instanceof GrammyError)
    Object.assign(safe, { method: error.method, error_code: error.error_code });
  return safe;
}

/**
 * The bot's error boundary (`bot.errorBoundary` and `bot.catch`): logs the failure with the
 * update id and type, never the message text or who sent it, and swallows it, so the webhook
 * still answers 200 and Telegram does not redeliver the update for hours.
 */
export function handleBotError(error: BotError<BotContext>): void {
  const { ctx, error: cause } = error;
  const details = {
    err: loggableError(cause),
    update_id: ctx.update.update_id,
    update_type: updateType(ctx.update),
  };
  if (cause instanceof ChatFloodLimitError) {
    ctx.logger.warn(details, "group flood limit reached; reply dropped");
  } else if (cause instanceof GrammyError && cause.error_code === 403) {
    ctx.logger.warn(details, "Telegram refused the reply (bot blocked or removed from the chat)");
  } else if (cause instanceof HttpError) {
    ctx.logger.warn(details, "network error talking to the Bot API");
  } else {
    ctx.logger.error(details, "update handler failed");
  }
}
