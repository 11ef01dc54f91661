/**
 * Turns the engine's reply into what the insights store keeps: the FAQ id of an answer, or the
 * normalised text of an unanswered (below-threshold) question with its closest candidate. The
 * raw question text never reaches the store.
 */
import { type InsightChannel, type InsightsStore, SUGGESTION_MARKER } from "./insights.js";

/** An entry a reply matched, as far as statistics care. */
interface MatchedEntry {
  readonly entry: { readonly id: string };
  readonly confidence: number;
}

/** What statistics keep of a reply (the answer service's `Reply` and the engine's `Answer` fit). */
export interface RecordableReply {
  readonly answer: MatchedEntry | null;
  readonly related: readonly MatchedEntry[];
  /** The normalised question (never the raw text). */
  readonly normalized: string;
}

/**
 * Records one reply. Returns the store's promise; callers on a request path do not await it
 * (the resilient wrapper never rejects), so the store never delays an answer.
 *
 * @param keepText asked only for an unanswered question: false when its asker has used up
 *   their share of the unanswered log (see `unanswered-budget.ts`); the question is then
 *   counted without its text. Without it the text is kept.
 */
export function recordAnswer(
  store: Pick<InsightsStore, "recordAnswered" | "recordUnanswered">,
  channel: InsightChannel,
  answer: RecordableReply,
  keepText?: () => boolean,
): Promise<void> {
  if (answer.answer !== null)
    return store.recordAnswered({ faqId: answer.answer.entry.id, channel });
  // Below the answer threshold, the best remaining match comes first among the related ones.
  const closest = answer.related[0];
  return store.recordUnanswered({
    normalized: keepText === undefined || keepText() ? answer.normalized : "",
    channel,
    bestCandidate: closest?.entry.id ?? null,
    confidence: closest?.confidence ?? 0,
  });
}

export { SUGGESTION_MARKER } from "./insights.js";

/**
 * Records a question someone suggested adding (the page's "suggest this question"): kept like an
 * unanswered question (normalised text, closest entry, no identity) with {@link SUGGESTION_MARKER}
 * in front, so the admin insight lists suggestions among the unanswered questions.
 */
export function recordSuggestion(
  store: Pick<InsightsStore, "recordUnanswered">,
  channel: InsightChannel,
  answer: RecordableReply,
): Promise<void> {
  const closest = answer.answer ?? answer.related[0];
  return store.recordUnanswered({
    normalized: `${SUGGESTION_MARKER}${answer.normalized}`,
    channel,
    bestCandidate: closest?.entry.id ?? null,
    confidence: closest?.confidence ?? 0,
  });
}
