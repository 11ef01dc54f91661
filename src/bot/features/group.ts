import { Composer } from "grammy";
import { answerInGroup } from "../answering.js";
import type { BotContext } from "../context.js";
import { mentionsOfBot, questionWithoutMentions } from "../filters.js";
import { replyWithHtml } from "../send.js";
import { smallTalkOf } from "../small-talk.js";

/**
 * Groups and supergroups: the bot answers only `/ask` (or `/ask@<bot>`), messages that
 * @-mention it, and replies to its own messages; it never answers other chatter. Answers are
 * compact and reply to the asking message.
 */
export function groupFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  const group = composer.chatType(["group", "supergroup"]);

  group.command("ask", async (ctx) => {
    const question = ctx.match.trim();
    if (question === "")
      await replyWithHtml(ctx, ctx.texts.askUsage, { replyTo: ctx.msg.message_id });
    else await answerInGroup(ctx, question, ctx.msg.message_id);
  });

  group.on("message:text", async (ctx) => {
    const message = ctx.msg;
    if (message.text.startsWith("/")) return; // commands for other bots, or ones we don't handle
    const mentions = mentionsOfBot(message, ctx.me.id, ctx.me.username);
    const isReplyToBot = message.reply_to_message?.from?.id === ctx.me.id;
    if (mentions.length === 0 && !isReplyToBot) return; // chatter: never answered
    const question = questionWithoutMentions(message.text, mentions);
    if (question === "") {
      await replyWithHtml(ctx, ctx.texts.groupEmptyQuestion, { replyTo: message.message_id });
      return;
    }
    if (mentions.length === 0) {
      // A reply to the bot may be "thanks!" or "lol ok": the whole group must not hear "no
      // answer". Small talk gets nothing, and a reply is answered only when an entry answers it.
      if (smallTalkOf(question) !== undefined) return;
      await answerInGroup(ctx, question, message.message_id, { onlyIfAnswered: true });
      return;
    }
    await answerInGroup(ctx, question, message.message_id);
  });

  return composer;
}
