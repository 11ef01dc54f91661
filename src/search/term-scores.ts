import MiniSearch from "minisearch";

/** BM25+ parameters: MiniSearch's defaults, which its index statistics are scored with. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * MiniSearch with read access to its index: the postings and field-length statistics it keeps in
 * protected members (made for subclasses). Reading them in place avoids `toJSON`, which copies
 * the whole index into plain objects: at 100,000 entries that copy alone doubles the memory.
 */
export class InspectableMiniSearch<T> extends MiniSearch<T> {
  /** Each term's postings (field id -> short document id -> frequency), by the caller's term id. */
  readonly #postingsByTermId: Map<number, Map<number, number>>[] = [];

  /**
   * Adds a document whose fields are already analysed and counted, leaving the index exactly as
   * `add` of the same term lists would: the same postings, field lengths and averages, inserted
   * in the same order (tests/search/term-scores.test.ts compares the two serialised). `add` looks
   * every occurrence of every term up in MiniSearch's radix tree; here a field's distinct terms
   * are found by term id, each once, which indexes a large knowledge base several times faster.
   *
   * @param id the document
   * @param fields one per field of the `fields` option, in that order
   * @param terms term id -> term
   */
  addCounted(id: T, fields: readonly CountedField[], terms: readonly string[]): void {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`);
    const internals = this as unknown as MiniSearchInternals;
    const shortId = internals.addDocumentId(id);
    for (let fieldId = 0; fieldId < fields.length; fieldId++) {
      const { ids, frequencies } = fields[fieldId]!;
      internals.addFieldLength(shortId, fieldId, this._documentCount - 1, ids.length);
      for (let i = 0; i < ids.length; i++) {
        const termId = ids[i]!;
        let postings = this.#postingsByTermId[termId];
        if (postings === undefined) {
          postings = new Map();
          this.#postingsByTermId[termId] = postings;
          this._index.set(terms[termId]!, postings);
        }
        let documents = postings.get(fieldId);
        if (documents === undefined) {
          documents = new Map();
          postings.set(fieldId, documents);
        }
        documents.set(shortId, frequencies[i]!);
      }
    }
  }

  /** Every indexed term with, per field id, MiniSearch's short document id -> term frequency. */
  postings(): IterableIterator<[string, ReadonlyMap<number, ReadonlyMap<number, number>>]> {
    return this._index.entries();
  }

  /** Field name -> field id. */
  get fieldIds(): Readonly<Record<string, number>> {
    return this._fieldIds;
  }

  /** Documents by short id (each as given to MiniSearch), in one array: read once per posting. */
  documentsByShortId(): T[] {
    const documents = new Array<T>(this._nextId);
    for (const [shortId, document] of this._documentIds) documents[shortId] = document as T;
    return documents;
  }

  /** Length (distinct terms) of every field of every document, at `shortId * fields + fieldId`. */
  fieldLengths(): Float64Array {
    const fields = Object.keys(this._fieldIds).length;
    const lengths = new Float64Array(this._nextId * fields);
    for (const [shortId, perField] of this._fieldLength)
      for (let field = 0; field < fields; field++)
        lengths[shortId * fields + field] = perField[field] ?? 0;
    return lengths;
  }

  /** Average length of a field over all documents. */
  averageFieldLength(fieldId: number): number {
    return this._avgFieldLength[fieldId] ?? 0;
  }
}

/** A field of a document as {@link InspectableMiniSearch.addCounted} takes it. */
export interface CountedField {
  /** The field's distinct term ids, in order of first occurrence. */
  readonly ids: readonly number[];
  /** How often each of them occurs in the field. */
  readonly frequencies: readonly number[];
}

/** MiniSearch's own bookkeeping for a new document, reused so the two ways of adding agree. */
interface MiniSearchInternals {
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
}

interface Postings {
  readonly docs: Int32Array;
  readonly scores: Float64Array;
}

/**
 * MiniSearch's BM25 scores, precomputed per term so a query costs a few lookups and additions.
 *
 * MiniSearch is the index: it holds the postings (term -> field -> document -> frequency) and
 * the field-length statistics. For an OR query MiniSearch scores a document as the sum of each
 * matched term's BM25+ score over the fields (times the field boost), multiplied by the number of
 * query terms matched. A term's per-document score depends only on the index, so it is computed
 * once, in one pass over MiniSearch's index, with the same formula; {@link TermScores.search}
 * then ranks exactly as MiniSearch would, without allocating per term or per field.
 */
export class TermScores {
  /** Number of documents. */
  readonly size: number;
  /** Postings by term id (the engine's vocabulary numbering). */
  readonly #postings: (Postings | undefined)[] = [];
  readonly #scores: Float64Array;
  readonly #matched: Uint16Array;
  readonly #touched: Int32Array;

  /**
   * @param index MiniSearch holding every document; each document is its position in the
   *   knowledge base
   * @param boosts field name -> boost
   * @param termIds indexed term -> term id
   */
  constructor(
    index: InspectableMiniSearch<number>,
    boosts: Readonly<Record<string, number>>,
    termIds: ReadonlyMap<string, number>,
  ) {
    const size = index.documentCount;
    this.size = size;
    const fieldBoost: number[] = [];
    for (const [field, id] of Object.entries(index.fieldIds)) fieldBoost[id] = boosts[field] ?? 1;
    const fieldCount = fieldBoost.length;
    const fieldLength = index.fieldLengths();
    const documentOf = index.documentsByShortId();
    const { k, b, d } = BM25;
    // Scratch: a term's summed score per document, and which documents it touched.
    const sums = new Float64Array(size);
    const touched = new Int32Array(size);
    const touchedBy = new Int32Array(size).fill(-1);
    let termNumber = 0;
    for (const [term, fields] of index.postings()) {
      let touchedCount = 0;
      termNumber++;
      for (const [fieldId, frequencies] of fields) {
        const documents = frequencies.size;
        const idf = Math.log(1 + (size - documents + 0.5) / (documents + 0.5));
        const averageLength = index.averageFieldLength(fieldId);
        const boost = fieldBoost[fieldId]!;
        for (const [shortId, frequency] of frequencies) {
          const length = fieldLength[shortId * fieldCount + fieldId]!;
          const score =
            idf *
            (d + (frequency * (k + 1)) / (frequency + k * (1 - b + (b * length) / averageLength)));
          const doc = documentOf[shortId]!;
          if (touchedBy[doc] !== termNumber) {
            touchedBy[doc] = termNumber;
            touched[touchedCount++] = doc;
            sums[doc] = 0;
          }
          sums[doc] = sums[doc]! + boost * score;
        }
      }
      const docs = touched.slice(0, touchedCount);
      const scores = new Float64Array(touchedCount);
      for (let i = 0; i < touchedCount; i++) scores[i] = sums[docs[i]!]!;
      this.#postings[termIds.get(term)!] = { docs, scores };
    }
    this.#scores = new Float64Array(size);
    this.#matched = new Uint16Array(size);
    this.#touched = new Int32Array(size);
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
