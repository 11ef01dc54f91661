import { Composer } from "grammy";
import { sendEntry } from "../answering.js";
import type { BotContext } from "../context.js";
import { groupIntroMessage, topicsMessage, welcomeMessage } from "../format.js";
import { topicsKeyboard } from "../keyboards.js";
import { replyWithHtml } from "../send.js";

/** Deep-link payload that opens /topics (used by the group /topics button). */
export const TOPICS_PAYLOAD = "topics";

/**
 * `/start`: a welcome with topic buttons; `/start <faq-id>` (deep link `t.me/<bot>?start=<id>`)
 * opens that answer directly. In groups, a short intro on how to ask.
 */
export function startFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();

  composer.chatType("private").command("start", async (ctx) => {
    const engine = ctx.faq;
    const payload = ctx.match.trim();
    if (payload === TOPICS_PAYLOAD) {
      await replyWithHtml(ctx, topicsMessage(ctx.texts), {
        keyboard: topicsKeyboard(engine.categories),
      });
      return;
    }
    if (payload !== "") {
      const entry = engine.entry(payload);
      if (entry !== undefined) await sendEntry(ctx, entry, { fromDeepLink: true });
      else
        await replyWithHtml(ctx, ctx.texts.unknownDeepLink, {
          keyboard: topicsKeyboard(engine.categories),
        });
      return;
    }
    await replyWithHtml(ctx, welcomeMessage(ctx.texts, engine.categories, engine.entries.length), {
      keyboard: topicsKeyboard(engine.categories),
    });
  });

  composer.chatType(["group", "supergroup"]).command("start", async (ctx) => {
    await replyWithHtml(ctx, groupIntroMessage(ctx.texts, ctx.me.username), {
      replyTo: ctx.msg.message_id,
    });
  });

  return composer;
}
