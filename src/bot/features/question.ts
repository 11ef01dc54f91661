import { Composer } from "grammy";
import { answerPrivately, sendEntry } from "../answering.js";
import type { BotContext } from "../context.js";
import { onCallbackAction } from "../filters.js";
import { askUsageMessage, STALE_BUTTON_NOTICE, unknownCommandMessage } from "../format.js";
import { replyWithHtml } from "../send.js";

/**
 * Questions in a private chat: any text (or `/ask <question>`) gets the best answer with
 * related questions and feedback buttons, or an honest "no confident answer" with "did you
 * mean" buttons. A related-question button sends that answer.
 */
export function questionFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const privateChat = composer.chatType("private");

  privateChat.command("ask", async (ctx) => {
    const question = ctx.match.trim();
    if (question === "") await replyWithHtml(ctx, askUsageMessage());
    else await answerPrivately(ctx, question);
  });

  privateChat.on("message:text", async (ctx) => {
    // Commands handled elsewhere never get here; anything else starting with "/" is unknown.
    if (ctx.msg.text.startsWith("/")) await replyWithHtml(ctx, unknownCommandMessage());
    else await answerPrivately(ctx, ctx.msg.text);
  });

  onCallbackAction(composer, "answer", async (ctx, { faqId }) => {
    const entry = ctx.faq.entry(faqId);
    if (entry === undefined) {
      await ctx.answerCallbackQuery({ text: STALE_BUTTON_NOTICE });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendEntry(ctx, entry);
  });

  return composer;
}
