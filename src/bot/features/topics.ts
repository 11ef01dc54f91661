import { Composer } from "grammy";
import { channelOf, recordAnswered } from "../answering.js";
import type { BotContext } from "../context.js";
import { onCallbackAction } from "../filters.js";
import { categoryMessage, entryMessage, topicsMessage } from "../format.js";
import {
  categoryKeyboard,
  deepLink,
  linkKeyboard,
  topicAnswerKeyboard,
  topicsKeyboard,
} from "../keyboards.js";
import { editOrReplyWithHtml, replyWithHtml } from "../send.js";
import { TOPICS_PAYLOAD } from "./start.js";

/**
 * `/topics`: categories -> questions -> answer, navigated by editing one message, with back
 * buttons. In groups, a link to browse in a private chat instead (no menus in the group).
 */
export function topicsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.chatType("private").command("topics", async (ctx) => {
    await replyWithHtml(ctx, topicsMessage(ctx.texts), {
      keyboard: topicsKeyboard(ctx.faq.categories),
    });
  });

  composer.chatType(["group", "supergroup"]).command("topics", async (ctx) => {
    await replyWithHtml(ctx, ctx.texts.topics.inGroup, {
      replyTo: ctx.msg.message_id,
      keyboard: linkKeyboard(
        ctx.texts.topics.title.replace(/<[^>]+>/g, ""),
        deepLink(ctx.me.username, TOPICS_PAYLOAD),
      ),
    });
  });

  onCallbackAction(composer, "topics", async (ctx) => {
    await ctx.answerCallbackQuery();
    await editOrReplyWithHtml(ctx, topicsMessage(ctx.texts), topicsKeyboard(ctx.faq.categories));
  });

  onCallbackAction(composer, "category", async (ctx, { categoryId }) => {
    const engine = ctx.faq;
    const category = engine.categories.find((c) => c.id === categoryId);
    const entries = engine.entries.filter((entry) => entry.category === categoryId);
    if (category === undefined || entries.length === 0) {
      await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
      return;
    }
    await ctx.answerCallbackQuery();
    await editOrReplyWithHtml(
      ctx,
      categoryMessage(ctx.texts, category),
      categoryKeyboard(ctx.texts, entries),
    );
  });

  onCallbackAction(composer, "topic-answer", async (ctx, { faqId }) => {
    const entry = ctx.faq.entry(faqId);
    if (entry === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
      return;
    }
    await ctx.answerCallbackQuery();
    recordAnswered(ctx, entry, channelOf(ctx));
    await editOrReplyWithHtml(
      ctx,
      entryMessage(ctx.texts, entry),
      topicAnswerKeyboard(ctx.texts, entry),
    );
  });

  return composer;
}
