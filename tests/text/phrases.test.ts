import { describe, expect, it } from "vitest";
import { addPhrase, matchPhrase } from "../../src/text/phrases.js";

describe("matchPhrase", () => {
  const phrases = [{ tokens: ["end", "to", "end"] }, { tokens: ["end", "user"] }];

  it("finds the first phrase whose words stand in a row from the start", () => {
    expect(matchPhrase(phrases, ["is", "it", "end", "to", "end"], 2)).toBe(phrases[0]);
    expect(matchPhrase(phrases, ["end", "user", "data"], 0)).toBe(phrases[1]);
  });

  it("finds none when the words break off or run out", () => {
    expect(matchPhrase(phrases, ["end", "to", "start"], 0)).toBeUndefined();
    expect(matchPhrase(phrases, ["end", "to"], 0)).toBeUndefined();
  });
});

describe("addPhrase", () => {
  it("files phrases by their first word, longest first, so the longest one matches", () => {
    const byFirstWord = new Map<string, { tokens: string[] }[]>();
    const short = { tokens: ["end", "to", "end"] };
    const long = { tokens: ["end", "to", "end", "encryption"] };
    addPhrase(byFirstWord, short);
    addPhrase(byFirstWord, long);
    addPhrase(byFirstWord, { tokens: ["akun", "ig"] });
    expect(byFirstWord.get("end")).toEqual([long, short]);
    expect(matchPhrase(byFirstWord.get("end")!, ["end", "to", "end", "encryption"], 0)).toBe(long);
    expect(byFirstWord.get("akun")).toHaveLength(1);
  });
});
