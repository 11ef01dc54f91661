import { describe, expect, it } from "vitest";
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
