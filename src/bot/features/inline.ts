import { Composer, InlineQueryResultBuilder } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { FaqEntry } from "../../faq/types.js";
import type { UserFaq } from "../context.js";
import type { InsightsStore } from "../../store/insights.js";
import { recordAnswered } from "../answering.js";
import type { BotContext } from "../context.js";
import type { BotTexts } from "../../i18n/catalog.js";
import { loggableError } from "../error-boundary.js";
import { answerSnippet, clipQuestion, entryMessage, fitOneMessage, truncate } from "../format.js";
import { deepLink, linkKeyboard } from "../keyboards.js";

/** Most results per inline query. */
export const MAX_INLINE_RESULTS = 10;
/** How long Telegram may cache an inline answer, in seconds. */
export const INLINE_CACHE_SECONDS = 300;
/** Id of the single result shown when nothing matches. */
export const NO_ANSWER_RESULT_ID = "no-answer";

/**
 * Inline mode: `@<bot> question` in any chat lists up to 10 matching entries as articles
 * with the formatted answer and an "open in bot" deep-link button. An empty query lists the
 * most asked entries; no match gives a single result that says so.
 */
export function inlineFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.on("inline_query", async (ctx) => {
    const engine = ctx.faq;
    const query = clipQuestion(ctx.inlineQuery.query);
    const entries =
      query === ""
        ? await mostAskedEntries(engine, ctx.services.insights, MAX_INLINE_RESULTS, ctx)
        : engine.search(query, MAX_INLINE_RESULTS).map((match) => match.entry);
    if (query !== "") {
      const outcome = entries.length > 0 ? "answered" : "no_answer";
      ctx.services.metrics?.answers.inc({ channel: "inline", outcome });
    }
    const username = ctx.me.username;
    const results =
      entries.length > 0
        ? entries.map((entry) => articleFor(ctx.texts, entry, username))
        : [noAnswerArticle(ctx.texts, username)];
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS });
  });

  // Inline queries arrive while people type, so they are not counted; the result someone
  // actually sent is (Telegram reports it when inline feedback is on in @BotFather).
  composer.on("chosen_inline_result", async (ctx) => {
    const chosen = ctx.chosenInlineResult;
    const entry = ctx.faq.entry(chosen.result_id);
    if (entry !== undefined) {
      recordAnswered(ctx, entry, "inline");
      return;
    }
    if (chosen.result_id !== NO_ANSWER_RESULT_ID || ctx.replay) return;
    const result = ctx.faq.ask(clipQuestion(chosen.query));
    const closest = result.related[0];
    await ctx.services.insights
      .recordUnanswered({
        normalized: result.normalized,
        channel: "inline",
        bestCandidate: closest?.entry.id ?? null,
        confidence: closest?.confidence ?? 0,
      })
      .catch((error: unknown) =>
        ctx.logger.warn({ err: loggableError(error) }, "could not record an unanswered question"),
      );
  });
  return composer;
}

/** One entry as an inline result. */
export function articleFor(
  t: BotTexts,
  entry: FaqEntry,
  botUsername: string,
): InlineQueryResultArticle {
  return InlineQueryResultBuilder.article(entry.id, truncate(entry.question, 100), {
    description: answerSnippet(entry),
    reply_markup: linkKeyboard(t.buttons.openInBot, deepLink(botUsername, entry.id)),
  }).text(fitOneMessage(entryMessage(t, entry)), {
    parse_mode: "HTML",
    link_preview_options: { is_disabled: true },
  });
}

function noAnswerArticle(t: BotTexts, botUsername: string): InlineQueryResultArticle {
  return InlineQueryResultBuilder.article(NO_ANSWER_RESULT_ID, t.inline.noAnswerTitle, {
    description: t.inline.noAnswerDescription,
    reply_markup: linkKeyboard(t.buttons.askTheBot, deepLink(botUsername)),
  }).text(t.inline.noAnswerMessage, { parse_mode: "HTML" });
}

/**
 * The most asked entries by the anonymous counts, topped up in the knowledge base's own
 * order (its categories are ordered the way people browse) when there are few counts yet.
 */
async function mostAskedEntries(
  engine: UserFaq,
  stats: Pick<InsightsStore, "mostAsked">,
  limit: number,
  ctx: BotContext,
): Promise<FaqEntry[]> {
  let counted: string[] = [];
  try {
    counted = await stats.mostAsked(limit);
  } catch (error) {
    ctx.logger.warn({ err: loggableError(error) }, "could not read the most asked entries");
  }
  const byCategory = engine.categories.flatMap((category) =>
    engine.entries.filter((e) => e.category === category.id),
  );
  const picked = new Map<string, FaqEntry>();
  for (const entry of [...counted.map((id) => engine.entry(id)), ...byCategory]) {
    if (entry !== undefined && !picked.has(entry.id)) picked.set(entry.id, entry);
    if (picked.size >= limit) break;
  }
  return [...picked.values()];
}
