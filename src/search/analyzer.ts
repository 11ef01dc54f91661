import type { ThesaurusGroup } from "../faq/types.js";
import { analysisFor, type LanguageAnalysis } from "../text/analysis.js";
import { addPhrase, matchPhrase } from "../text/phrases.js";
import type { SpellingCorrector } from "./spelling.js";

const MIN_STEM_FOR_SYNONYM = 4;
const NOTHING_CORRECTED: ReadonlySet<string> = new Set();
/** Words met only in questions (typos, off-topic words) that are remembered at most. */
const QUERY_WORDS_REMEMBERED = 100_000;

interface Phrase {
  readonly tokens: readonly string[];
  /** The index term the whole phrase reads as. */
  readonly term: string;
  /** {@link WordReading.termId} of `term`. */
  termId: number;
}

/** {@link WordReading.termId} before it is looked up. */
const UNRESOLVED = -2;

/** What the analyzer makes of one normalised word, worked out once per word. */
interface WordReading {
  /** Its index term; null for a stop word. */
  readonly term: string | null;
  /** Thesaurus phrases that start with it, longest first. */
  readonly phrases: readonly Phrase[] | undefined;
  /** How often it occurs in indexed text (its weight as a spelling correction). */
  indexed: number;
  /**
   * Its spelling correction in a question, worked out when first needed: null when it stands as
   * typed (a vocabulary word, or nothing is close), else the vocabulary word it misspells and
   * that word's reading.
   */
  fix: { readonly word: string; readonly reading: WordReading } | null | undefined;
  /** The index's number for `term` (-1: not indexed), looked up when first needed. */
  termId: number;
}

/** Terms of a query, ready for the index, and which of them came from a spelling correction. */
export interface AnalyzedQuery {
  /** Normalised question text (the cache key and what is stored for unanswered questions). */
  readonly normalized: string;
  /** Distinct index terms, in order of appearance. */
  readonly terms: readonly string[];
  /** The index's number of each term (-1: not indexed), once {@link TextAnalyzer.useTermIds}. */
  readonly termIds: readonly number[];
  /** Terms that exist only because a misspelt word was corrected. */
  readonly corrected: ReadonlySet<string>;
}

/**
 * Turns text into index terms: normalise, correct spelling (queries only), fold thesaurus
 * synonyms and phrases into one canonical word, drop stop words, stem. Indexing and querying go
 * through the same steps so "encrypted", "encryption" and "e2ee" all meet. The language's own
 * rules (its tokenizer, stop words and stemmer) come from its {@link LanguageAnalysis}.
 */
export class TextAnalyzer {
  readonly analysis: LanguageAnalysis;
  readonly #words = new Map<string, string>();
  /** Synonyms by stem too, so inflections ("stored", "storing") need no entry of their own. */
  readonly #stemmedWords = new Map<string, string>();
  readonly #phrases = new Map<string, Phrase[]>();
  /** Readings of the knowledge base's words and of every word typos are corrected to (bounded). */
  readonly #readings = new Map<string, WordReading>();
  /**
   * Readings of words met only in questions, apart: most words of a question are the knowledge
   * base's, and they are looked up in the small table above, which stays in the CPU's caches.
   */
  readonly #queryReadings = new Map<string, WordReading>();
  #spelling: SpellingCorrector | undefined;
  #buildSpelling: (() => SpellingCorrector) | undefined;
  #termIds: ReadonlyMap<string, number> | undefined;
  /**
   * The knowledge base's words by their form without diacritics, where that differs: a question
   * typed without accents ("informacion") reads as the knowledge base's word ("información").
   */
  #byFolded: ReadonlyMap<string, string> | undefined;

