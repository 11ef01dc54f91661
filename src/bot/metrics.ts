import type { Transformer } from "grammy";
import { GrammyError, HttpError, type MiddlewareFn } from "grammy";
import type { Metrics } from "../ops/metrics.js";
import type { BotContext } from "./context.js";

/** Counts every update by its type ("message", "callback_query", ...), before anything else runs. */
export function countUpdates(metrics: Metrics): MiddlewareFn<BotContext> {
  return (ctx, next) => {
    const type = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
    metrics.telegramUpdates.inc({ type });
    return next();
  };
}

/**
 * Counts failed Bot API calls by method and error code (Telegram's `error_code`, or "network"),
 * as seen after retries: what the bot finally could not do.
 */
export function countApiErrors(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    try {
      const result = await prev(method, payload, signal);
      if (!result.ok) metrics.botApiErrors.inc({ method, code: String(result.error_code) });
      return result;
    } catch (error) {
      const code =
        error instanceof GrammyError
          ? String(error.error_code)
          : error instanceof HttpError
            ? "network"
            : "other";
      metrics.botApiErrors.inc({ method, code });
      throw error;
    }
  };
}
