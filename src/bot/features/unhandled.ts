import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { replyWithHtml } from "../send.js";

/**
 * Last feature: whatever no other feature took. A button with stale or unknown data gets a
 * short notice (never an error); a non-text private message gets a hint; everything else
 * (other update types, group chatter) is acknowledged and ignored.
 */
export function unhandledFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("callback_query", async (ctx) => {
    ctx.logger.debug({}, "stale or unknown button pressed");
    await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
  });
  composer.chatType("private").on("message", async (ctx) => {
    await replyWithHtml(ctx, ctx.texts.textOnly);
  });
  return composer;
}
