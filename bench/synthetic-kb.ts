/**
 * Deterministic synthetic knowledge bases for the growth benchmark (generated, never committed).
 *
 * Realistic vocabulary: every phrasing is one of the real knowledge base's questions or
 * alternates with one or two content words replaced by the entry's "topic" words; answers are
 * real answer sentences recombined, with some words swapped for words of a seeded pseudo-word
 * list. The pseudo-word list grows with the square root of the size (Heaps' law) and is sampled
 * with a Zipf-like (log-uniform) distribution, so common words are common and the vocabulary
 * keeps growing as real corpora do. Categories and thesaurus are the real ones.
 */
import type { FaqEntry, KnowledgeBase } from "../src/faq/types.js";
import { analysisFor } from "../src/text/analysis.js";
import { ENGLISH_STOP_WORDS as STOP_WORDS } from "../src/text/stop-words.js";
import { int, pick, rng } from "./lib.js";

const ONSETS = [
  "b",
  "c",
  "d",
  "f",
  "g",
  "h",
  "j",
  "k",
  "l",
  "m",
  "n",
  "p",
  "r",
  "s",
  "t",
  "v",
  "w",
  "z",
  "br",
  "cr",
  "dr",
  "fl",
  "gr",
  "pl",
  "st",
  "tr",
  "sh",
  "ch",
  "th",
];
const VOWELS = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou"];
const CODAS = ["", "", "n", "r", "s", "l", "t", "m", "x", "nd", "st", "ck"];

/** A seeded list of distinct pronounceable pseudo-words, none of them a real or stop word. */
export function pseudoWords(count: number, seed: number, avoid: ReadonlySet<string>): string[] {
  const random = rng(seed);
  const words = new Set<string>();
  while (words.size < count) {
    const syllables = int(random, 2, 4);
    let word = "";
    for (let s = 0; s < syllables; s++)
      word +=
        pick(random, ONSETS) +
        pick(random, VOWELS) +
        (s === syllables - 1 ? pick(random, CODAS) : "");
    if (!avoid.has(word) && !STOP_WORDS.has(word)) words.add(word);
  }
  return [...words];
}

/** Index into a list of `n` with density ~ 1/rank (Zipf, s = 1). */
const zipf = (random: () => number, n: number) =>
  Math.min(n - 1, Math.floor(Math.exp(random() * Math.log(n + 1))) - 1);

const isContent = (word: string) => /^[a-z]{4,}$/.test(word) && !STOP_WORDS.has(word);

export interface SyntheticOptions {
  readonly seed?: number;
}

/**
 * A knowledge base of `size` entries built from the real one. Phrasings are unique across the
 * whole base (as the loader requires), each entry has 8-11 alternates (the validator asks for 8), 3 tags and a 300-900
 * character answer.
 */
