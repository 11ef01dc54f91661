import type { Edition, FaqEntry, OutOfScopeTopic } from "../faq/types.js";
import { analysisFor } from "../text/analysis.js";
import { TextAnalyzer } from "./analyzer.js";
import { SpellingCorrector } from "./spelling.js";
import { type CountedField, InspectableMiniSearch, TermScores } from "./term-scores.js";

/** A document as the engine scores it: term ids in compact typed arrays. */
export interface IndexedDocument {
  /** Document number in the score table: entries first, then out-of-scope topics. */
  readonly doc: number;
  /** The entry's distinct term ids, sorted, and for each whether it is {@link ASKED} or {@link IN_ANSWER}. */
  readonly termIds: Int32Array;
  readonly presence: Uint8Array;
  /** Every phrasing's (question or alternate) distinct term ids, one after another. */
  readonly phrasingTerms: Int32Array;
  /** Where each phrasing ends in {@link phrasingTerms}. */
  readonly phrasingEnds: Int32Array;
  /** Total term weight of each phrasing. */
  readonly phrasingWeights: Float64Array;
}

/** An entry as the engine scores it; its `doc` is its position in the edition. */
export interface IndexedEntry extends IndexedDocument {
  readonly entry: FaqEntry;
}

/** An out-of-scope topic as the engine scores it: phrasings only. */
export interface IndexedTopic extends IndexedDocument {
  readonly topic: OutOfScopeTopic;
}

/** How a term occurs in an entry, in the presence table. */
export const ASKED = 2;
export const IN_ANSWER = 1;

/** Everything the engine answers from, built once per knowledge base and never changed. */
export interface EngineIndex {
  /** Query analysis, with spelling correction against the knowledge base's own words. */
  readonly analyzer: TextAnalyzer;
  /** Vocabulary of the knowledge base: term -> term id. */
  readonly termIds: ReadonlyMap<string, number>;
  /** IDF-like weight per term id. */
  readonly termWeights: Float64Array;
  /** The weight of a term the knowledge base does not contain. */
  readonly unknownWeight: number;
  /** One per entry, in knowledge-base order. */
  readonly items: readonly IndexedEntry[];
  /** One per out-of-scope topic; their documents follow the entries'. */
  readonly topics: readonly IndexedTopic[];
  /** BM25 scores per term, tabulated from MiniSearch. */
  readonly scores: TermScores;
  /** Milliseconds spent in each phase of the build (for the benchmark and the logs). */
  readonly timings: Readonly<Record<string, number>>;
}

/** Field boosts for the BM25 ranking. */
export type FieldBoosts = Readonly<Record<"question" | "alternates" | "tags" | "answer", number>>;

/** Times consecutive phases of a build. */
class PhaseTimer {
  readonly laps: Record<string, number> = {};
  #last = performance.now();

  /** Ends a phase; `excluding` milliseconds spent on something timed separately within it. */
  lap(phase: string, excluding = 0): void {
    const now = performance.now();
    this.#record(phase, now - this.#last - excluding);
    this.#last = now;
  }

  /** Records a phase timed separately (interleaved with another). */
  separately(phase: string, ms: number): void {
    this.#record(phase, ms);
  }

  #record(phase: string, ms: number): void {
    this.laps[phase] = Math.round(ms * 10) / 10;
  }
}

/** The fields MiniSearch indexes, in the order their counts are given to it. */
const FIELDS = ["question", "alternates", "tags", "answer"] as const;

/**
 * Numbers the knowledge base's terms and keeps per-term tallies while documents are read one
 * after another. The tallies are plain arrays that grow by one per new term, so they stay
 * packed (fast) however many terms there are; "seen in this document" is a stamp, not a Set.
 */
