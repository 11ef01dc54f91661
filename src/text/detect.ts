/**
 * Which language a question is written in, from its text alone. The channel's hints (the
 * user's choice, Telegram's language_code, Accept-Language) are weighed elsewhere
 * (`answering/language.ts`); this only reads the text.
 *
 * The detector is tinyld, chosen among franc-min, tinyld, eld and cld3-asm on this project's
 * own question sets (`npx tsx bench/detectors.ts`, docs/languages.md): franc-min and cld3-asm
 * misread about half of short questions; eld is a little more accurate, but its small to large
 * databases take 1-2.4 s and 80-380 MB to load, beyond the start-up and memory budgets (its
 * extra-small one measured close to tinyld on a loaded machine: a candidate to measure again).
 * What decides is less the library than what is added to it: with each language's own words
 * and the channel's hints (answering/language.ts) 96% of native questions are read right, short
 * ones too, against 79-89% for any library alone on the short ones.
 * No library reads romanised Hindi ("kya whatsapp mere message padh sakta hai" came
 * out as Irish), so common Hindi function words written in Latin letters are recognised first.
 */
import { createRequire } from "node:module";
import { LRUCache } from "lru-cache";
import type * as Tinyld from "tinyld";
import { isLanguage, type Language, LANGUAGES } from "./languages.js";

/**
 * Function words of Hindi as it is typed in Latin letters. Two of them, or a third of a short
 * question's words, make it Hindi: English, Indonesian or Turkish questions almost never hold
 * two. Words that are also common words of another supported language are left out ("se", "par",
 * "ke", "ki", "wo", "mein", "tum", "to", "me").
 */
const ROMANISED_HINDI = new Set(
  `kya kyaa kyu kyun kaise kaisa kaisi kab kahan kaun kon hai hain hota hoti hote tha thi mera
  mere meri mujhe mujhko tera tere teri aap apna apne apni humara hamara aur bhi toh koi kuch
  nahi nahin nhi sakta sakti sakte skta skte raha rahi rahe karna karu karun karo karte krna
  gaya gayi hua hui jata jati jaye wala wali wale yeh woh batao bataye bata bhai yaar padh
  padhna dekh dekhna chahiye`
    .split(/\s+/)
    .filter(Boolean),
);

const LATIN_WORD = /[a-z]+/g;
const HAS_LETTER = /\p{L}/u;
const DEVANAGARI = /[\u0900-\u097f]/;

/** Fewer letters than this say too little about a language for the text to be relied on. */
const MIN_RELIABLE_LETTERS = 12;

/** How likely each supported language is, from the text alone (each in [0, 1]). */
export type LanguageScores = Partial<Record<Language, number>>;

/** What the text says of its language: every supported language's score, and how much text. */
export interface TextEvidence {
  readonly scores: LanguageScores;
  /** Letters in the text: few letters ("backup?") are weak evidence whatever the scores. */
  readonly letters: number;
  /**
   * The text's own script or function words settle it (Devanagari, or two Hindi function words
   * in Latin letters, which no library reads).
   */
  readonly settled?: Language;
}

/**
 * What the script says of a text's language (cheap: no detector runs); undefined for text
 * without letters. `scores` is empty unless the script settles it: see {@link detectorScores}.
 */
export function scriptEvidence(text: string): TextEvidence | undefined {
  if (!HAS_LETTER.test(text)) return undefined;
  const lower = text.toLowerCase();
  const letters = lower.replace(NON_LETTERS, "").length;
  if (DEVANAGARI.test(lower)) return { scores: { hi: 1 }, letters, settled: "hi" };
  if (isRomanisedHindi(lower)) return { scores: { hi: 1 }, letters, settled: "hi" };
  return { scores: {}, letters };
}

type Tinyld = typeof Tinyld;
let tinyld: Tinyld | undefined;

