import { Composer } from "grammy";
import type { VoteOutcome } from "../../store/insights.js";
import type { BotContext } from "../context.js";
import { type CallbackContext, onCallbackAction } from "../filters.js";

const THANKS: Record<VoteOutcome, (emoji: string) => string> = {
  recorded: (emoji) => `Thanks for your feedback ${emoji}`,
  changed: (emoji) => `Feedback changed to ${emoji}`,
  unchanged: (emoji) => `Already noted ${emoji}`,
};

/**
 * 👍 / 👎 under an answer: recorded in the feedback store under an anonymous per-message key
 * (pressing again changes the vote) and acknowledged with `answerCallbackQuery`.
 */
export function feedbackFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  onCallbackAction(composer, "vote", async (ctx, { faqId, vote }) => {
    if (ctx.faq.entry(faqId) === undefined) {
      await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
      return;
    }
    const voterKey = ctx.services.voterKeys.keyFor(ctx.callbackQuery.from.id, messageRef(ctx));
    // A rerun of a queued press was recorded on its first run: thank, do not count it again.
    const outcome = ctx.replay
      ? "recorded"
      : await ctx.services.insights.recordVote({ faqId, vote, voterKey });
    await ctx.answerCallbackQuery({ text: THANKS[outcome](vote === "up" ? "👍" : "👎") });
  });
  return composer;
}

/** Which message the button is on: `chatId:messageId`, or the inline message id. */
function messageRef(ctx: CallbackContext): string {
  const message = ctx.callbackQuery.message;
  if (message !== undefined) return `${message.chat.id}:${message.message_id}`;
  return `inline:${ctx.callbackQuery.inline_message_id ?? "unknown"}`;
}
