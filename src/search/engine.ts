import { LRUCache } from "lru-cache";
import type { Category, FaqEntry, KnowledgeBase } from "../faq/types.js";
import { TextAnalyzer, type AnalyzedQuery } from "./analyzer.js";
import MiniSearch from "minisearch";
import { TermScores } from "./term-scores.js";
import { SpellingCorrector } from "./spelling.js";

/** Tuning of the answer engine. Every option has a default in {@link ENGINE_DEFAULTS}. */
export interface EngineOptions {
  /** Confidence at or above which the best match is given as the answer. */
  threshold?: number;
  /** Confidence at or above which other matches are offered as related questions. */
  relatedThreshold?: number;
  /** Confidence at or above which an unanswered question gets "did you mean" suggestions. */
  suggestThreshold?: number;
  /** Most related entries returned with an answer. */
  maxRelated?: number;
  /** Runner-up within this much confidence of the best makes the answer ambiguous. */
  ambiguityMargin?: number;
  /** Field boosts for the BM25 ranking. */
  boost?: { question?: number; alternates?: number; tags?: number; answer?: number };
  /** How many ranked candidates are scored for confidence. */
  candidates?: number;
  /** Answers remembered by normalised question (0 turns the cache off). */
  cacheSize?: number;
}

export const ENGINE_DEFAULTS = {
  threshold: 0.5,
  relatedThreshold: 0.3,
  suggestThreshold: 0.2,
  maxRelated: 3,
  ambiguityMargin: 0.1,
  boost: { question: 3, alternates: 2, tags: 1.5, answer: 0.4 },
  candidates: 5,
  cacheSize: 2_000,
} as const;

/** How strongly an entry matches a question. */
export interface Match {
  readonly entry: FaqEntry;
  /** In [0, 1], comparable across questions: how much of the question the entry accounts for. */
  readonly confidence: number;
  /** Raw BM25 score, for diagnostics only (not comparable across questions). */
  readonly score: number;
}

/** The engine's reply to one question. */
export interface Answer {
  /** The best entry, or null when no entry is a confident match. */
  readonly answer: Match | null;
  /** Up to `maxRelated` entries: close runners-up first, then the answer's own related ids. */
  readonly related: readonly Match[];
  /** True when the runner-up is almost as good as the answer (it is then first in `related`). */
  readonly ambiguous: boolean;
  /** The normalised question. */
  readonly normalized: string;
}

interface IndexedEntry {
  readonly entry: FaqEntry;
  /** Position in the knowledge base (and document number in the score table). */
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

/** A query's terms resolved against the vocabulary once, then shared by every candidate. */
interface PreparedQuery {
  readonly query: AnalyzedQuery;
  /** Term id per query term (-1: not in the knowledge base). */
  readonly ids: Int32Array;
  /** Weight per query term, already scaled down when the term came from a correction. */
  readonly weights: Float64Array;
  /** Sum of the query's term weights (unscaled). */
  readonly total: number;
}

/** How a term occurs in an entry, in the presence table. */
const ASKED = 2;
const IN_ANSWER = 1;

/** Times consecutive phases of a build. */
class PhaseTimer {
  readonly laps: Record<string, number> = {};
  #last = performance.now();