/**
 * tinyld, loaded on first use: its tables take about 0.3 s and 40 MB to load, and most questions
 * never need it (their words settle the language, `answering/language.ts`). The service loads it
 * in its warm-up right after start-up ({@link loadDetector}); a question that needs it before
 * then loads it itself, synchronously (tinyld's CommonJS build), rather than wait a turn.
 */
function detector(): Tinyld {
  return (tinyld ??= createRequire(import.meta.url)("tinyld") as Tinyld);
}

/** Loads the language detector now, if it is not loaded yet. */
export function loadDetector(): void {
  detector();
}

/** Whether the language detector is loaded. */
export function isDetectorLoaded(): boolean {
  return tinyld !== undefined;
}

/**
 * tinyld's score for each supported language. tinyld reads a text word by word and adds its
 * words' scores up, weighted by their length: so is it asked here, one word at a time, and each
 * word's scores are remembered (words repeat from question to question; a whole question costs
 * tinyld 100-250 µs, a remembered word nothing).
 */
export function detectorScores(text: string): LanguageScores {
  const words = text.toLowerCase().match(DETECTOR_WORD);
  if (words === null) return {};
  const sums = new Float64Array(LANGUAGES.length);
  let letters = 0;
  for (const word of words) {
    const scores = wordScores(word);
    for (let i = 0; i < scores.length; i++) sums[i]! += scores[i]! * word.length;
    letters += word.length;
  }
  const scores: LanguageScores = {};
  for (let i = 0; i < LANGUAGES.length; i++)
    if (sums[i]! > 0) scores[LANGUAGES[i]!] = sums[i]! / letters;
  return scores;
}

const DETECTOR_WORD = /[\p{L}\p{M}]+/gu;
/** Words whose scores are remembered at most (typos pile up); the least recently used go first. */
const scoresOfWord = new LRUCache<string, Float64Array>({ max: 50_000 });

/** tinyld's score of one word for each supported language, in {@link LANGUAGES}' order. */
function wordScores(word: string): Float64Array {
  let scores = scoresOfWord.get(word);
  if (scores !== undefined) return scores;
  scores = new Float64Array(LANGUAGES.length);
  for (const { lang, accuracy } of detector().detectAll(word, { only: DETECTABLE })) {
    const at = LANGUAGES.indexOf((lang === "ms" ? "id" : lang) as Language);
    if (at >= 0) scores[at] = Math.max(scores[at]!, accuracy);
  }
  scoresOfWord.set(word, scores);
  return scores;
}

/** What tinyld and the script say of a text's language; undefined for text without letters. */
export function textEvidence(text: string): TextEvidence | undefined {
  const evidence = scriptEvidence(text);
  if (evidence === undefined || evidence.settled !== undefined) return evidence;
  return { scores: detectorScores(text), letters: evidence.letters };
}

/**
 * Whether the text is plainly in a language the service does not answer in ("ciao, whatsapp
 * legge i miei messaggi?"): tinyld over every language it knows puts another language first,
 * with high accuracy, in enough text. Asked only when no supported language fits the question.
 */
export function isOtherLanguage(text: string): boolean {
  const letters = text.toLowerCase().replace(NON_LETTERS, "").length;
  if (letters < MIN_RELIABLE_LETTERS) return false;
  const [best] = detector().detectAll(text);
  return best !== undefined && !isLanguage(best.lang) && best.lang !== "ms" && best.accuracy >= 0.9;
}

/** The languages tinyld chooses among: ours, with Malay read as Indonesian (tinyld mixes them up). */
const DETECTABLE = [...LANGUAGES, "ms"];
const NON_LETTERS = /[^\p{L}]/gu;

function isRomanisedHindi(lower: string): boolean {
  const words = lower.match(LATIN_WORD);
  if (words === null) return false;
  let hindi = 0;
  for (const word of words) if (ROMANISED_HINDI.has(word)) hindi++;
  return hindi >= 2 || (hindi === 1 && words.length === 1);
}
