import MiniSearch from "minisearch";
import { withRoom } from "../util/typed-arrays.js";

/** BM25+ parameters: MiniSearch's defaults, which its index statistics are scored with. */
export const BM25 = { k: 1.2, b: 0.7, d: 0.5 } as const;

/**
 * MiniSearch with read access to its index: the postings and field-length statistics it keeps in
 * protected members (made for subclasses). Reading them in place avoids `toJSON`, which copies
 * the whole index into plain objects: at 100,000 entries that copy alone doubles the memory.
 */
export class InspectableMiniSearch<T> extends MiniSearch<T> {
  /** Postings given to {@link addCounted}, waiting for {@link indexCounted}: term id, short id, */
  readonly #pendingTerm = new IntList();
  readonly #pendingDocument = new IntList();
  /** and `frequency * FIELD_SLOTS + field id`. */
  readonly #pendingCount = new IntList();

  /**
   * Adds a document whose fields are already analysed and counted. Its id and field lengths are
   * recorded now; its postings go into the index with every other document's when
   * {@link indexCounted} is called, and the index is searchable only then. The result is exactly
   * what `add` of the same term lists makes: the same postings, field lengths and averages,
   * inserted in the same order (tests/search/term-scores.test.ts compares the two serialised).
   * `add` looks every occurrence of every term up in MiniSearch's radix tree as it goes; here
   * each term is inserted once and its postings are filled one term after another, which
   * indexes a large knowledge base several times faster (it stays in the CPU caches).
   *
   * @param id the document
   * @param fields one per field of the `fields` option, in that order
   */
  addCounted(id: T, fields: readonly CountedField[]): void {
    if (this._idToShortId.has(id)) throw new Error(`MiniSearch: duplicate ID ${String(id)}`);
    if (fields.length > FIELD_SLOTS) throw new Error(`at most ${FIELD_SLOTS} fields are counted`);
    const internals = this as unknown as MiniSearchInternals;
    const shortId = internals.addDocumentId(id);
    for (let fieldId = 0; fieldId < fields.length; fieldId++) {
      const { ids, frequencies } = fields[fieldId]!;
      internals.addFieldLength(shortId, fieldId, this._documentCount - 1, ids.length);
      for (let i = 0; i < ids.length; i++) {
        this.#pendingTerm.push(ids[i]!);
        this.#pendingDocument.push(shortId);
        this.#pendingCount.push(frequencies[i]! * FIELD_SLOTS + fieldId);
      }
    }
  }

  /**
   * Puts the postings of every document given to {@link addCounted} into the index.
   *
   * @param terms term id -> term (every id given to addCounted)
   */
  indexCounted(terms: readonly string[]): void {
    const count = this.#pendingTerm.length;
    const termOf = this.#pendingTerm.items;
    // Postings grouped by term (a counting sort: stable, so each term's stay in the order they
    // came, by document and then field, which is the order `add` inserts them in).
    const start = new Int32Array(terms.length + 1);
    for (let i = 0; i < count; i++) start[termOf[i]! + 1]!++;
    for (let t = 0; t < terms.length; t++) start[t + 1]! += start[t]!;
    const next = start.slice(0, terms.length);
    const documents = new Int32Array(count);
    const counts = new Int32Array(count);
    const pendingDocuments = this.#pendingDocument.items;
    const pendingCounts = this.#pendingCount.items;
    for (let i = 0; i < count; i++) {
      const at = next[termOf[i]!]!++;
      documents[at] = pendingDocuments[i]!;
      counts[at] = pendingCounts[i]!;
    }
    this.#pendingTerm.clear();
    this.#pendingDocument.clear();
    this.#pendingCount.clear();
    // Terms go in by id: the order they first occurred in, as with `add`.
    const byField: (Map<number, number> | undefined)[] = new Array<undefined>(FIELD_SLOTS);
    for (let t = 0; t < terms.length; t++) {
      if (start[t] === start[t + 1]) continue;
      const postings = new Map<number, Map<number, number>>();
      byField.fill(undefined);
      for (let k = start[t]!; k < start[t + 1]!; k++) {
        const packed = counts[k]!;
        const fieldId = packed % FIELD_SLOTS;
        let inField = byField[fieldId];
        if (inField === undefined) {
          inField = new Map();
          byField[fieldId] = inField;
          postings.set(fieldId, inField);
        }
        inField.set(documents[k]!, (packed - fieldId) / FIELD_SLOTS);
      }
      this._index.set(terms[t]!, postings);
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

/** Fields a counted posting can name (the field id is kept beside the frequency). */
const FIELD_SLOTS = 8;

/** A growing list of 32-bit integers in one typed array: millions of postings, no objects. */
class IntList {
  #items = new Int32Array(1024);
  #length = 0;

  get length(): number {
    return this.#length;
  }

  /** The backing array; only the first {@link length} are items. */
  get items(): Int32Array {
    return this.#items;
  }

  push(value: number): void {
    if (this.#length === this.#items.length) {
      const grown = new Int32Array(this.#length * 2);
      grown.set(this.#items);
      this.#items = grown;
    }
    this.#items[this.#length++] = value;
  }

  /** Empties the list and lets its memory go. */
  clear(): void {
    this.#items = new Int32Array(1024);
    this.#length = 0;
  }
}

/** MiniSearch's own bookkeeping for a new document, reused so the two ways of adding agree. */
interface MiniSearchInternals {
  addDocumentId(id: unknown): number;
  addFieldLength(shortId: number, fieldId: number, count: number, length: number): void;
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
  /**
   * Every term's postings in two flat arrays (a term's documents, and its score in each), where
   * term id t's run starts at `#start[t]` and is `#length[t]` long: two typed arrays per term
   * cost more in object headers than their contents on a knowledge base this size.
   */
  readonly #docs: Int32Array;
  readonly #contributions: Float64Array;
  readonly #start: Int32Array;
  readonly #length: Int32Array;
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
    this.#start = new Int32Array(termIds.size);
    this.#length = new Int32Array(termIds.size);
    let allDocs = new Int32Array(1024);
    let allContributions = new Float64Array(1024);
    let filled = 0;
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
      allDocs = withRoom(allDocs, filled, filled + touchedCount);
      allContributions = withRoom(allContributions, filled, filled + touchedCount);
      const id = termIds.get(term)!;
      this.#start[id] = filled;
      this.#length[id] = touchedCount;
      for (let i = 0; i < touchedCount; i++) {
        const doc = touched[i]!;
        allDocs[filled] = doc;
        allContributions[filled++] = sums[doc]!;
      }
    }
    this.#docs = allDocs.slice(0, filled);
    this.#contributions = allContributions.slice(0, filled);
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
    const docs = this.#docs;
    const contributions = this.#contributions;
    for (const termId of termIds) {
      if (termId < 0 || termId >= this.#start.length) continue;
      const start = this.#start[termId]!;
      const end = start + this.#length[termId]!;
      for (let i = start; i < end; i++) {
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