  lap(phase: string): void {
    const now = performance.now();
    this.laps[phase] = Math.round((now - this.#last) * 10) / 10;
    this.#last = now;
  }
}

/** Sorted term ids of an entry with how each occurs: compact even for 100,000 entries. */
function presenceOf(
  analysed: { askTerms: ReadonlySet<string>; answerTerms: ReadonlySet<string> },
  termIds: ReadonlyMap<string, number>,
): { termIds: Int32Array; presence: Uint8Array } {
  const pairs: [number, number][] = [
    ...[...analysed.askTerms].map((term): [number, number] => [termIds.get(term)!, ASKED]),
    ...[...analysed.answerTerms].map((term): [number, number] => [termIds.get(term)!, IN_ANSWER]),
  ].sort((a, b) => a[0] - b[0]);
  return {
    termIds: Int32Array.from(pairs, ([id]) => id),
    presence: Uint8Array.from(pairs, ([, kind]) => kind),
  };
}

/** How a term occurs in an entry (binary search in its sorted term ids); 0 when it does not. */
function presenceIn(item: IndexedEntry, termId: number): number {
  const ids = item.termIds;
  let low = 0;
  let high = ids.length - 1;
  while (low <= high) {
    const mid = (low + high) >>> 1;
    const value = ids[mid]!;
    if (value === termId) return item.presence[mid]!;
    if (value < termId) low = mid + 1;
    else high = mid - 1;
  }
  return 0;
}

/** A term found only in the answer text counts for this much of a term people ask with. */
const ANSWER_ONLY_WEIGHT = 0.5;
/** A term that exists only through a spelling correction counts slightly less. */
const CORRECTED_WEIGHT = 0.85;
/** Ranking adds this much of an entry's BM25 score relative to the best, to break near-ties. */
const BM25_SHARE = 0.5;

/**
 * Logistic calibration of the confidence, fitted on labelled questions (right answer vs wrong or
 * off-topic): the evidence matched (summed term weight, log-scaled), how much of the entry's
 * closest phrasing the question contains, and both coverages together. The result reads as the
 * probability that the answer is right, so 0.5 is a natural threshold and values compare across
 * questions of any length. Refitted after the thesaurus, stop-word and spelling changes by a
 * search over the four coefficients for the best top-1, top-3 and rejection together, taking the
 * middle of the flat optimum rather than its edge.
 */
const CALIBRATION = {
  intercept: -4.6,
  phrasingCoverage: 3.7,
  evidence: 0.95,
  bothCoverages: 3.3,
} as const;

/**
 * The answer engine: question in, ranked FAQ entries with a confidence out. Built once from a
 * knowledge base; querying is synchronous and never changes the index, so one engine serves every
 * channel and can be swapped atomically on reload.
 */
export class AnswerEngine {
  readonly knowledgeBase: KnowledgeBase;
  /** Milliseconds spent in each phase of the build (for the benchmark and the logs). */
  readonly buildTimings: Readonly<Record<string, number>>;
  readonly #options: Required<Omit<EngineOptions, "boost">> & {
    boost: Required<NonNullable<EngineOptions["boost"]>>;
  };
  readonly #analyzer: TextAnalyzer;
  readonly #scores: TermScores;
  readonly #items: readonly IndexedEntry[];
  readonly #byId: ReadonlyMap<string, IndexedEntry>;
  /** Vocabulary of the knowledge base: term -> term id. */
  readonly #termIds: ReadonlyMap<string, number>;
  /** IDF-like weight per term id. */
  readonly #termWeights: Float64Array;
  /** Scratch: 1 for the term ids of the query being scored (always cleared afterwards). */
  readonly #inQuery: Uint8Array;
  readonly #unknownIdf: number;
  readonly #cache: LRUCache<string, Answer> | undefined;
  /** Answers by the question exactly as typed (same bound as {@link #cache}). */
  readonly #verbatimCache: LRUCache<string, Answer> | undefined;

  private constructor(knowledgeBase: KnowledgeBase, options: EngineOptions) {
    this.knowledgeBase = knowledgeBase;
    this.#options = {
      ...ENGINE_DEFAULTS,
      ...options,
      boost: { ...ENGINE_DEFAULTS.boost, ...options.boost },
    };
    const analyzer = new TextAnalyzer(knowledgeBase.thesaurus);
    this.#analyzer = analyzer;
    const entries = knowledgeBase.entries;
    const n = entries.length;

    const timer = new PhaseTimer();
    // Each field is analysed once; the words seen make the spelling vocabulary.
    const vocabulary = new Map<string, number>();
    const fields = entries.map((entry) => ({
      question: analyzer.indexTerms(entry.question, vocabulary),
      alternates: entry.alternates.map((alternate) => analyzer.indexTerms(alternate, vocabulary)),
      tags: entry.tags.flatMap((tag) => analyzer.indexTerms(tag, vocabulary)),
      answer: analyzer.indexTerms(entry.answer, vocabulary),
    }));
    analyzer.addThesaurusWords(vocabulary);
    const analysed = fields.map((field) => {
      const phrasingTerms = [field.question, ...field.alternates].map((terms) => [
        ...new Set(terms),
      ]);
      const askTerms = new Set([...phrasingTerms.flat(), ...field.tags]);
      const answerTerms = new Set(field.answer.filter((term) => !askTerms.has(term)));
      return { phrasingTerms, askTerms, answerTerms };
    });

    timer.lap("analyse");
    const termIds = new Map<string, number>();
    const documentFrequency: number[] = [];
    for (const { askTerms, answerTerms } of analysed) {
      for (const term of [...askTerms, ...answerTerms]) {
        let id = termIds.get(term);
        if (id === undefined) termIds.set(term, (id = termIds.size));
        documentFrequency[id] = (documentFrequency[id] ?? 0) + 1;
      }
    }
    const idf = (df: number) => Math.log(1 + n / (df + 0.5));
    this.#termIds = termIds;
    this.#termWeights = Float64Array.from(documentFrequency, idf);
    this.#unknownIdf = idf(0);
    this.#inQuery = new Uint8Array(termIds.size);

    this.#items = entries.map((entry, doc): IndexedEntry => ({
      entry,
      doc,
      ...presenceOf(analysed[doc]!, termIds),
      ...this.#phrasingsOf(analysed[doc]!.phrasingTerms),
    }));
    this.#byId = new Map(this.#items.map((item) => [item.entry.id, item]));

    // MiniSearch indexes the entries. They arrive as finished terms (analysed above, joined by
    // spaces); its per-term scores are then tabulated once (see TermScores).
    const index = new MiniSearch<{ id: string; doc: number }>({
      fields: ["question", "alternates", "tags", "answer"],
      storeFields: [],
      extractField: (document, field) => {
        if (field === "id") return document.id;
        const terms = fields[document.doc]![field as "question" | "alternates" | "tags" | "answer"];
        return terms.flat().join(" ");
      },
      tokenize: (text) => (text === "" ? [] : text.split(" ")),
      processTerm: (term) => term,
    });
    timer.lap("entries");
    index.addAll(entries.map((entry, doc) => ({ id: entry.id, doc })));
    timer.lap("minisearch");
    this.#scores = new TermScores(
      index,
      this.#options.boost,
      new Map(entries.map((entry, doc) => [entry.id, doc])),
      termIds,
    );

    // Typos are corrected to words people actually use for these topics.
    timer.lap("scores");
    analyzer.useSpelling(new SpellingCorrector(vocabulary));
    timer.lap("spelling");
    this.buildTimings = timer.laps;

    this.#cache =
      this.#options.cacheSize > 0 ? new LRUCache({ max: this.#options.cacheSize }) : undefined;
    this.#verbatimCache =
      this.#options.cacheSize > 0 ? new LRUCache({ max: this.#options.cacheSize }) : undefined;
  }

  /** An entry's phrasings as flat typed arrays: scoring walks them for every candidate. */
  #phrasingsOf(
    phrasings: readonly (readonly string[])[],
  ): Pick<IndexedEntry, "phrasingTerms" | "phrasingEnds" | "phrasingWeights"> {
    const ids = phrasings.map((terms) => terms.map((term) => this.#termIds.get(term)!));
    let end = 0;
    return {
      phrasingTerms: Int32Array.from(ids.flat()),
      phrasingEnds: Int32Array.from(ids, (terms) => (end += terms.length)),
      phrasingWeights: Float64Array.from(ids, (terms) =>
        terms.reduce((sum, id) => sum + this.#termWeights[id]!, 0),
      ),
    };
  }

  /** Builds the index; throws only on programming errors (the knowledge base is validated). */
  static build(knowledgeBase: KnowledgeBase, options: EngineOptions = {}): AnswerEngine {
    return new AnswerEngine(knowledgeBase, options);
  }

  get entries(): readonly FaqEntry[] {
    return this.knowledgeBase.entries;
  }

  get categories(): readonly Category[] {
    return this.knowledgeBase.categories;
  }

  get version(): string {
    return this.knowledgeBase.version;
  }

  /** The entry with this id, if any. */
  get(id: string): FaqEntry | undefined {
    return this.#byId.get(id)?.entry;
  }

  /** Answers one question (memoised by its normalised text). */
  ask(question: string): Answer {
    // The exact text first: a popular question repeated verbatim skips even the analysis.
    const verbatim = this.#verbatimCache?.get(question);
    if (verbatim !== undefined) return verbatim;
    const query = this.#analyzer.analyzeQuery(question);
    let answer = this.#cache?.get(query.normalized);
    if (answer === undefined) {
      answer = this.#answer(this.#prepare(query));
      this.#cache?.set(query.normalized, answer);
    }
    this.#verbatimCache?.set(question, answer);
    return answer;
  }

  /** Entries matching the question, best first, down to the related threshold (inline mode). */
  search(question: string, limit = 10): Match[] {
    const query = this.#prepare(this.#analyzer.analyzeQuery(question));
    return this.#rank(query, Math.max(limit, this.#options.candidates))
      .filter((match) => match.confidence >= this.#options.relatedThreshold)
      .slice(0, limit);
  }

  /** How a question was read and scored: for `npm run ask -- --explain` and tuning. */
  explain(question: string): {
    terms: readonly string[];
    corrected: readonly string[];
    matches: Match[];
  } {
    const query = this.#analyzer.analyzeQuery(question);
    return {
      terms: query.terms,
      corrected: [...query.corrected],
      matches: this.#rank(this.#prepare(query), this.#options.candidates),
    };
  }

  #prepare(query: AnalyzedQuery): PreparedQuery {
    const count = query.terms.length;
    const ids = new Int32Array(count);
    const weights = new Float64Array(count);
    let total = 0;
    for (let i = 0; i < count; i++) {
      const term = query.terms[i]!;
      const id = this.#termIds.get(term) ?? -1;
      const weight = id >= 0 ? this.#termWeights[id]! : this.#unknownIdf;
      ids[i] = id;
      total += weight;
      weights[i] =
        query.corrected.size > 0 && query.corrected.has(term) ? weight * CORRECTED_WEIGHT : weight;
    }
    return { query, ids, weights, total };
  }

  #answer(prepared: PreparedQuery): Answer {
    const { threshold, relatedThreshold, suggestThreshold, maxRelated, ambiguityMargin } =
      this.#options;
    const { query } = prepared;
    const ranked = this.#rank(prepared, this.#options.candidates);
    const best = ranked[0];
    if (best === undefined || best.confidence < threshold) {
      const suggestions = ranked
        .filter((m) => m.confidence >= suggestThreshold)
        .slice(0, maxRelated);
      return { answer: null, related: suggestions, ambiguous: false, normalized: query.normalized };
    }
    const related = ranked
      .slice(1)
      .filter((m) => m.confidence >= relatedThreshold)
      .slice(0, maxRelated);
    const ambiguous =
      related[0] !== undefined && best.confidence - related[0].confidence <= ambiguityMargin;
    for (const id of best.entry.related) {
      if (related.length >= maxRelated) break;
      if (related.some((m) => m.entry.id === id)) continue;
      const item = this.#byId.get(id);
      if (item)
        related.push({ entry: item.entry, confidence: this.#scored(prepared, item), score: 0 });
    }
    return { answer: best, related, ambiguous, normalized: query.normalized };
  }

  /** Candidates from BM25, re-ranked by a blend of confidence and relative BM25 score. */
  #rank(prepared: PreparedQuery, limit: number): Match[] {
    if (prepared.ids.length === 0) return [];
    const results = this.#scores.search(prepared.ids, limit);
    if (results.length === 0) return [];
    const top = results[0]!.score;
    this.#mark(prepared, 1);
    const matches = results.map(({ doc, score }) => {
      const item = this.#items[doc]!;
      const confidence = this.#confidence(prepared, item);
      return {
        entry: item.entry,
        confidence,
        score,
        rank: confidence + BM25_SHARE * (score / top),
      };
    });
    this.#mark(prepared, 0);
    matches.sort((a, b) => b.rank - a.rank);
    return matches.map(({ entry, confidence, score }) => ({ entry, confidence, score }));
  }

  #mark(prepared: PreparedQuery, value: 0 | 1): void {
    for (const id of prepared.ids) if (id >= 0) this.#inQuery[id] = value;
  }

  /** {@link #confidence} outside a ranking pass (marks the query's terms itself). */
  #scored(prepared: PreparedQuery, item: IndexedEntry): number {
    this.#mark(prepared, 1);
    const confidence = this.#confidence(prepared, item);
    this.#mark(prepared, 0);
    return confidence;
  }

  /**
   * Confidence in [0, 1] from how much of the question (by term weight) the entry accounts for,
   * how much of the entry's closest phrasing the question contains, and how much evidence
   * matched. Raw BM25 scores grow with query length and vary with the index; these do not.
   * Expects the query's terms to be marked in `#inQuery`.
   */
  #confidence(prepared: PreparedQuery, item: IndexedEntry): number {
    const { ids, weights, total } = prepared;
    if (total === 0) return 0;
    let matched = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < 0) continue;
      const presence = presenceIn(item, id);
      if (presence === ASKED) matched += weights[i]!;
      else if (presence === IN_ANSWER) matched += weights[i]! * ANSWER_ONLY_WEIGHT;
    }
    let phrasingCoverage = 0;
    const { phrasingTerms, phrasingEnds, phrasingWeights } = item;
    const inQuery = this.#inQuery;
    const termWeights = this.#termWeights;
    let start = 0;
    for (let p = 0; p < phrasingEnds.length; p++) {
      const end = phrasingEnds[p]!;
      const weight = phrasingWeights[p]!;
      if (weight > 0) {
        let covered = 0;
        for (let t = start; t < end; t++) {
          const id = phrasingTerms[t]!;
          if (inQuery[id] === 1) covered += termWeights[id]!;
        }
        if (covered / weight > phrasingCoverage) phrasingCoverage = covered / weight;
      }
      start = end;
    }
    const queryCoverage = matched / total;
    const logit =
      CALIBRATION.intercept +
      CALIBRATION.phrasingCoverage * phrasingCoverage +
      CALIBRATION.evidence * Math.log1p(matched) +
      CALIBRATION.bothCoverages * queryCoverage * phrasingCoverage;
    return Math.round(1000 / (1 + Math.exp(-logit))) / 1000;
  }
}
