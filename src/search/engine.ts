import { LRUCache } from "lru-cache";
import type { Category, Edition, FaqEntry, OutOfScopeTopic } from "../faq/types.js";
import { analysisFor } from "../text/analysis.js";
import type { Language } from "../text/languages.js";
import type { AnalyzedQuery, TextAnalyzer } from "./analyzer.js";
import { AnswerCache } from "./answer-cache.js";
import { commonWordsOf } from "./common-words.js";
import {
  ASKED,
  buildIndex,
  IN_ANSWER,
  type IndexedDocument,
  type IndexedEntry,
  type IndexedTopic,
} from "./index-builder.js";
import { OtherServices } from "./other-services.js";
import type { TermScores } from "./term-scores.js";

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
  /**
   * Rankings remembered by {@link Ranking.key}, the terms a question was read as (0 turns the
   * cache off). Larger than `cacheSize`: a ranking is small and serves many phrasings.
   */
  rankingCacheSize?: number;
  /** The confidence's coefficients (see {@link CALIBRATION}); for `npm run tune` only. */
  calibration?: Partial<Calibration>;
}

/** The coefficients of the confidence's logistic function. */
export interface Calibration {
  readonly intercept: number;
  readonly phrasingCoverage: number;
  readonly evidence: number;
  readonly bothCoverages: number;
  readonly queryCoverage: number;
  /** Weight of the question's words the knowledge base does not hold and no list calls common. */
  readonly rareUnknown: number;
  /**
   * Weight of a question that is exactly one of the entry's phrasings ("is whatsapp safe"):
   * short questions carry little evidence by weight, yet say exactly what they ask.
   */
  readonly exactPhrasing: number;
  /**
   * How much an unknown but common word ("month", "family") weighs, as a share of an unknown
   * rare word's weight: rambling questions are full of them; they say little about the topic.
   */
  readonly commonUnknownWeight: number;
  /**
   * Least total weight a phrasing's coverage is measured against: a one-word alternate ("block")
   * is otherwise covered whole by any question holding that word.
   */
  readonly phrasingFloor: number;
}

export const ENGINE_DEFAULTS = {
  threshold: 0.5,
  relatedThreshold: 0.3,
  suggestThreshold: 0.2,
  maxRelated: 3,
  ambiguityMargin: 0.1,
  boost: { question: 3, alternates: 2, tags: 1.5, answer: 0.4 },
  candidates: 6,
  cacheSize: 2_000,
  rankingCacheSize: 10_000,
} as const;

/** How strongly an entry matches a question. */
export interface Match {
  readonly entry: FaqEntry;
  /** In [0, 1], comparable across questions: how much of the question the entry accounts for. */
  readonly confidence: number;
  /** Raw BM25 score, for diagnostics only (not comparable across questions). */
  readonly score: number;
}

/** What the engine found for a question: the same for every question read as the same terms. */
export interface Ranking {
  /** The best entry, or null when no entry is a confident match. */
  readonly answer: Match | null;
  /** Up to `maxRelated` entries: close runners-up first, then the answer's own related ids. */
  readonly related: readonly Match[];
  /** True when the runner-up is almost as good as the answer (it is then first in `related`). */
  readonly ambiguous: boolean;
  /**
   * Set when the question reads more like an out-of-scope topic (a WhatsApp question that is not
   * about privacy) than like any entry, confidently: it is declined, `answer` is null and
   * `related` empty.
   */
  readonly declined: OutOfScopeTopic | null;
  /**
   * The question as the engine read it: its terms (by id, in id order) and which of them came
   * from a spelling correction. Questions with the same key get the same ranking.
   */
  readonly key: string;
}

/** The engine's reply to one question. */
export interface Answer extends Ranking {
  /** The normalised question. */
  readonly normalized: string;
}

/** What a match's confidence is computed from. */
export interface MatchEvidence {
  /** How much of the entry's closest phrasing (by term weight) the question contains. */
  readonly phrasingCoverage: number;
  /** How much of the question (by term weight) the entry accounts for. */
  readonly queryCoverage: number;
  /** The summed weight of the question's terms the entry holds. */
  readonly matched: number;
  /** The share of the question's weight in rare words the knowledge base does not hold. */
  readonly rareUnknownShare: number;
  /** 1 when the question is one of the entry's phrasings, word for word after analysis; else 0. */
  readonly exactPhrasing: number;
}