  constructor(
    thesaurus: readonly ThesaurusGroup[],
    analysis: LanguageAnalysis = analysisFor("en"),
  ) {
    this.analysis = analysis;
    for (const group of thesaurus) {
      for (const synonym of [group.canonical, ...group.synonyms]) {
        const tokens = analysis.words(synonym);
        if (tokens.length === 1) {
          this.#words.set(tokens[0]!, group.canonical);
          // Very short stems are ambiguous ("adding" stems to "ad"), so they match literally only.
          const stem = this.#stem(tokens[0]!);
          if (stem.length >= MIN_STEM_FOR_SYNONYM) this.#stemmedWords.set(stem, group.canonical);
        } else if (tokens.length > 1) {
          addPhrase(this.#phrases, {
            tokens,
            term: this.#stem(group.canonical),
            termId: UNRESOLVED,
          });
        }
      }
    }
  }

  /**
   * Gives queries the index's term numbers (see {@link AnalyzedQuery.termIds}): a word's number
   * is then looked up once, with the word, not once per question.
   */
  useTermIds(termIds: ReadonlyMap<string, number>): void {
    this.#termIds = termIds;
  }

  /**
   * Enables spelling correction of query words against the indexed vocabulary. The corrector is
   * built by `build` on the first question that needs it, or by {@link prepareSpelling}: it is a
   * quarter of an engine's build, which a service can then do after it is ready.
   */
  useSpelling(build: () => SpellingCorrector): void {
    this.#buildSpelling = build;
  }

  /** Builds the spelling corrector now if it is not built yet. */
  prepareSpelling(): void {
    void this.#speller;
  }

  /** True once there is nothing left to build (see {@link useSpelling}). */
  get complete(): boolean {
    return this.#buildSpelling === undefined;
  }

  get #speller(): SpellingCorrector | undefined {
    if (this.#buildSpelling !== undefined) {
      this.#spelling = this.#buildSpelling();
      this.#buildSpelling = undefined;
    }
    return this.#spelling;
  }

  /**
   * Lets questions typed without diacritics read as the knowledge base's words; call once every
   * document is indexed. Nothing to do for a language whose words have none.
   */
  useFolding(): void {
    const byFolded = new Map<string, string>();
    for (const [word, reading] of this.#readings) {
      if (reading.indexed === 0) continue;
      const folded = this.analysis.fold(word);
      if (folded !== word && !this.#readings.has(folded)) byFolded.set(folded, word);
    }
    this.#byFolded = byFolded.size > 0 ? byFolded : undefined;
  }

  /**
   * The words typos are corrected to: every word of the indexed text that is not a stop word,
   * with how often it occurred, and every thesaurus word (counted once more each).
   */
  vocabulary(): Map<string, number> {
    const vocabulary = new Map<string, number>();
    for (const [word, reading] of this.#readings)
      if (reading.indexed > 0) vocabulary.set(word, reading.indexed);
    const add = (token: string) => {
      if (!this.analysis.isStopWord(token)) vocabulary.set(token, (vocabulary.get(token) ?? 0) + 1);
    };
    for (const word of this.#words.keys()) add(word);
    for (const phrases of this.#phrases.values())
      for (const phrase of phrases) phrase.tokens.forEach(add);
    return vocabulary;
  }

  /**
   * Index terms of a document field (repeats kept: they are term frequency); its words are
   * counted into the {@link vocabulary}. One pass: indexed text is never spelling-corrected, so
   * a phrase can be matched as soon as its first word is read.
   */
  indexTerms(text: string): string[] {
    const tokens = this.analysis.words(text);
    const terms: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const reading = this.#read(tokens[i]!, true);
      if (reading.term !== null) reading.indexed++;
      const phrase =
        reading.phrases === undefined ? undefined : matchPhrase(reading.phrases, tokens, i);
      if (phrase !== undefined) {
        for (let k = 1; k < phrase.tokens.length; k++) {
          const next = this.#read(tokens[i + k]!, true);
          if (next.term !== null) next.indexed++;
        }
        i += phrase.tokens.length - 1;
        terms.push(phrase.term);
      } else if (reading.term !== null) terms.push(reading.term);
    }
    return terms;
  }

  /** Distinct index terms of a user's question, with spelling correction. */
  analyzeQuery(question: string): AnalyzedQuery {
    const tokens = this.analysis.words(question);
    return this.analyzeWords(tokens, tokens.join(" "));
  }

  /** {@link analyzeQuery} of a question already normalised into `tokens` (which it may change). */
  analyzeWords(tokens: string[], normalized: string): AnalyzedQuery {
    const termIds: number[] = [];
    const correctedTerms: string[] = [];
    const terms = this.#terms(tokens, termIds, correctedTerms);
    // Questions are short: removing repeats in place beats building a Set. Repeats are found by
    // term number, which reads no string (a term's string is often out of the CPU's caches);
    // only terms the index does not hold (-1) are compared as text.
    let distinct = 0;
    for (let i = 0; i < terms.length; i++) {
      const term = terms[i]!;
      const id = termIds[i]!;
      let seen = false;
      for (let k = 0; k < distinct && !seen; k++)
        seen = termIds[k] === id && (id !== -1 || terms[k] === term);
      if (!seen) {
        termIds[distinct] = id;
        terms[distinct++] = term;
      }
    }
    terms.length = distinct;
    termIds.length = distinct;
    return {
      normalized,
      terms,
      termIds,
      corrected: correctedTerms.length === 0 ? NOTHING_CORRECTED : new Set(correctedTerms),
    };
  }

  /** A question's terms: its words read, misspelt ones corrected, then phrases matched. */
  #terms(tokens: string[], termIds: number[], corrected: string[]): string[] {
    const readings = new Array<WordReading>(tokens.length);
    for (let i = 0; i < tokens.length; i++) readings[i] = this.#read(tokens[i]!, false);
    let correctedAt: boolean[] | undefined;
    const spelling = this.#speller;
    if (spelling !== undefined) {
      for (let i = 0; i < tokens.length; i++) {
        const reading = readings[i]!;
        if (reading.term === null) continue;
        let fix = reading.fix;
        if (fix === undefined) {
          const word = spelling.correct(tokens[i]!); // a known word is its own correction
          fix = reading.fix =
            word === null || word === tokens[i] ? null : { word, reading: this.#read(word, false) };
        }
        if (fix !== null) {
          tokens[i] = fix.word;
          readings[i] = fix.reading;
          (correctedAt ??= [])[i] = true;
        }
      }
    }
    const terms: string[] = [];
    for (let i = 0; i < tokens.length; i++) {
      const reading = readings[i]!;
      let term = reading.term;
      let fromCorrection = correctedAt?.[i] === true;
      let holder: { termId: number } = reading;
      const phrase =
        reading.phrases === undefined ? undefined : matchPhrase(reading.phrases, tokens, i);
      if (phrase !== undefined) {
        term = phrase.term;
        holder = phrase;
        for (let k = 1; k < phrase.tokens.length; k++)
          fromCorrection ||= correctedAt?.[i + k] === true;
        i += phrase.tokens.length - 1;
      } else if (term === null) continue;
      terms.push(term);
      termIds.push(this.#termIdOf(holder, term));
      if (fromCorrection) corrected.push(term);
    }
    return terms;
  }

  /**
   * The term one word reads as on its own (stemmed, one-word synonyms resolved; no spelling
   * correction and no phrase), or null for a stop word. For telling what a question names
   * word by word, where a phrase must not hide its words ("someone read my chats").
   */
  wordTerm(word: string): string | null {
    return this.#read(word, false).term;
  }

  /** The term number a reading or phrase stands for, remembered on it. */
  #termIdOf(holder: { termId: number }, term: string): number {
    if (holder.termId !== UNRESOLVED) return holder.termId;
    if (this.#termIds === undefined) return -1;
    return (holder.termId = this.#termIds.get(term) ?? -1);
  }

  /**
   * How a single word reads (its term, or null for a stop word), remembered: words repeat a lot.
   * Every word of the knowledge base is remembered (they are bounded by it); words seen only in
   * questions are remembered up to {@link QUERY_WORDS_REMEMBERED}, so no one can grow it unbounded.
   */
  #read(token: string, indexing: boolean): WordReading {
    let reading = this.#readings.get(token) ?? this.#queryReadings.get(token);
    if (reading === undefined && !indexing && this.#byFolded !== undefined) {
      const word = this.#byFolded.get(this.analysis.fold(token));
      if (word !== undefined) return this.#readings.get(word)!;
    }
    if (reading === undefined) {
      let term: string | null = null;
      if (!this.analysis.isStopWord(token)) {
        const stem = this.#stem(token);
        const canonical = this.#words.get(token) ?? this.#stemmedWords.get(stem);
        term = canonical === undefined ? stem : this.#stem(canonical);
      }
      reading = {
        term,
        phrases: this.#phrases.get(token),
        indexed: 0,
        fix: undefined,
        termId: UNRESOLVED,
      };
      if (indexing || this.#speller?.knows(token) === true) this.#readings.set(token, reading);
      else if (this.#queryReadings.size < QUERY_WORDS_REMEMBERED)
        this.#queryReadings.set(token, reading);
    }
    return reading;
  }

  #stem(word: string): string {
    return this.analysis.stem(word);
  }
}
