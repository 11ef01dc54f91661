/**
 * Question streams for the benchmark, all deterministic for a seed: the labelled question set,
 * plus misspelt (letter swaps, drops, doubles) and reworded (shuffled word order, filler words)
 * variants, de-duplicated by the engine's own normalisation so none of them repeats in the cache.
 */
import { readFileSync } from "node:fs";
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

/** Keeps questions under the service's 500-character limit. */
const MAX_LENGTH = 480;

/** One or two letter-level typos in words of five letters or more. */
export function misspell(random: () => number, question: string): string {
  const words = question.split(" ");
  const candidates = words.map((w, i) => [w, i] as const).filter(([w]) => /^[a-z]{5,}$/i.test(w));
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

/** Word order partly shuffled and one to three filler words added. */
export function reword(random: () => number, question: string): string {
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
  const fillers = int(random, 1, 3);
  for (let f = 0; f < fillers; f++)
    words.splice(int(random, 0, words.length), 0, pick(random, FILLERS));
  return words.join(" ");
}

export interface QuestionStreamOptions {
  readonly seed: number;
  readonly count: number;
  /** Normalised questions that must not appear (for example the warm-up set). */
  readonly exclude?: ReadonlySet<string>;
  /** Start with the base questions themselves before any variant. */
  readonly includeBase?: boolean;
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
    add(
      kind === 0
        ? misspell(random, q)
        : kind === 1
          ? reword(random, q)
          : misspell(random, reword(random, q)),
    );
  }
  return out;
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