export function syntheticKnowledgeBase(
  real: KnowledgeBase,
  size: number,
  options: SyntheticOptions = {},
): KnowledgeBase {
  const seed = options.seed ?? 20_211;
  const random = rng(seed + size);
  const realWords = new Set(
    real.entries.flatMap((e) =>
      [e.question, ...e.alternates, e.answer]
        .join(" ")
        .toLowerCase()
        .split(/[^a-z]+/),
    ),
  );
  const pool = pseudoWords(Math.round(2_500 * Math.sqrt(size / 1_000)), seed, realWords);
  const questions = real.entries.map((e) => e.question);
  const alternates = real.entries.flatMap((e) => e.alternates);
  const sentences = real.entries.flatMap((e) =>
    e.answer
      .split(/(?<=[.!?])\s+|\n+/)
      .map((s) => s.replace(/^[-*]\s+/, "").trim())
      .filter((s) => s.length >= 20),
  );
  const tags = [...new Set(real.entries.flatMap((e) => e.tags))];
  const sources = [...new Set(real.entries.flatMap((e) => e.sources))];
  const categories = real.categories.map((c) => c.id);
  const seen = new Set<string>();
  const key = (text: string) =>
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, " ")
      .trim();

  /** A real phrasing with content words replaced by the topic words, unique in the base. */
  const phrasing = (templates: readonly string[], topic: readonly string[]): string => {
    for (let attempt = 0; ; attempt++) {
      const words = pick(random, templates).split(" ");
      const content = words
        .map((w, i) => [w, i] as const)
        .filter(([w]) => isContent(w.toLowerCase()));
      if (content.length === 0) words.push(topic[0]!);
      else {
        words[pick(random, content)[1]] = topic[0]!;
        if (random() < 0.6 && content.length > 1) words[pick(random, content)[1]] = topic[1]!;
      }
      // Collisions get one more (uniformly drawn, so rarer) word until they are unique.
      for (let extra = 0; extra < attempt; extra++)
        words.splice(int(random, 0, words.length), 0, pool[int(random, 0, pool.length - 1)]!);
      const text = words.join(" ");
      const k = key(text);
      if (!seen.has(k)) {
        seen.add(k);
        return text;
      }
    }
  };

  const answer = (topic: readonly string[]): string => {
    const target = int(random, 320, 860);
    let text = "";
    while (text.length < target) {
      const words = pick(random, sentences).split(" ");
      for (let i = 0; i < words.length; i++) {
        if (!isContent(words[i]!)) continue;
        const roll = random();
        if (roll < 0.08) words[i] = pick(random, topic);
        else if (roll < 0.3) words[i] = pool[zipf(random, pool.length)]!;
      }
      text += (text === "" ? "" : " ") + words.join(" ");
    }
    if (text.length > 900) text = text.slice(0, text.lastIndexOf(" ", 896)) + ".";
    return text;
  };

  // The loader refuses two phrasings that read the same once normalised, so draw again on a clash.
  const { words } = analysisFor("en");
  const taken = new Set<string>();
  const unique = (make: () => string): string => {
    for (let attempt = 0; attempt < 1_000; attempt++) {
      const text = make();
      const key = words(text).join(" ");
      if (!taken.has(key)) {
        taken.add(key);
        return text;
      }
    }
    throw new Error("synthetic-kb: no new phrasing after 1,000 draws; the word pool is too small");
  };

  const width = String(size).length;
  const entries: FaqEntry[] = [];
  for (let i = 0; i < size; i++) {
    const topic = [
      pool[zipf(random, pool.length)]!,
      pool[int(random, 0, pool.length - 1)]!,
      pool[zipf(random, pool.length)]!,
    ];
    const question = unique(() => phrasing(questions, topic));
    const alts = Array.from({ length: int(random, 8, 11) }, () =>
      unique(() => phrasing(alternates, topic)),
    );
    const related = [
      ...new Set(Array.from({ length: int(random, 0, 3) }, () => int(random, 0, size - 1))),
    ].filter((r) => r !== i);
    entries.push({
      id: `syn-${String(i).padStart(width, "0")}`,
      question: question.charAt(0).toUpperCase() + question.slice(1),
      short: `Synthetic topic ${i}`,
      alternates: alts,
      category: pick(random, categories),
      tags: [topic[0]!, topic[1]!, pick(random, tags)],
      related: related.map((r) => `syn-${String(r).padStart(width, "0")}`),
      sources: [pick(random, sources)],
      reviewed: "2026-01-15",
      answer: answer(topic),
    });
  }
  return {
    language: "en",
    entries,
    categories: real.categories,
    thesaurus: real.thesaurus,
    outOfScope: [],
    services: { whatsapp: [], others: [], accounts: [], whatsappThings: {} },
    version: `synthetic-${size}-${seed}`,
    translations: new Map(),
    translationGaps: [],
  };
}

/** The same knowledge base as the files `loadKnowledgeBase` reads (for timing parse + validation). */
export function toFiles(
  kb: KnowledgeBase,
  realFiles: ReadonlyMap<string, string>,
): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of ["categories.yaml", "thesaurus.yaml"])
    files.set(name, realFiles.get(name) ?? "");
  const q = (s: string) => JSON.stringify(s);
  const list = (items: readonly string[]) => `[${items.map(q).join(", ")}]`;
  for (const e of kb.entries) {
    files.set(
      `${e.id}.md`,
      [
        "---",
        `id: ${e.id}`,
        `question: ${q(e.question)}`,
        `short: ${q(e.short)}`,
        "alternates:",
        ...e.alternates.map((a) => `  - ${q(a)}`),
        `category: ${e.category}`,
        `tags: ${list(e.tags)}`,
        `related: ${list(e.related)}`,
        `sources: ${list(e.sources)}`,
        `reviewed: ${e.reviewed}`,
        "---",
        e.answer,
        "",
      ].join("\n"),
    );
  }
  return files;
}