const NO_EVIDENCE: MatchEvidence = {
  phrasingCoverage: 0,
  queryCoverage: 0,
  matched: 0,
  rareUnknownShare: 0,
  exactPhrasing: 1.25,
};

/** The confidence, in [0, 1] to three decimals, that evidence calibrated so reads as. */
export function calibrated(c: Calibration, evidence: MatchEvidence): number {
  if (evidence === NO_EVIDENCE) return 0;
  const { phrasingCoverage, queryCoverage, matched, rareUnknownShare, exactPhrasing } = evidence;
  const logit =
    c.intercept +
    c.phrasingCoverage * phrasingCoverage +
    c.evidence * Math.log1p(matched) +
    c.bothCoverages * queryCoverage * phrasingCoverage +
    c.queryCoverage * queryCoverage +
    c.rareUnknown * rareUnknownShare +
    c.exactPhrasing * exactPhrasing;
  return Math.round(1000 / (1 + Math.exp(-logit))) / 1000;
}

/** One candidate of a question, as `npm run tune` and `--explain` see it. */
export interface Candidate {
  /** An entry id, or `out-of-scope:<topic id>`. */
  readonly id: string;
  readonly evidence: MatchEvidence;
  /** BM25 score relative to the best candidate's, in [0, 1]. */
  readonly relativeScore: number;
}

/** A match with the blend of confidence and BM25 it was ranked by. */
interface RankedMatch extends Match {
  readonly rank: number;
}

const withoutRank = ({ entry, confidence, score }: RankedMatch): Match => ({
  entry,
  confidence,
  score,
});

/** A query's terms resolved against the vocabulary once, then shared by every candidate. */
interface PreparedQuery {
  /** Term ids in ascending order (-1, first: not in the knowledge base), so that scores and
   * confidence are summed in the same order for every question with the same terms. */
  readonly ids: Int32Array;
  /** Weight per term, already scaled down when the term came from a correction. */
  readonly weights: Float64Array;
  /** Sum of the query's term weights (unscaled). */
  readonly total: number;
  /** The part of `total` in rare words the knowledge base does not hold (id {@link RARE_UNKNOWN}). */
  readonly rareUnknown: number;
  /** {@link Ranking.key}. */
  readonly key: string;
}

/** Float tolerance when comparing summed weights. */
const EXACT = 0.999;

/** Term id of a word the knowledge base does not hold. */
const RARE_UNKNOWN = -1;
/** Term id of a word the knowledge base does not hold that is a common word of the language. */
const COMMON_UNKNOWN = -2;

