import { LRUCache } from "lru-cache";
import MiniSearch, { type SearchResult } from "minisearch";
import type { Category, FaqEntry, KnowledgeBase } from "../faq/types.js";
import { TextAnalyzer, type AnalyzedQuery } from "./analyzer.js";
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
  /** Field boosts for MiniSearch's BM25 ranking. */
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
  candidates: 8,
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
  /** Terms of the question, alternates and tags: how people ask for this entry. */
  readonly askTerms: ReadonlySet<string>;
  /** Terms that appear only in the answer text. */
  readonly answerTerms: ReadonlySet<string>;
  /** Each phrasing (question or alternate) as a set of terms with its total weight. */
  readonly phrasings: readonly { terms: readonly string[]; weight: number }[];
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
 * questions of any length.
 */
const CALIBRATION = { intercept: -4.45, phrasingCoverage: 3.0, evidence: 1.2, bothCoverages: 3.3 } as const;

/**
 * The answer engine: question in, ranked FAQ entries with a confidence out. Built once from a
 * knowledge base; querying is synchronous and never changes the index, so one engine serves every
 * channel and can be swapped atomically on reload.
 */
export class AnswerEngine {
  readonly knowledgeBase: KnowledgeBase;
  readonly #options: Required<Omit<EngineOptions, "boost">> & { boost: Required<NonNullable<EngineOptions["boost"]>> };
  readonly #analyzer: TextAnalyzer;
  readonly #index: MiniSearch<{ id: string }>;
  readonly #byId: ReadonlyMap<string, IndexedEntry>;
  readonly #idf: ReadonlyMap<string, number>;
  readonly #unknownIdf: number;
  readonly #cache: LRUCache<string, Answer> | undefined;

  private constructor(knowledgeBase: KnowledgeBase, options: EngineOptions) {
    this.knowledgeBase = knowledgeBase;
    this.#options = { ...ENGINE_DEFAULTS, ...options, boost: { ...ENGINE_DEFAULTS.boost, ...options.boost } };
    const analyzer = new TextAnalyzer(knowledgeBase.thesaurus);
    this.#analyzer = analyzer;

    const indexed = knowledgeBase.entries.map((entry): IndexedEntry => {
      const phrasingTerms = [entry.question, ...entry.alternates].map((p) => [...new Set(analyzer.indexTerms(p))]);
      const askTerms = new Set([...phrasingTerms.flat(), ...entry.tags.flatMap((t) => analyzer.indexTerms(t))]);
      const answerTerms = new Set(analyzer.indexTerms(entry.answer).filter((t) => !askTerms.has(t)));
      return { entry, askTerms, answerTerms, phrasings: phrasingTerms.map((terms) => ({ terms, weight: 0 })) };
    });

    const documentFrequency = new Map<string, number>();
    for (const { askTerms, answerTerms } of indexed) {
      for (const term of [...askTerms, ...answerTerms]) documentFrequency.set(term, (documentFrequency.get(term) ?? 0) + 1);
    }
    const n = indexed.length;
    const idf = (df: number) => Math.log(1 + n / (df + 0.5));
    this.#idf = new Map([...documentFrequency].map(([term, df]) => [term, idf(df)]));
    this.#unknownIdf = idf(0);
    for (const item of indexed) {
      for (const phrasing of item.phrasings as { terms: readonly string[]; weight: number }[]) {
        phrasing.weight = phrasing.terms.reduce((sum, term) => sum + this.#weight(term), 0);
      }
    }
    this.#byId = new Map(indexed.map((item) => [item.entry.id, item]));

    // Documents are analysed by our own analyzer; MiniSearch only sees finished terms.
    const fields = ["question", "alternates", "tags", "answer"] as const;
    this.#index = new MiniSearch<{ id: string }>({
      fields: [...fields],
      extractField: (document, field) => {
        const entry = this.#byId.get(document.id)!.entry;
        if (field === "id") return entry.id;
        const value = entry[field as (typeof fields)[number]];
        return typeof value === "string" ? value : value.join(" \n ");
      },
      tokenize: (text) => analyzer.indexTerms(text),
      processTerm: (term) => term,
      searchOptions: {
        tokenize: (text) => text.split(" "),
        processTerm: (term) => term,
        boost: this.#options.boost,
        combineWith: "OR",
      },
    });
    this.#index.addAll(knowledgeBase.entries.map((entry) => ({ id: entry.id })));

    // Typos are corrected to words people actually use for these topics.
    const vocabulary = analyzer.vocabulary(
      knowledgeBase.entries.flatMap((e) => [e.question, ...e.alternates, ...e.tags, e.answer]),
    );
    analyzer.useSpelling(new SpellingCorrector(vocabulary));

