/**
 * Question streams for the benchmark, all deterministic for a seed: the labelled question set,
 * plus misspelt (letter swaps, drops, doubles) and reworded (shuffled word order, filler words)
 * variants, de-duplicated by the engine's own normalisation so none of them repeats in the cache.
 *
 * The service answers in eight languages, so the streams it is measured on are a mix
 * ({@link mixedUniqueQuestions}, {@link mixedPopularQuestions}): half English (the labelled set,
 * `tests/fixtures/questions.json`), half the seven other languages in equal parts (each one's own
 * set, `tests/fixtures/i18n/<lang>.json`; the held-out sets are left alone), every language's
 * variants made the same way, with its own filler words.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { normalizeText } from "../src/text/normalize.js";
import { int, pick, rng, ROOT, shuffle } from "./lib.js";

export interface LabelledQuestion {
  readonly q: string;
  readonly expected: string | null;
}

export function loadQuestionSet(): LabelledQuestion[] {
  const file = path.join(ROOT, "tests", "fixtures", "questions.json");
  return JSON.parse(readFileSync(file, "utf8")) as LabelledQuestion[];
}

/**
 * Every language's own labelled question set, English first: `questions.json`, then each
 * `i18n/<lang>.json` (not the `*.holdout.json` sets) in name order.
 */
export function loadLanguageSets(): Map<string, LabelledQuestion[]> {
  const dir = path.join(ROOT, "tests", "fixtures", "i18n");
  const sets = new Map<string, LabelledQuestion[]>([["en", loadQuestionSet()]]);
  for (const name of readdirSync(dir).sort()) {
    const match = /^([a-z]{2})\.json$/.exec(name);
    if (match === null || match[1] === "en") continue;
    sets.set(
      match[1]!,
      JSON.parse(readFileSync(path.join(dir, name), "utf8")) as LabelledQuestion[],
    );
  }
  return sets;
}

const FILLERS = [
  "please",
  "hey",
  "hi",
  "so",
  "um",
  "actually",
  "really",
  "btw",
  "just",
  "quick question",
  "i was wondering",
  "tell me",
  "honestly",
  "ok",
  "pls",
  "can you explain",
  "i need to know",
  "asking for a friend",
  "basically",
  "right",
  "anyway",
  "thanks",
  "hello there",
  "seriously",
];

/**
 * A few filler words per language, as people add them. Hindi has none: its questions are in
 * Devanagari or in Latin letters, and the Latin fillers people use ("bhai", "yaar") are the very
 * function words the detector settles Hindi on, which would make its reading of them trivial.
 */
const FILLERS_BY_LANGUAGE: Readonly<Record<string, readonly string[]>> = {
  en: FILLERS,
  es: ["hola", "oye", "por favor", "una pregunta", "bueno", "gracias", "entonces", "porfa"],
  pt: ["oi", "olá", "por favor", "uma dúvida", "então", "obrigado", "gente", "pfv"],
  de: ["hallo", "bitte", "kurze frage", "also", "danke", "mal", "eigentlich", "ehrlich gesagt"],
  fr: ["salut", "bonjour", "svp", "petite question", "merci", "alors", "en fait", "du coup"],
  tr: ["merhaba", "lütfen", "bir sorum var", "acaba", "yani", "teşekkürler", "peki", "ya"],
  id: ["halo", "tolong", "mau tanya", "dong", "sih", "kak", "makasih", "gimana ya"],
  hi: [],
};
/** Keeps questions under the service's 500-character limit. */
const MAX_LENGTH = 480;

/** A word of five letters or more, in any script (Devanagari's vowel signs count as letters). */
const LONG_WORD = /^[\p{L}\p{M}]{5,}$/u;

/** One or two letter-level typos in words of five letters or more. */
export function misspell(random: () => number, question: string): string {
  const words = question.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => LONG_WORD.test(w));
  if (candidates.length === 0) return question;
  const typos = int(random, 1, Math.min(2, candidates.length));
  for (let t = 0; t < typos; t++) {
    const [, index] = pick(random, candidates);
    const word = words[index]!;
    const at = int(random, 1, word.length - 2); // keep the first letter, as people mostly do
    const kind = int(random, 0, 2);
    words[index] =
      kind === 0
        ? word.slice(0, at) + word[at + 1] + word[at] + word.slice(at + 2) // swap
        : kind === 1
          ? word.slice(0, at) + word.slice(at + 1) // drop
          : word.slice(0, at) + word[at] + word.slice(at); // double
  }
  return words.join(" ");
}

