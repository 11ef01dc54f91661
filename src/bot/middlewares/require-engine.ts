import type { MiddlewareFn } from "grammy";
import type { BotContext } from "../context.js";

/**
 * Stops updates that need the answer engine while the first index is still being built, with
 * a polite notice instead of an error. Membership updates and the like pass through.
 */
export function requireEngine(): MiddlewareFn<BotContext> {
  return async (ctx, next) => {
    if (ctx.services.answers.current !== undefined) return next();
    if (ctx.callbackQuery !== undefined) {
      await ctx.answerCallbackQuery({ text: ctx.texts.startingUp });
    } else if (ctx.inlineQuery !== undefined) {
      await ctx.answerInlineQuery([], { cache_time: 0 });
    } else if (ctx.message !== undefined && ctx.chat?.type === "private") {
      await ctx.reply(ctx.texts.startingUp);
    } else if (ctx.message === undefined) {
      return next();
    }
  };
}
