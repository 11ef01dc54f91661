/**
 * How each language's text is cut into words and reduced to index terms: its tokenizer rules,
 * stop words and stemmer. Indexing and querying a language go through the same analysis, so
 * "mensajes" and "mensaje", or "पढ़" and "पढ", meet.
 *
 * Stemmers: English keeps the Porter stemmer the engine was tuned with (`stemmer`); the others
 * are the Snowball project's algorithms as packaged by @orama/stemmers (its "indian" stemmer is
 * a light Hindi stemmer for Devanagari). Stop words: see stop-words.ts.
 */
import { stemmer as stemDe } from "@orama/stemmers/german";
import { stemmer as stemEs } from "@orama/stemmers/spanish";
import { stemmer as stemFr } from "@orama/stemmers/french";
import { stemmer as stemHi } from "@orama/stemmers/indian";
import { stemmer as stemId } from "@orama/stemmers/indonesian";
import { stemmer as stemPt } from "@orama/stemmers/portuguese";
import { stemmer as stemTr } from "@orama/stemmers/turkish";
import { stopwords as stopDe } from "@orama/stopwords/german";
import { stopwords as stopEs } from "@orama/stopwords/spanish";
import { stopwords as stopFr } from "@orama/stopwords/french";
import { stopwords as stopHi } from "@orama/stopwords/indian";
import { stopwords as stopId } from "@orama/stopwords/indonesian";
import { stopwords as stopPt } from "@orama/stopwords/portuguese";
import { stopwords as stopTr } from "@orama/stopwords/turkish";
import { stemmer as stemEn } from "stemmer";
import type { Language } from "./languages.js";
import { foldDiacritics, normalizedWords, stripMentionsAndCommand } from "./normalize.js";
import { ENGLISH_STOP_WORDS, STOP_WORD_CHANGES } from "./stop-words.js";

/** One language's analysis: everything the engine needs to know about the language. */
export interface LanguageAnalysis {
  readonly language: Language;
  /** The words of a text: case folded, punctuation and symbols gone, by the language's rules. */
  words(text: string): string[];
  /** True for a word (as {@link words} gives it) that carries no meaning for matching. */
  isStopWord(word: string): boolean;
  /** The language's stop words (for telling languages apart by their function words). */
  readonly stopWords: ReadonlySet<string>;
  /** The index term of a word (as {@link words} gives it): its stem, without diacritics. */
  stem(word: string): string;
  /**
   * The word without diacritics: queries typed without accents ("informacion", "sifreleme")
   * are matched to the knowledge base's spelling of the same word. The word itself for
   * languages whose words have none (English is folded by {@link words} already).
   */
  fold(word: string): string;
}

const HAS_DIGIT = /\d/;

const english: LanguageAnalysis = {
  language: "en",
  words: normalizedWords,
  isStopWord: (word) => ENGLISH_STOP_WORDS.has(word),
  stopWords: ENGLISH_STOP_WORDS,
  stem: (word) => (HAS_DIGIT.test(word) ? word : stemEn(word)),
  fold: (word) => word,
};

