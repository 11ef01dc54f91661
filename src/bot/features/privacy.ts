import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { privacyMessage } from "../format.js";
import { replyWithHtml } from "../send.js";

/** `/privacy`: what the bot stores, and that bot chats are not end-to-end encrypted. */
export function privacyFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("privacy", async (ctx) => {
    await replyWithHtml(ctx, privacyMessage(ctx.texts, ctx.services.retentionDays));
  });
  composer.chatType(["group", "supergroup"]).command("privacy", async (ctx) => {
    await replyWithHtml(ctx, privacyMessage(ctx.texts, ctx.services.retentionDays), {
      replyTo: ctx.msg.message_id,
    });
  });
  return composer;
}
