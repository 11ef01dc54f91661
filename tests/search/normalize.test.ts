import { describe, expect, it } from "vitest";
import { normalizeText, tokenize } from "../../src/search/normalize.js";

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
