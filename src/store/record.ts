/**
 * Turns the engine's reply into what the insights store keeps: the FAQ id of an answer, or the
 * normalised text of an unanswered (below-threshold) question with its closest candidate. The
 * raw question text never reaches the store.
 */
import type { Answer } from "../search/engine.js";
import type { InsightChannel, InsightsStore } from "./insights.js";

/**
 * Records one reply. Returns the store's promise; callers on a request path do not await it
 * (the resilient wrapper never rejects), so the store never delays an answer.
 */
export function recordAnswer(
  store: Pick<InsightsStore, "recordAnswered" | "recordUnanswered">,
  channel: InsightChannel,
  answer: Answer,
): Promise<void> {
  if (answer.answer !== null)
    return store.recordAnswered({ faqId: answer.answer.entry.id, channel });
  // Below the answer threshold, the best remaining match comes first among the related ones.
  const closest = answer.related[0];
  return store.recordUnanswered({
    normalized: answer.normalized,
    channel,
    bestCandidate: closest?.entry.id ?? null,
    confidence: closest?.confidence ?? 0,
  });
}

/**
 * Marks a question someone suggested adding to the FAQ, among the unanswered questions. A
 * normalised question never holds a colon, so the marker cannot be typed into one.
 */
export const SUGGESTION_MARKER = "suggested: ";

/**
 * Records a question someone suggested adding (the page's "suggest this question"): kept like an
 * unanswered question (normalised text, closest entry, no identity) with {@link SUGGESTION_MARKER}
 * in front, so the admin insight lists suggestions among the unanswered questions.
 */
export function recordSuggestion(
  store: Pick<InsightsStore, "recordUnanswered">,
  channel: InsightChannel,
  answer: Answer,
): Promise<void> {
  const closest = answer.answer ?? answer.related[0];
  return store.recordUnanswered({
    normalized: `${SUGGESTION_MARKER}${answer.normalized}`,
    channel,
    bestCandidate: closest?.entry.id ?? null,
    confidence: closest?.confidence ?? 0,
  });
}
