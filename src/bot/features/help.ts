import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { groupIntroMessage, helpMessage } from "../format.js";
import { replyWithHtml } from "../send.js";

/** `/help`: how to use the bot; in groups, the short intro on how to ask there. */
export function helpFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("help", async (ctx) => {
    await replyWithHtml(ctx, helpMessage(ctx.texts, ctx.me.username));
  });
  composer.chatType(["group", "supergroup"]).command("help", async (ctx) => {
    await replyWithHtml(ctx, groupIntroMessage(ctx.texts, ctx.me.username), {
      replyTo: ctx.msg.message_id,
    });
  });
  return composer;
}
