import type MiniSearch from "minisearch";

/**
 * MiniSearch's BM25 scores, precomputed per term so a query costs a few lookups and additions.
 *
 * MiniSearch is the index: it tokenises nothing itself here (documents arrive as finished
 * terms), keeps the field statistics and computes BM25+ with field boosts. For an OR query its
 * score is the sum of each matched term's score, multiplied by the number of terms matched.
 * Each term's per-document score depends only on the index, so it is asked of MiniSearch once
 * per vocabulary term at build time; {@link TermScores.search} then reproduces MiniSearch's
 * ranking for any query without allocating per term or per field.
 */
interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

export class TermScores {
  /** Number of documents. */
  readonly size: number;
  readonly #postings = new Map<string, Postings>();
  readonly #scores: Float64Array;
  readonly #matched: Uint16Array;
  readonly #touched: Int32Array;

  /**
   * @param index MiniSearch holding every document, with search options for single terms
   * @param vocabulary every term in the index
   * @param documentNumber MiniSearch document id -> position in the knowledge base
   */
  constructor(
    index: MiniSearch,
    vocabulary: Iterable<string>,
    documentNumber: ReadonlyMap<string, number>,
  ) {
    this.size = documentNumber.size;
    for (const term of vocabulary) {
      const results = index.search(term);
      const docs = new Int32Array(results.length);
      const scores = new Float64Array(results.length);
      results.forEach((result, i) => {
        docs[i] = documentNumber.get(result.id as string)!;
        scores[i] = result.score;
      });
      this.#postings.set(term, { docs, scores });
    }
    this.#scores = new Float64Array(this.size);
    this.#matched = new Uint16Array(this.size);
    this.#touched = new Int32Array(this.size);
  }

  /**
   * Scores the documents matching any of the (distinct) terms and returns the best `limit` of
   * them as [doc, score] pairs, best first (ties keep document order).
   */
  search(terms: readonly string[], limit: number): { doc: number; score: number }[] {
    const scores = this.#scores;
    const matched = this.#matched;
    const touched = this.#touched;
    let touchedCount = 0;
    for (const term of terms) {
      const postings = this.#postings.get(term);
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
