import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { normalizeText, normalizeUnicode, tokenize } from "../../src/text/normalize.js";

describe("normalizeText", () => {
  it("folds case, accents and full-width letters", () => {
    expect(normalizeText("ÉNCRYPTION Ｆａｃｅｂｏｏｋ café")).toBe("encryption facebook cafe");
  });

  it("strips punctuation and emoji", () => {
    expect(normalizeText("can fb read my msgs?? 😬🔒")).toBe("can fb read my msgs");
  });

  it("removes @mentions and a leading /command", () => {
    expect(normalizeText("/ask@PrivacyFaqBot is it safe?")).toBe("is it safe");
    expect(normalizeText("@PrivacyFaqBot hello @someone")).toBe("hello");
  });

  it("joins apostrophes and splits hyphens", () => {
    expect(normalizeText("don't end-to-end")).toBe("dont end to end");
  });

  it("turns control characters and regex metacharacters into spaces", () => {
    expect(normalizeText("a\u0000b\n.*+?^${}()|[]\\c")).toBe("a b c");
  });

  it("keeps letters of other scripts", () => {
    expect(normalizeText("واتساب Привет")).toBe("واتساب привет");
  });
});

describe("tokenize", () => {
  it("gives no tokens for empty text", () => {
    expect(tokenize("")).toEqual([]);
    expect(tokenize("a b")).toEqual(["a", "b"]);
  });
});

describe("the ASCII fast path", () => {
  // Questions are mostly ASCII and skip the Unicode pipeline; both must always agree.
  const asciiText = fc.string({
    unit: fc.constantFrom(..."aZ09 _'`@/!?.,-\t\nxyzHELLO@bot/ask".split("")),
    maxLength: 40,
  });

  it("gives exactly what the general Unicode path gives", () => {
    fc.assert(
      fc.property(asciiText, (text) => {
        expect(normalizeText(text)).toBe(normalizeUnicode(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ["Don't @bot_1's share?", "dont s share"],
    ["/ask@faq_bot Can FB read my msgs??", "can fb read my msgs"],
    ["abc@def ghi", "abc ghi"],
    ["  'quoted' `words`  ", "quoted words"],
  ])("normalises %j to %j", (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
    expect(normalizeUnicode(text)).toBe(expected);
  });
});