/** How a term occurs in an entry (binary search in its sorted term ids); 0 when it does not. */
function presenceIn(item: IndexedDocument, termId: number): number {
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
 * A question that is word for word one of an out-of-scope topic's phrasings ("use two accounts
 * on one phone") ranks the topic first: an entry that holds the same words among others would
 * otherwise win on BM25 and answer a question the knowledge base knowingly declines.
 */
const EXACT_TOPIC_RANK = 1;

/**
 * A candidate's place in the ranking: its confidence, a share of its BM25 score relative to the
 * best candidate's, and {@link EXACT_TOPIC_RANK} for a topic the question is a phrasing of.
 */
export function rankOf(
  confidence: number,
  relativeScore: number,
  exactTopicPhrasing: boolean,
): number {
  return confidence + BM25_SHARE * relativeScore + (exactTopicPhrasing ? EXACT_TOPIC_RANK : 0);
}

/**
 * Logistic calibration of the confidence, fitted on labelled questions (right answer vs wrong or
 * off-topic): the evidence matched (summed term weight, log-scaled), how much of the entry's
 * closest phrasing the question contains, and both coverages together. The result reads as the
 * probability that the answer is right, so 0.5 is a natural threshold and values compare across
 * questions of any length. Refitted after the thesaurus, stop-word and spelling changes by a
 * search over the four coefficients for the best top-1, top-3 and rejection together, taking the
 * middle of the flat optimum rather than its edge.
 */
export const CALIBRATION: Calibration = {
  intercept: -6,
  phrasingCoverage: 3.75,
  evidence: 2,
  bothCoverages: 3.3,
  queryCoverage: 0,
  rareUnknown: -5.25,
  exactPhrasing: 1.25,
  commonUnknownWeight: 0.25,
  phrasingFloor: 2,
};

/**
 * The answer engine: question in, ranked FAQ entries with a confidence out. Built once from a
 * knowledge base; querying is synchronous and never changes the index, so one engine serves every
 * channel and can be swapped atomically on reload.
 */
export class AnswerEngine {
  /** The knowledge base in the engine's language. */
  readonly knowledgeBase: Edition;
  /** Milliseconds spent in each phase of the build (for the benchmark and the logs). */
  readonly buildTimings: Readonly<Record<string, number>>;
  readonly #options: Required<Omit<EngineOptions, "boost" | "calibration">> & {
    boost: Required<NonNullable<EngineOptions["boost"]>>;
  };
  readonly #calibration: Calibration;
  /** Stems of the language's common words, for {@link COMMON_UNKNOWN}. */
  #commonStems: ReadonlySet<string> | undefined;
  readonly #analyzer: TextAnalyzer;
  readonly #scores: TermScores;
  readonly #items: readonly IndexedEntry[];
  readonly #topics: readonly IndexedTopic[];
  readonly #byId: ReadonlyMap<string, IndexedEntry>;
  /** IDF-like weight per term id. */
  readonly #termWeights: Float64Array;
  /** Scratch: 1 for the term ids of the query being scored (always cleared afterwards). */
  readonly #inQuery: Uint8Array;
  readonly #unknownIdf: number;
  /**
   * Answers by normalised question ("Can FB read my msgs??" and "can fb read my msgs" share
   * one). Not also by the question as typed: that lookup missed on every question never seen
   * (0.9 µs each, measured with 4 MB of other memory touched between questions), and over HTTP
   * a question asked again word for word is answered before the engine (`AnswerBodies.reply`).
   */
  readonly #cache: AnswerCache<Answer> | undefined;
  /**
   * Rankings by {@link Ranking.key}: a question never asked before in any spelling is often one
   * read before ("whatsapp encrypted?", "is whatsap encrypted", "encrypted whatsapp?") and then
   * costs its reading only. Unknown words all count alike, so off-topic questions share keys too.
   * Unlike answers, rankings are kept from their first sight: keys come back far more often than
   * question texts (63% of the HTTP benchmark's 60,000 never-repeating questions read as the
   * terms of an earlier one), and a ranking is a few small objects; waiting for a key's second
   * sight left a quarter of those questions ranked again instead of a sixth.
   */
  readonly #rankings: LRUCache<string, Ranking> | undefined;
  /** Declines questions about another service (see {@link OtherServices}). */
  readonly #otherServices: OtherServices | undefined;
  /** The terms of this language's `whatsappThings` (`faq/services.yaml`), read by {@link prepare}. */
  #whatsappThingTerms: ReadonlySet<string> | undefined;

  private constructor(knowledgeBase: Edition, options: EngineOptions) {
    this.knowledgeBase = knowledgeBase;
    this.#options = {
      ...ENGINE_DEFAULTS,
      ...options,
      boost: { ...ENGINE_DEFAULTS.boost, ...options.boost },
    };
    this.#calibration = { ...CALIBRATION, ...options.calibration };
    const index = buildIndex(knowledgeBase, this.#options.boost);
    this.#analyzer = index.analyzer;
    this.#termWeights = index.termWeights;
    this.#unknownIdf = index.unknownWeight;
    this.#items = index.items;
    this.#topics = index.topics;
    this.#scores = index.scores;
    this.buildTimings = index.timings;
    this.#byId = new Map(this.#items.map((item) => [item.entry.id, item]));
    this.#inQuery = new Uint8Array(this.#termWeights.length);
    this.#otherServices = OtherServices.of(knowledgeBase, this.#analyzer.analysis.words);

    const { cacheSize, rankingCacheSize } = this.#options;
    this.#cache = cacheSize > 0 ? new AnswerCache(cacheSize) : undefined;
    this.#rankings = rankingCacheSize > 0 ? new LRUCache({ max: rankingCacheSize }) : undefined;
  }

  /** Builds the index; throws only on programming errors (the knowledge base is validated). */
  static build(knowledgeBase: Edition, options: EngineOptions = {}): AnswerEngine {
    return new AnswerEngine(knowledgeBase, options);
  }

  /**
   * An edition's words, as its engine would index them (every word of its entries, out-of-scope
   * phrasings and thesaurus that is not a stop word), and its language's stop words: for telling
   * languages apart without building the engine.
   */
  static languageWords(edition: Edition): Set<string> {
    const analysis = analysisFor(edition.language);
    const words = new Set<string>(analysis.stopWords);
    const add = (text: string) => {
      for (const word of analysis.words(text)) if (!analysis.isStopWord(word)) words.add(word);
    };
    for (const entry of edition.entries) {
      add(entry.question);
      entry.alternates.forEach(add);
      entry.tags.forEach(add);
      add(entry.answer);
    }
    for (const topic of edition.outOfScope) topic.phrasings.forEach(add);
    for (const group of edition.thesaurus) [group.canonical, ...group.synonyms].forEach(add);
    return words;
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

  get language(): Language {
    return this.knowledgeBase.language;
  }

  /**
   * Builds what the engine otherwise builds on the first question that needs it (the spelling
   * corrector, the common words' stems). Answers never depend on whether it has been called.
   */
  prepare(): void {
    this.#analyzer.prepareSpelling();
    if (this.#commonStems === undefined) this.#stemCommonWords();
    if (this.#whatsappThingTerms === undefined) this.#readWhatsAppThings();
  }

  /** True once {@link prepare} has nothing left to do. */
  get prepared(): boolean {
    return (
      this.#analyzer.complete &&
      this.#commonStems !== undefined &&
      this.#whatsappThingTerms !== undefined
    );
  }

  /** The language's common words, stemmed: a few thousand stems, so built on first need. */
  #stemCommonWords(): ReadonlySet<string> {
    const { stem } = this.#analyzer.analysis;
    return (this.#commonStems = new Set([...commonWordsOf(this.language)].map(stem)));
  }

  /** The entry with this id, if any. */
  get(id: string): FaqEntry | undefined {
    return this.#byId.get(id)?.entry;
  }

  /** Answers one question (memoised by its normalised text once it is asked again). */
  ask(question: string): Answer {
    const cache = this.#cache;
    const words = this.#analyzer.analysis.words(question);
    const normalized = words.join(" ");
    let answer = cache?.get(normalized);
    if (answer !== undefined) return answer;
    const { named: otherServices, prepared } = this.#read(words, normalized);
    let ranking = this.#rankings?.get(prepared.key);
    if (ranking === undefined) {
      ranking = this.#answer(prepared);
      this.#rankings?.set(prepared.key, ranking);
    }
    // After the cache: rankings are shared by keys, and unknown names all read alike.
    if (otherServices !== undefined) ranking = this.#aboutAnotherService(otherServices, ranking);
    answer = { ...ranking, normalized };
    cache?.offer(normalized, answer);
    return answer;
  }

  /**
   * Entries matching the question, best first, down to the related threshold (inline mode). A
   * question about another service lists only entries that name it.
   */
  search(question: string, limit = 10): Match[] {
    const words = this.#analyzer.analysis.words(question);
    const { named, prepared: query } = this.#read(words, words.join(" "));
    return this.#rank(query, Math.max(limit, this.#options.candidates))
      .matches.filter(
        (match) =>
          match.confidence >= this.#options.relatedThreshold &&
          (named === undefined || this.#otherServices!.entryNames(match.entry, named)),
      )
      .slice(0, limit);
  }

  /**
   * A question's normalised words read: the other services they name (see {@link OtherServices})
   * and the prepared query. The names are read first: the analysis turns `words` into terms in
   * place.
   */
  #read(
    words: string[],
    normalized: string,
  ): { named: string[] | undefined; prepared: PreparedQuery } {
    const services = this.#otherServices?.servicesIn(words);
    let named = services?.others;
    const accounts = services?.accounts;
    const query = this.#analyzer.analyzeWords(words, normalized);
    // "my facebook account was disabled" is Facebook's question; "... can they read my chats" ours.
    if (accounts !== undefined && !this.#namesWhatsAppThing(words))
      named = named === undefined ? accounts : [...named, ...accounts];
    return { named, prepared: this.#prepare(query) };
  }

  /**
   * Whether a question's words (as corrected) name one of WhatsApp's things, read word by word.
   * True without a list for the language: no account is then read as another service's.
   */
  #namesWhatsAppThing(words: readonly string[]): boolean {
    const things = this.#whatsappThingTerms ?? this.#readWhatsAppThings();
    if (things.size === 0) return true;
    for (const word of words) {
      const term = this.#analyzer.wordTerm(word);
      if (term !== null && things.has(term)) return true;
    }
    return false;
  }

  #readWhatsAppThings(): ReadonlySet<string> {
    const listed = this.knowledgeBase.services.whatsappThings[this.language] ?? [];
    const terms = new Set<string>();
    // faq:check holds each thing to one word.
    const { analysis } = this.#analyzer;
    for (const word of listed.flatMap((thing) => analysis.words(thing))) {
      const term = this.#analyzer.wordTerm(word);
      if (term !== null) terms.add(term);
    }
    return (this.#whatsappThingTerms = terms);
  }

  /**
   * The ranking of a question that names other services (`named`) and not WhatsApp, or a
   * decline as the other-services topic when the answer it would get does not name them.
   */
  #aboutAnotherService(named: readonly string[], ranking: Ranking): Ranking {
    const services = this.#otherServices!;
    if (ranking.declined !== null) return ranking;
    if (ranking.answer !== null && services.entryNames(ranking.answer.entry, named)) return ranking;
    return {
      answer: null,
      related: [],
      ambiguous: false,
      declined: services.topic,
      key: ranking.key,
    };
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
      matches: this.#rank(this.#prepare(query), this.#options.candidates).matches,
    };
  }

  /** Every candidate of a question with its evidence (for tuning the calibration). */
  candidates(question: string): Candidate[] {
    const prepared = this.#prepare(this.#analyzer.analyzeQuery(question));
    if (prepared.ids.length === 0) return [];
    const results = this.#scores.search(prepared.ids, this.#options.candidates);
    if (results.length === 0) return [];
    const top = results[0]!.score;
    const entries = this.#items.length;
    this.#mark(prepared, 1);
    const candidates = results.map(({ doc, score }) => {
      const document = doc < entries ? this.#items[doc]! : this.#topics[doc - entries]!;
      return {
        id:
          doc < entries
            ? this.#items[doc]!.entry.id
            : `out-of-scope:${this.#topics[doc - entries]!.topic.id}`,
        evidence: this.#evidence(prepared, document),
        relativeScore: score / top,
      };
    });
    this.#mark(prepared, 0);
    return candidates;
  }

  #prepare(query: AnalyzedQuery): PreparedQuery {
    const { terms, termIds, corrected } = query;
    const count = terms.length;
    const ids = new Int32Array(count);
    const weights = new Float64Array(count);
    const fromCorrection = new Uint8Array(count);
    let total = 0;
    let rareUnknown = 0;
    for (let i = 0; i < count; i++) {
      const term = terms[i]!;
      let id = termIds[i]!;
      let weight: number;
      if (id >= 0) weight = this.#termWeights[id]!;
      else if ((this.#commonStems ?? this.#stemCommonWords()).has(term)) {
        id = COMMON_UNKNOWN;
        weight = this.#unknownIdf * this.#calibration.commonUnknownWeight;
      } else {
        id = RARE_UNKNOWN;
        weight = this.#unknownIdf;
        rareUnknown += weight;
      }
      const wasCorrected = corrected.size > 0 && corrected.has(term) ? 1 : 0;
      total += weight;
      // Insertion sort by (id, corrected): questions are a handful of terms.
      let at = i;
      while (
        at > 0 &&
        (ids[at - 1]! > id || (ids[at - 1] === id && fromCorrection[at - 1]! > wasCorrected))
      ) {
        ids[at] = ids[at - 1]!;
        weights[at] = weights[at - 1]!;
        fromCorrection[at] = fromCorrection[at - 1]!;
        at--;
      }
      ids[at] = id;
      weights[at] = wasCorrected === 1 ? weight * CORRECTED_WEIGHT : weight;
      fromCorrection[at] = wasCorrected;
    }
    let key = "";
    for (let i = 0; i < count; i++) {
      if (i > 0) key += " ";
      key += fromCorrection[i] === 1 ? `${ids[i]}~` : `${ids[i]}`;
    }
    return { ids, weights, total, rareUnknown, key };
  }

  #answer(prepared: PreparedQuery): Ranking {
    const { threshold, relatedThreshold, suggestThreshold, maxRelated, ambiguityMargin } =
      this.#options;
    const { key } = prepared;
    const { matches: ranked, topic } = this.#rank(prepared, this.#options.candidates);
    const best = ranked[0];
    if (
      topic !== undefined &&
      topic.confidence >= threshold &&
      (best === undefined || topic.rank >= best.rank)
    ) {
      // A privacy topic the knowledge base knowingly lacks still offers the closest entries.
      const suggestions =
        topic.topic.reason === "not-covered"
          ? ranked
              .filter((m) => m.confidence >= suggestThreshold)
              .slice(0, maxRelated)
              .map(withoutRank)
          : [];
      return { answer: null, related: suggestions, ambiguous: false, declined: topic.topic, key };
    }
    if (best === undefined || best.confidence < threshold) {
      const suggestions = ranked
        .filter((m) => m.confidence >= suggestThreshold)
        .slice(0, maxRelated)
        .map(withoutRank);
      return { answer: null, related: suggestions, ambiguous: false, declined: null, key };
    }
    // Chosen by rank; shown best-first by confidence, the number people see next to them.
    const related: Match[] = ranked
      .slice(1)
      .filter((m) => m.confidence >= relatedThreshold)
      .slice(0, maxRelated)
      .sort((a, b) => b.confidence - a.confidence)
      .map(withoutRank);
    const ambiguous =
      related[0] !== undefined && best.confidence - related[0].confidence <= ambiguityMargin;
    for (const id of best.entry.related) {
      if (related.length >= maxRelated) break;
      if (related.some((m) => m.entry.id === id)) continue;
      const item = this.#byId.get(id);
      if (item)
        related.push({ entry: item.entry, confidence: this.#scored(prepared, item), score: 0 });
    }
    return { answer: withoutRank(best), related, ambiguous, declined: null, key };
  }

  /**
   * Candidates from BM25, re-ranked by a blend of confidence and relative BM25 score: the
   * entries among them, and the best out-of-scope topic if one is a candidate.
   */
  #rank(
    prepared: PreparedQuery,
    limit: number,
  ): {
    matches: RankedMatch[];
    topic?: { topic: OutOfScopeTopic; confidence: number; rank: number };
  } {
    if (prepared.ids.length === 0) return { matches: [] };
    const results = this.#scores.search(prepared.ids, limit);
    if (results.length === 0) return { matches: [] };
    const top = results[0]!.score;
    const entries = this.#items.length;
    this.#mark(prepared, 1);
    const matches: RankedMatch[] = [];
    let topic: { topic: OutOfScopeTopic; confidence: number; rank: number } | undefined;
    for (const { doc, score } of results) {
      const document: IndexedDocument =
        doc < entries ? this.#items[doc]! : this.#topics[doc - entries]!;
      const evidence = this.#evidence(prepared, document);
      const confidence = calibrated(this.#calibration, evidence);
      const rank = rankOf(confidence, score / top, doc >= entries && evidence.exactPhrasing === 1);
      if (doc < entries) matches.push({ entry: this.#items[doc]!.entry, confidence, score, rank });
      else if (topic === undefined || rank > topic.rank)
        topic = { topic: this.#topics[doc - entries]!.topic, confidence, rank };
    }
    this.#mark(prepared, 0);
    matches.sort((a, b) => b.rank - a.rank);
    return { matches, topic };
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
  #confidence(prepared: PreparedQuery, item: IndexedDocument): number {
    return calibrated(this.#calibration, this.#evidence(prepared, item));
  }

  /** What the confidence is computed from (see {@link MatchEvidence}). */
  #evidence(prepared: PreparedQuery, item: IndexedDocument): MatchEvidence {
    const { ids, weights, total, rareUnknown } = prepared;
    if (total === 0) return NO_EVIDENCE;
    let matched = 0;
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i]!;
      if (id < 0) continue;
      const presence = presenceIn(item, id);
      if (presence === ASKED) matched += weights[i]!;
      else if (presence === IN_ANSWER) matched += weights[i]! * ANSWER_ONLY_WEIGHT;
    }
    let phrasingCoverage = 0;
    let exactPhrasing = 0;
    const floor = this.#calibration.phrasingFloor;
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
        const coverage = covered / Math.max(weight, floor);
        if (coverage > phrasingCoverage) phrasingCoverage = coverage;
        // Every word of the phrasing is in the question, and the question has no other word.
        if (covered >= weight * EXACT && covered >= total * EXACT) exactPhrasing = 1;
      }
      start = end;
    }
    return {
      phrasingCoverage,
      queryCoverage: matched / total,
      matched,
      rareUnknownShare: rareUnknown / total,
      exactPhrasing,
    };
  }
}
