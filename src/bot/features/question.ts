import { Composer } from "grammy";
import { answerPrivately, sendEntry } from "../answering.js";
import type { BotContext } from "../context.js";
import { onCallbackAction } from "../filters.js";
import { messagesFor } from "../../i18n/messages.js";
import { replyWithHtml } from "../send.js";
import { smallTalkOf } from "../small-talk.js";

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
    if (question === "") await replyWithHtml(ctx, ctx.texts.askUsage);
    else await answerPrivately(ctx, question);
  });

  privateChat.on("message:text", async (ctx) => {
    // Commands handled elsewhere never get here; anything else starting with "/" is unknown.
    if (ctx.msg.text.startsWith("/")) {
      await replyWithHtml(ctx, ctx.texts.unknownCommand);
      return;
    }
    // "hi", "thanks!", "who are you?": a reply in kind, in the words' language where they tell.
    const smallTalk = smallTalkOf(ctx.msg.text);
    if (smallTalk !== undefined) {
      const texts =
        smallTalk.language !== undefined && ctx.faq.service.languages.includes(smallTalk.language)
          ? messagesFor(smallTalk.language).bot
          : ctx.texts;
      const kind = smallTalk.kind === "reaction" ? "thanks" : smallTalk.kind;
      await replyWithHtml(ctx, texts.smallTalk[kind]);
      return;
    }
    await answerPrivately(ctx, ctx.msg.text);
  });

  onCallbackAction(composer, "answer", async (ctx, { faqId }) => {
    const entry = ctx.faq.entry(faqId);
    if (entry === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
      return;
    }
    await ctx.answerCallbackQuery();
    await sendEntry(ctx, entry);
  });

  return composer;
}
