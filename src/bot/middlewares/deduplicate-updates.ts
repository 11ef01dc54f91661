import type { MiddlewareFn } from "grammy";
import type { UpdateDeduplicator } from "../../store/insights.js";
import type { BotContext } from "../context.js";

/**
 * First middleware of the bot: each `update_id` is handled once, however often Telegram
 * delivers it. An update without a numeric id is malformed: it is acknowledged and ignored.
 */
export function deduplicateUpdates(deduplicator: UpdateDeduplicator): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    const updateId: unknown = ctx.update.update_id;
    if (typeof updateId !== "number" || !Number.isSafeInteger(updateId)) {
      ctx.logger.warn({}, "malformed update without update_id ignored");
      return;
    }
    if (!(await deduplicator.claim(updateId))) {
      ctx.logger.info({}, "duplicate delivery of an update ignored");
      return;
    }
    await next();
  };
}