    this.#cache = this.#options.cacheSize > 0 ? new LRUCache({ max: this.#options.cacheSize }) : undefined;
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
    const query = this.#analyzer.analyzeQuery(question);
    const cached = this.#cache?.get(query.normalized);
    if (cached !== undefined) return cached;
    const answer = this.#answer(query);
    this.#cache?.set(query.normalized, answer);
    return answer;
  }

  /** Entries matching the question, best first, down to the related threshold (inline mode). */
  search(question: string, limit = 10): Match[] {
    const query = this.#analyzer.analyzeQuery(question);
    return this.#rank(query, Math.max(limit, this.#options.candidates))
      .filter((match) => match.confidence >= this.#options.relatedThreshold)
      .slice(0, limit);
  }

  /** How a question was read and scored: for `npm run ask -- --explain` and tuning. */
  explain(question: string): { terms: readonly string[]; corrected: readonly string[]; matches: Match[] } {
    const query = this.#analyzer.analyzeQuery(question);
    return { terms: query.terms, corrected: [...query.corrected], matches: this.#rank(query, this.#options.candidates) };
  }

  #answer(query: AnalyzedQuery): Answer {
    const { threshold, relatedThreshold, suggestThreshold, maxRelated, ambiguityMargin } = this.#options;
    const ranked = this.#rank(query, this.#options.candidates);
    const best = ranked[0];
    if (best === undefined || best.confidence < threshold) {
      const suggestions = ranked.filter((m) => m.confidence >= suggestThreshold).slice(0, maxRelated);
      return { answer: null, related: suggestions, ambiguous: false, normalized: query.normalized };
    }
    const related = ranked.slice(1).filter((m) => m.confidence >= relatedThreshold).slice(0, maxRelated);
    const ambiguous = related[0] !== undefined && best.confidence - related[0].confidence <= ambiguityMargin;
    for (const id of best.entry.related) {
      if (related.length >= maxRelated) break;
      if (related.some((m) => m.entry.id === id)) continue;
      const item = this.#byId.get(id);
      if (item) related.push({ entry: item.entry, confidence: this.#confidence(query, item), score: 0 });
    }
    return { answer: best, related, ambiguous, normalized: query.normalized };
  }

  /** Candidates from BM25, re-ranked by a blend of confidence and relative BM25 score. */
  #rank(query: AnalyzedQuery, limit: number): Match[] {
    if (query.terms.length === 0) return [];
    const results: SearchResult[] = this.#index.search(query.terms.join(" "));
    const top = results[0]?.score ?? 0;
    const matches = results.slice(0, limit).map((result) => {
      const item = this.#byId.get(result.id as string)!;
      return { entry: item.entry, confidence: this.#confidence(query, item), score: result.score, relative: result.score / top };
    });
    matches.sort(
      (a, b) => b.confidence + BM25_SHARE * b.relative - (a.confidence + BM25_SHARE * a.relative),
    );
    return matches.map(({ entry, confidence, score }) => ({ entry, confidence, score }));
  }

  /**
   * Confidence in [0, 1] from how much of the question (by term weight) the entry accounts for,
   * how much of the entry's closest phrasing the question contains, and how much evidence
   * matched. Raw BM25 scores grow with query length and vary with the index; these do not.
   */
  #confidence(query: AnalyzedQuery, item: IndexedEntry): number {
    let total = 0;
    let matched = 0;
    for (const term of query.terms) {
      const weight = this.#weight(term);
      const factor = query.corrected.has(term) ? CORRECTED_WEIGHT : 1;
      total += weight;
      if (item.askTerms.has(term)) matched += weight * factor;
      else if (item.answerTerms.has(term)) matched += weight * factor * ANSWER_ONLY_WEIGHT;
    }
    if (total === 0) return 0;
    let phrasingCoverage = 0;
    for (const phrasing of item.phrasings) {
      if (phrasing.weight === 0) continue;
      let covered = 0;
      for (const term of phrasing.terms) if (query.terms.includes(term)) covered += this.#weight(term);
      phrasingCoverage = Math.max(phrasingCoverage, covered / phrasing.weight);
    }
    const queryCoverage = matched / total;
    const logit =
      CALIBRATION.intercept +
      CALIBRATION.phrasingCoverage * phrasingCoverage +
      CALIBRATION.evidence * Math.log1p(matched) +
      CALIBRATION.bothCoverages * queryCoverage * phrasingCoverage;
    return Math.round(1000 / (1 + Math.exp(-logit))) / 1000;
  }

  #weight(term: string): number {
    return this.#idf.get(term) ?? this.#unknownIdf;
  }
}