/** Word order partly shuffled and one to three filler words added (none without `fillers`). */
export function reword(
  random: () => number,
  question: string,
  fillers: readonly string[] = FILLERS,
): string {
  const words = question.split(" ").filter((w) => w !== "");
  if (words.length > 2) {
    // Shuffle a window of the question, or rotate it ("whatsapp read msgs" -> "read msgs whatsapp").
    if (random() < 0.5) {
      const start = int(random, 0, Math.max(0, words.length - 3));
      const end = Math.min(words.length, start + int(random, 3, 5));
      const window = shuffle(random, words.slice(start, end));
      words.splice(start, window.length, ...window);
    } else {
      const by = int(random, 1, words.length - 1);
      words.push(...words.splice(0, by));
    }
  }
  if (fillers.length === 0) return words.join(" ");
  const added = int(random, 1, 3);
  for (let f = 0; f < added; f++)
    words.splice(int(random, 0, words.length), 0, pick(random, fillers));
  return words.join(" ");
}

export interface QuestionStreamOptions {
  readonly seed: number;
  readonly count: number;
  /** Normalised questions that must not appear (for example the warm-up set). */
  readonly exclude?: ReadonlySet<string>;
  /** Start with the base questions themselves before any variant. */
  readonly includeBase?: boolean;
  /** Filler words {@link reword} adds (default: the English ones). */
  readonly fillers?: readonly string[];
}

/** `count` distinct questions: base questions, then misspelt, reworded and both-variant ones. */
export function uniqueQuestions(base: readonly string[], options: QuestionStreamOptions): string[] {
  const random = rng(options.seed);
  const seen = new Set<string>(options.exclude);
  const out: string[] = [];
  const add = (q: string) => {
    if (q.length > MAX_LENGTH || out.length >= options.count) return;
    const key = normalizeText(q);
    if (key === "" || seen.has(key)) return;
    seen.add(key);
    out.push(q);
  };
  if (options.includeBase) for (const q of base) add(q);
  let attempts = 0;
  while (out.length < options.count && attempts < options.count * 20) {
    attempts++;
    const q = pick(random, base);
    const kind = attempts % 3;
    const fillers = options.fillers ?? FILLERS;
    add(
      kind === 0
        ? misspell(random, q)
        : kind === 1
          ? reword(random, q, fillers)
          : misspell(random, reword(random, q, fillers)),
    );
  }
  return out;
}

/** A question of a mixed-language stream, with the language of the set it came from. */
export interface MixedQuestion {
  readonly q: string;
  readonly language: string;
}

/** Share of English in the mixed streams; the other languages share the rest equally. */
export const ENGLISH_SHARE = 0.5;

/**
 * `count` distinct questions in every language of `sets` ({@link loadLanguageSets}): a share of
 * {@link ENGLISH_SHARE} English, the rest split equally between the other languages, each
 * language's made by {@link uniqueQuestions} from its own set (with its own seed and filler
 * words), then shuffled together (seeded). `exclude` and `includeBase` apply to every language.
 */
export function mixedUniqueQuestions(
  sets: ReadonlyMap<string, readonly LabelledQuestion[]>,
  options: QuestionStreamOptions,
): MixedQuestion[] {
  const languages = [...sets.keys()];
  const others = languages.filter((l) => l !== "en");
  const english = sets.has("en") ? Math.round(options.count * ENGLISH_SHARE) : 0;
  const out: MixedQuestion[] = [];
  languages.forEach((language, i) => {
    const count =
      language === "en"
        ? english
        : Math.floor((options.count - english) / others.length) +
          (others.indexOf(language) < (options.count - english) % others.length ? 1 : 0);
    const base = sets.get(language)!.map((x) => x.q);
    const qs = uniqueQuestions(base, {
      ...options,
      seed: options.seed * 1_000 + i,
      count,
      fillers: FILLERS_BY_LANGUAGE[language] ?? [],
    });
    for (const q of qs) out.push({ q, language });
  });
  return shuffle(rng(options.seed), out);
}

/**
 * Popular questions of every language, asked over and over: {@link popularQuestions} of each
 * language's set, `english` of them in English and `perLanguage` in each other language.
 */
export function mixedPopularQuestions(
  sets: ReadonlyMap<string, readonly LabelledQuestion[]>,
  english = 14,
  perLanguage = 2,
): MixedQuestion[] {
  const out: MixedQuestion[] = [];
  for (const [language, set] of sets)
    for (const q of popularQuestions(set, language === "en" ? english : perLanguage))
      out.push({ q, language });
  // Interleaved, so no run of one language's questions goes by on its own.
  return shuffle(rng(11), out);
}

/** A few popular questions (the first question of the most-asked entries), asked over and over. */
export function popularQuestions(set: readonly LabelledQuestion[], count = 10): string[] {
  const byEntry = new Map<string, string[]>();
  for (const { q, expected } of set) {
    if (expected === null) continue;
    byEntry.set(expected, [...(byEntry.get(expected) ?? []), q]);
  }
  return [...byEntry.values()]
    .sort((a, b) => b.length - a.length)
    .slice(0, count)
    .map((qs) => qs[0]!);
}
