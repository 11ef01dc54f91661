import type MiniSearch from "minisearch";

/** BM25+ parameters: MiniSearch's defaults, which its index statistics are scored with. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * MiniSearch's BM25 scores, precomputed per term so a query costs a few lookups and additions.
 *
 * MiniSearch is the index: it holds the postings (term -> field -> document -> frequency) and
 * the field-length statistics. For an OR query MiniSearch scores a document as the sum of each
 * matched term's BM25+ score over the fields (times the field boost), multiplied by the number of
 * query terms matched. A term's per-document score depends only on the index, so it is computed
 * once, in one pass over MiniSearch's serialised index (its public `toJSON`), with the same
 * formula; {@link TermScores.search} then ranks exactly as MiniSearch would, without allocating
 * per term or per field.
 */
interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

export class TermScores {
  /** Number of documents. */
  readonly size: number;
  /** Postings by term id (the engine's vocabulary numbering). */
  readonly #postings: (Postings | undefined)[] = [];
  readonly #scores: Float64Array;
  readonly #matched: Uint16Array;
  readonly #touched: Int32Array;

  /**
   * @param index MiniSearch holding every document
   * @param boosts field name -> boost
   * @param documentNumber MiniSearch document id -> position in the knowledge base
   * @param termIds indexed term -> term id
   */
  constructor(
    index: MiniSearch,
    boosts: Readonly<Record<string, number>>,
    documentNumber: ReadonlyMap<string, number>,
    termIds: ReadonlyMap<string, number>,
  ) {
    const data = index.toJSON();
    this.size = documentNumber.size;
    const total = data.documentCount;
    const fieldBoost: number[] = [];
    for (const [field, id] of Object.entries(data.fieldIds)) fieldBoost[id] = boosts[field] ?? 1;
    // MiniSearch's short document ids -> our document numbers
    const doc = new Map<number, number>();
    for (const [shortId, id] of Object.entries(data.documentIds)) {
      doc.set(Number(shortId), documentNumber.get(String(id))!);
    }
    const fieldLength = new Map<number, readonly number[]>();
    for (const [shortId, lengths] of Object.entries(data.fieldLength))
      fieldLength.set(Number(shortId), lengths);
    const { k, b, d } = BM25;
    const sums = new Map<number, number>();
    for (const [term, fields] of data.index) {
      sums.clear();
      for (const [fieldId, frequencies] of Object.entries(fields)) {
        const id = Number(fieldId);
        const documents = Object.entries(frequencies);
        const idf = Math.log(1 + (total - documents.length + 0.5) / (documents.length + 0.5));
        const averageLength = data.averageFieldLength[id]!;
        for (const [shortId, frequency] of documents) {
          const length = fieldLength.get(Number(shortId))![id]!;
          const score =
            idf *
            (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
          const number = doc.get(Number(shortId))!;
          sums.set(number, (sums.get(number) ?? 0) + fieldBoost[id]! * score);
        }
      }
      const docs = Int32Array.from(sums.keys());
      this.#postings[termIds.get(term)!] = { docs, scores: Float64Array.from(sums.values()) };
    }
    this.#scores = new Float64Array(this.size);
    this.#matched = new Uint16Array(this.size);
    this.#touched = new Int32Array(this.size);
  }

  /**
   * Scores the documents matching any of the (distinct) term ids (-1: unknown term) and returns
   * the best `limit` of them as [doc, score] pairs, best first (ties keep document order).
   */
  search(termIds: Int32Array, limit: number): { doc: number; score: number }[] {
    const scores = this.#scores;
    const matched = this.#matched;
    const touched = this.#touched;
    let touchedCount = 0;
    for (const termId of termIds) {
      const postings = termId < 0 ? undefined : this.#postings[termId];
      if (postings === undefined) continue;
      const { docs, scores: contributions } = postings;
      for (let i = 0; i < docs.length; i++) {
        const doc = docs[i]!;
        if (matched[doc] === 0) touched[touchedCount++] = doc;
        matched[doc]!++;
        scores[doc]! += contributions[i]!;
      }
    }
    const results: { doc: number; score: number }[] = [];
    for (let i = 0; i < touchedCount; i++) {
      const doc = touched[i]!;
      const score = scores[doc]! * matched[doc]!;
      scores[doc] = 0;
      matched[doc] = 0;
      // Insertion into a short sorted list: cheaper than sorting every hit.
      if (results.length === limit && score <= results[limit - 1]!.score) continue;
      let at = results.length;
      while (
        at > 0 &&
        (results[at - 1]!.score < score ||
          (results[at - 1]!.score === score && results[at - 1]!.doc > doc))
      )
        at--;
      if (results.length === limit) results.pop();
      results.splice(at, 0, { doc, score });
    }
    return results;
  }
}
