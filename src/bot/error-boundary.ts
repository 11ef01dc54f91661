import { type BotError, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { BotContext } from "./context.js";
import { RetryLaterError } from "./delivery/errors.js";

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

/** A Telegram description as a cause: digits (byte offsets, ids) folded, so causes stay few. */
function describe(error: GrammyError): string {
  return `${error.method} ${error.error_code} ${error.description.replace(/\d+/g, "#").slice(0, 120)}`;
}

/**
 * The bot's error boundary (`bot.errorBoundary`): a {@link RetryLaterError} goes on up (the
 * update is postponed, not failed). Anything else ends the update: logged once per cause, with a
 * count, with the update id and type, never the message text or who sent it (see
 * `ops/cause-log.ts`). A refusal by Telegram is the reply given up for good; any other error is a
 * failed handler.
 */
export function handleBotError(error: BotError<BotContext>): void {
  const { ctx, error: cause } = error;
  if (cause instanceof RetryLaterError) throw cause;
  const details = {
    // Telegram's refusal says it all; a stack is for our own failures.
    err:
      cause instanceof GrammyError
        ? {
            type: cause.name,
            method: cause.method,
            error_code: cause.error_code,
            description: cause.description,
          }
        : loggableError(cause),
    update_id: ctx.update.update_id,
    update_type: updateType(ctx.update),
  };
  const causes = ctx.services.causes;
  if (cause instanceof GrammyError) {
    ctx.services.metrics?.telegramQueue.inc({ event: "given_up" });
    const blocked = cause.error_code === 403;
    causes.report(
      blocked ? "warn" : "error",
      `given up: ${describe(cause)}`,
      blocked
        ? "reply given up: Telegram refused it for good (bot blocked or removed from the chat)"
        : "reply given up: Telegram refused it for good",
      details,
    );
  } else if (cause instanceof HttpError) {
    causes.report("warn", "network error", "network error talking to the Bot API", details);
  } else {
    const name = cause instanceof Error ? cause.name : typeof cause;
    causes.report("error", `handler failed: ${name}`, "update handler failed", details);
  }
}