class TermNumbering {
  readonly termIds = new Map<string, number>();
  /** Term id -> term. */
  readonly terms: string[] = [];
  /** Documents each term occurs in. */
  readonly documentFrequency: number[] = [];
  /** Per term: the document (+1) it was last seen in, negated once its presence is recorded. */
  readonly #seenIn: number[] = [];
  /** Per term: the document (+1) it was last asked in (question, alternates or tags). */
  readonly #askedIn: number[] = [];
  /** Per term: the phrasing it was last seen in. */
  readonly #phrasingSeen: number[] = [];
  /** Per term: the field it was last counted in, and its place in that field's count. */
  readonly #fieldSeen: number[] = [];
  readonly #fieldSlot: number[] = [];
  #document = 0;
  #phrasing = 0;
  #field = 0;

  startDocument(): void {
    this.#document++;
  }

  /** Term ids of the occurrences, tallied for the current document. */
  occurrences(terms: readonly string[], asked: boolean): number[] {
    const ids = new Array<number>(terms.length);
    const document = this.#document;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      let id = this.termIds.get(term);
      if (id === undefined) {
        id = this.termIds.size;
        this.termIds.set(term, id);
        this.terms.push(term);
        this.documentFrequency.push(0);
        this.#seenIn.push(0);
        this.#askedIn.push(0);
        this.#phrasingSeen.push(0);
        this.#fieldSeen.push(0);
        this.#fieldSlot.push(0);
      }
      ids[i] = id;
      if (this.#seenIn[id] !== document) {
        this.#seenIn[id] = document;
        this.documentFrequency[id]!++;
      }
      if (asked) this.#askedIn[id] = document;
    }
    return ids;
  }

  /** Like {@link occurrences} for a phrasing, also appending its distinct ids and its end. */
  phrasing(terms: readonly string[], phrasings: number[], ends: number[]): number[] {
    const ids = this.occurrences(terms, true);
    const phrasing = ++this.#phrasing;
    for (const id of ids) {
      if (this.#phrasingSeen[id] === phrasing) continue;
      this.#phrasingSeen[id] = phrasing;
      phrasings.push(id);
    }
    ends.push(phrasings.length);
    return ids;
  }

  /** A field's distinct term ids (in order of first occurrence) and how often each occurs. */
  count(ids: readonly number[]): CountedField {
    const field = ++this.#field;
    const distinct: number[] = [];
    const frequencies: number[] = [];
    for (const id of ids) {
      if (this.#fieldSeen[id] === field) {
        frequencies[this.#fieldSlot[id]!]!++;
        continue;
      }
      this.#fieldSeen[id] = field;
      this.#fieldSlot[id] = distinct.length;
      distinct.push(id);
      frequencies.push(1);
    }
    return { ids: distinct, frequencies };
  }

  /** The current document's distinct term ids, sorted, as keys `id * 2 + (asked ? 1 : 0)`. */
  presence(fieldIds: readonly (readonly number[])[]): Int32Array {
    const document = this.#document;
    const keys: number[] = [];
    for (const ids of fieldIds) {
      for (const id of ids) {
        if (this.#seenIn[id] === -document) continue;
        this.#seenIn[id] = -document;
        keys.push(id * 2 + (this.#askedIn[id] === document ? 1 : 0));
      }
    }
    return new Int32Array(keys).sort();
  }
}

/**
 * Builds the engine's index. Every field of every entry goes through the analyzer once; the
 * terms then feed both MiniSearch (which indexes them and whose BM25 scores are tabulated, see
 * {@link TermScores}) and the per-entry tables the confidence is computed from. Sets and
 * intermediate arrays are avoided where the work is per term: at 100,000 entries there are
 * millions of terms.
 */
export function buildIndex(edition: Edition, boosts: FieldBoosts): EngineIndex {
  const timer = new PhaseTimer();
  const entries = edition.entries;
  // Out-of-scope topics are documents of phrasings alone, after the entries.
  const documents: {
    question: string;
    alternates: readonly string[];
    tags: readonly string[];
    answer: string;
  }[] = [
    ...entries,
    ...edition.outOfScope.map(({ phrasings }) => ({
      question: phrasings[0]!,
      alternates: phrasings.slice(1),
      tags: [],
      answer: "",
    })),
  ];
  const analyzer = new TextAnalyzer(edition.thesaurus, analysisFor(edition.language));
  const terms = new TermNumbering();
  // Each entry's terms are counted and handed to MiniSearch as soon as it is analysed (packed
  // postings, see addCounted), so analysed term lists never pile up: at 100,000 entries keeping
  // them all made garbage collection the slowest part of the build. A document is its position
  // in the knowledge base.
  const index = new InspectableMiniSearch<number>({ fields: [...FIELDS], storeFields: [] });
  let indexingMs = 0;

  /** Per entry: distinct phrasing term ids, phrasing ends, and presence keys (id * 2 + asked). */
  const tables: { phrasings: Int32Array; ends: Int32Array; keys: Int32Array }[] = [];

  for (let doc = 0; doc < documents.length; doc++) {
    const entry = documents[doc]!;
    terms.startDocument();
    const phrasings: number[] = [];
    const ends: number[] = [];
    const analyse = (text: string) => analyzer.indexTerms(text);

    const questionIds = terms.phrasing(analyse(entry.question), phrasings, ends);
    const alternateIds: number[] = [];
    for (const text of entry.alternates)
      for (const id of terms.phrasing(analyse(text), phrasings, ends)) alternateIds.push(id);
    const tagIds = terms.occurrences(entry.tags.flatMap(analyse), true);
    const answerIds = terms.occurrences(analyse(entry.answer), false);
    const fieldIds = [questionIds, alternateIds, tagIds, answerIds];
    const started = performance.now();
    index.addCounted(
      doc,
      fieldIds.map((ids) => terms.count(ids)),
    );
    indexingMs += performance.now() - started;
    tables.push({
      phrasings: new Int32Array(phrasings),
      ends: new Int32Array(ends),
      keys: terms.presence(fieldIds),
    });
  }
  const indexing = performance.now();
  index.indexCounted(terms.terms);
  indexingMs += performance.now() - indexing;
  const { termIds, documentFrequency } = terms;
  timer.lap("analyse", indexingMs);
  timer.separately("minisearch", indexingMs);

  const idf = (df: number) => Math.log(1 + documents.length / (df + 0.5));
  const termWeights = new Float64Array(documentFrequency.length);
  for (let id = 0; id < termWeights.length; id++) termWeights[id] = idf(documentFrequency[id]!);
  // Plain loops: typed arrays' `from` with a mapping function takes V8's slow generic path.
  const scored = (doc: number): IndexedDocument => {
    const { phrasings, ends, keys } = tables[doc]!;
    const ids = new Int32Array(keys.length);
    const presence = new Uint8Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      ids[i] = key >> 1;
      presence[i] = key & 1 ? ASKED : IN_ANSWER;
    }
    const phrasingWeights = new Float64Array(ends.length);
    let start = 0;
    for (let p = 0; p < ends.length; p++) {
      const end = ends[p]!;
      let weight = 0;
      for (let t = start; t < end; t++) weight += termWeights[phrasings[t]!]!;
      phrasingWeights[p] = weight;
      start = end;
    }
    return {
      doc,
      termIds: ids,
      presence,
      phrasingTerms: phrasings,
      phrasingEnds: ends,
      phrasingWeights,
    };
  };
  const items = entries.map((entry, doc): IndexedEntry => ({ ...scored(doc), entry }));
  const topics = edition.outOfScope.map((topic, i): IndexedTopic => ({
    ...scored(entries.length + i),
    topic,
  }));
  timer.lap("entries");

  const scores = new TermScores(index, boosts, termIds);
  timer.lap("scores");

  // Typos are corrected to the words of the knowledge base's own topics (built on first need).
  const vocabulary = analyzer.vocabulary();
  analyzer.useSpelling(() => new SpellingCorrector(vocabulary, {}, edition.language));
  analyzer.useTermIds(termIds);
  analyzer.useFolding();
  timer.lap("folding");

  return {
    analyzer,
    termIds,
    termWeights,
    unknownWeight: idf(0),
    items,
    topics,
    scores,
    timings: timer.laps,
  };
}