/** Anything that is not a letter or digit separates words (marks are folded away before). */
const NON_WORD = /[^\p{L}\p{N}]+/gu;
/** Letters, combining marks and digits: the pieces of a Devanagari word. */
const NON_WORD_KEEPING_MARKS = /[^\p{L}\p{M}\p{N}]+/gu;
const APOSTROPHES = /['\u2018\u2019\u02bc`´]/g;
/** French elisions ("l'application", "qu'il", "n'est") lose the elided word. */
const FRENCH_ELISION =
  /(?<![\p{L}])(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['\u2019\u02bc](?=\p{L})/gu;
/**
 * German typed without umlauts writes "ae", "oe", "ue" ("fuer", "verschluesselt"): read as
 * "ä", "ö", "ü", on both sides of the index alike, as Snowball's german2 variant does. As there,
 * "ue" after "q" or after a vowel is left alone ("Quelle", "neuen", "bauen", "teuer").
 */
const umlauts = (word: string): string =>
  word.includes("e")
    ? word
        .replace(/ae/g, "ä")
        .replace(/oe/g, "ö")
        .replace(/(?<![qaeiouyäöü])ue/g, "ü")
    : word;

/** Turkish writes suffixes of names after an apostrophe ("WhatsApp'ın"): the name is the word. */
const TURKISH_NAME_SUFFIX = /['\u2019\u02bc](\p{L}+)/gu;
/** Devanagari nukta and chandrabindu are typed inconsistently: folded to none and anusvara. */
const NUKTA = /\u093c/g;
const CHANDRABINDU = /\u0901/g;
const DEVANAGARI = /[\u0900-\u097f]/;

interface LatinRules {
  readonly language: Exclude<Language, "en" | "hi">;
  readonly stem: (word: string) => string;
  readonly stopWords: readonly string[];
  /** Before apostrophes are joined: language-specific apostrophe rules. */
  readonly apostrophes?: (text: string) => string;
  readonly lowerCase?: (text: string) => string;
  /** A word as the stemmer and the stop-word list expect it, where people type it otherwise. */
  readonly respell?: (word: string) => string;
}

/** Spanish, Portuguese, German, French, Turkish, Indonesian: Latin script with diacritics. */
function latinAnalysis(rules: LatinRules): LanguageAnalysis {
  const lowerCase = rules.lowerCase ?? ((text: string) => text.toLowerCase());
  const words = (text: string): string[] => {
    let normalized = stripMentionsAndCommand(lowerCase(text.normalize("NFKC")));
    if (rules.apostrophes !== undefined) normalized = rules.apostrophes(normalized);
    normalized = normalized.replace(APOSTROPHES, "").replace(NON_WORD, " ").trim();
    return normalized === "" ? [] : normalized.split(" ");
  };
  const stopWords = stopWordSet(rules.language, rules.stopWords, words);
  const listed = (word: string) => stopWords.has(word) || stopWords.has(foldDiacritics(word));
  const { respell } = rules;
  const stem = respell === undefined ? rules.stem : (word: string) => rules.stem(respell(word));
  return {
    language: rules.language,
    words,
    isStopWord:
      respell === undefined ? listed : (word) => listed(word) || stopWords.has(respell(word)),
    stopWords,
    stem: (word) => (HAS_DIGIT.test(word) ? word : foldDiacritics(stem(word))),
    fold: foldDiacritics,
  };
}

/** Hindi in Devanagari, and romanised as people type it in chats ("kya meri chat safe hai"). */
function hindiAnalysis(): LanguageAnalysis {
  const words = (text: string): string[] => {
    const normalized = stripMentionsAndCommand(text.normalize("NFKC").toLowerCase())
      .normalize("NFC")
      .replace(NUKTA, "")
      .replace(CHANDRABINDU, "\u0902")
      .replace(APOSTROPHES, "")
      .replace(NON_WORD_KEEPING_MARKS, " ")
      .trim();
    if (normalized === "") return [];
    return normalized
      .split(" ")
      .map((word) => (DEVANAGARI.test(word) ? word : foldDiacritics(word)))
      .filter((word) => word !== "");
  };
  const stopWords = stopWordSet("hi", stopHi, words);
  return {
    language: "hi",
    words,
    isStopWord: (word) => stopWords.has(word),
    stopWords,
    // Romanised Hindi has no standard spelling to stem; Devanagari words get the Hindi stemmer.
    stem: (word) => (DEVANAGARI.test(word) ? stemHi(word) : word),
    fold: (word) => word,
  };
}

function stopWordSet(
  language: Exclude<Language, "en">,
  listed: readonly string[],
  words: (text: string) => string[],
): ReadonlySet<string> {
  const changes = STOP_WORD_CHANGES[language];
  const keep = new Set(words(changes.keep));
  const set = new Set<string>();
  for (const word of [...listed, ...changes.add.split(/\s+/)])
    for (const token of words(word)) if (!keep.has(token)) set.add(token);
  return set;
}

const ANALYSES: Readonly<Record<Language, () => LanguageAnalysis>> = {
  en: () => english,
  es: () => latinAnalysis({ language: "es", stem: stemEs, stopWords: stopEs }),
  pt: () => latinAnalysis({ language: "pt", stem: stemPt, stopWords: stopPt }),
  de: () => latinAnalysis({ language: "de", stem: stemDe, stopWords: stopDe, respell: umlauts }),
  fr: () =>
    latinAnalysis({
      language: "fr",
      stem: stemFr,
      stopWords: stopFr,
      apostrophes: (text) => text.replace(FRENCH_ELISION, " "),
    }),
  hi: hindiAnalysis,
  tr: () =>
    latinAnalysis({
      language: "tr",
      stem: stemTr,
      stopWords: stopTr,
      lowerCase: (text) => text.toLocaleLowerCase("tr"),
      apostrophes: (text) => text.replace(TURKISH_NAME_SUFFIX, " "),
    }),
  id: () => latinAnalysis({ language: "id", stem: stemId, stopWords: stopId }),
};

const built = new Map<Language, LanguageAnalysis>();

/** The analysis of a language (built once per process: its stop-word set is a few hundred words). */
export function analysisFor(language: Language): LanguageAnalysis {
  let analysis = built.get(language);
  if (analysis === undefined) {
    analysis = ANALYSES[language]();
    built.set(language, analysis);
  }
  return analysis;
}
