import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/faq/loader.js";
import { COMMON_WORDS } from "../../src/search/common-words.js";
import { normalizedWords } from "../../src/text/normalize.js";
import { editDistance, SpellingCorrector } from "../../src/search/spelling.js";

const vocabulary = new Map([
  ["encrypted", 5],
  ["facebook", 9],
  ["location", 4],
  ["read", 7],
  ["backup", 3],
  ["delete", 3],
]);

describe("SpellingCorrector", () => {
  const corrector = new SpellingCorrector(vocabulary);

  it("corrects one-edit typos in medium words", () => {
    expect(corrector.correct("loction")).toBe("location");
    expect(corrector.correct("facebok")).toBe("facebook");
    expect(corrector.correct("bakcup")).toBe("backup"); // transposition
  });

  it("allows two edits in long words", () => {
    expect(corrector.correct("encripted")).toBe("encrypted");
    expect(corrector.correct("enkripted")).toBe("encrypted");
  });

  it("does not fuzz short words into unrelated ones", () => {
    expect(corrector.correct("red")).toBeNull(); // too short to correct
    expect(corrector.correct("bread")).toBeNull(); // "read" would need the first letter changed
    expect(corrector.correct("dele")).toBeNull(); // two edits in a short word
  });

  it("leaves known words and numbers alone", () => {
    expect(corrector.correct("read")).toBe("read");
    expect(corrector.correct("2016x")).toBeNull();
  });
});

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    expect(editDistance("kitten", "sitting")).toBe(3);
    expect(editDistance("ab", "ba")).toBe(1);
    expect(editDistance("", "abc")).toBe(3);
  });
});

describe("SpellingCorrector against a scan of the whole vocabulary", () => {
  /** The rules of `correct`, applied by measuring every vocabulary word. */
  function scan(words: ReadonlyMap<string, number>, word: string): string | null {
    if (words.has(word)) return word;
    if (word.length < 4 || /\d/.test(word) || COMMON_WORDS.has(word)) return null;
    const maxEdits = word.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    for (const [candidate, frequency] of words) {
      if (candidate.length < 3 || candidate[0] !== word[0]) continue;
      const distance = editDistance(word, candidate, maxEdits);
      if (distance > maxEdits || distance > bestDistance) continue;
      if (
        distance < bestDistance ||
        frequency > bestFrequency ||
        (frequency === bestFrequency && candidate < best!)
      ) {
        best = candidate;
        bestDistance = distance;
        bestFrequency = frequency;
      }
    }
    return best;
  }

  it("finds what a full scan finds, for typos of every kind in words of every length", async () => {
    const knowledgeBase = await loadKnowledgeBase("faq");
    const words = new Map<string, number>();
    for (const entry of knowledgeBase.entries)
      for (const word of normalizedWords(`${entry.question} ${entry.answer}`))
        words.set(word, (words.get(word) ?? 0) + 1);
    const corrector = new SpellingCorrector(words);
    const vocabulary = [...words.keys()].filter((word) => word.length >= 3);
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const typo = fc
      .tuple(
        fc.constantFrom(...vocabulary),
        fc.array(fc.tuple(fc.nat(3), fc.nat(40), fc.nat(25)), { minLength: 1, maxLength: 2 }),
      )
      .map(([word, edits]) => {
        let typed = word;
        for (const [kind, at, letter] of edits) {
          const i = typed.length === 0 ? 0 : at % typed.length;
          if (kind === 0) typed = typed.slice(0, i) + typed.slice(i + 1);
          else if (kind === 1) typed = typed.slice(0, i) + letters[letter] + typed.slice(i);
          else if (kind === 2) typed = typed.slice(0, i) + letters[letter] + typed.slice(i + 1);
          else if (i + 1 < typed.length)
            typed = typed.slice(0, i) + typed[i + 1] + typed[i] + typed.slice(i + 2);
        }
        return typed;
      });
    fc.assert(
      fc.property(typo, (typed) => {
        expect(corrector.correct(typed)).toBe(scan(words, typed));
      }),
      { numRuns: 2_000 },
    );
  });
});
