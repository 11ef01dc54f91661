import { describe, expect, it } from "vitest";
import { TextAnalyzer } from "../../src/search/analyzer.js";
import { SpellingCorrector } from "../../src/search/spelling.js";

const thesaurus = [
  { canonical: "facebook", synonyms: ["fb", "meta"] },
  { canonical: "e2e", synonyms: ["e2ee", "end to end"] },
  { canonical: "message", synonyms: ["msg", "msgs", "chats"] },
  { canonical: "twostep", synonyms: ["2fa", "two step verification"] },
];

describe("TextAnalyzer", () => {
  const analyzer = new TextAnalyzer(thesaurus);

  it("lets inflections meet through stemming", () => {
    const terms = (text: string) => analyzer.analyzeQuery(text).terms;
    expect(terms("encrypted")).toEqual(terms("encryption"));
    expect(terms("encrypt")).toEqual(terms("encrypted"));
    expect(terms("sharing")).toEqual(terms("shared"));
    expect(terms("share")).toEqual(terms("sharing"));
  });

  it("folds thesaurus words and phrases into one canonical term", () => {
    expect(analyzer.analyzeQuery("can fb read my msgs").terms).toEqual(
      analyzer.analyzeQuery("can facebook read my message").terms,
    );
    expect(analyzer.analyzeQuery("is it end-to-end?").terms).toEqual(["e2e"]);
    expect(analyzer.analyzeQuery("turn on two step verification").terms).toContain("twostep");
  });

  it("drops stop words, conversational filler and 'whatsapp'", () => {
    expect(analyzer.analyzeQuery("hey so can you please tell me about whatsapp").terms).toEqual([]);
  });

  it("returns distinct terms and the normalised text", () => {
    const query = analyzer.analyzeQuery("Meta, META and fb?!");
    expect(query.terms).toEqual(["facebook"]);
    expect(query.normalized).toBe("meta meta and fb");
  });

  it("corrects typos only against its vocabulary and marks them", () => {
    const withSpelling = new TextAnalyzer(thesaurus);
    withSpelling.indexTerms("location sharing is encrypted");
    const vocabulary = withSpelling.vocabulary();
    expect(vocabulary.get("location")).toBe(1);
    expect(vocabulary.has("is")).toBe(false); // stop words are never a correction
    withSpelling.useSpelling(() => new SpellingCorrector(vocabulary));
    expect(withSpelling.complete).toBe(false); // built by the first question that needs it
    const query = withSpelling.analyzeQuery("loction sharing");
    expect(query.terms).toEqual(withSpelling.analyzeQuery("location sharing").terms);
    expect([...query.corrected]).toHaveLength(1);
    expect(withSpelling.complete).toBe(true);
  });

  it("reads a word the same the first time and once it is remembered, typos included", () => {
    const reader = new TextAnalyzer(thesaurus);
    reader.indexTerms("location sharing is encrypted with end to end encryption");
    reader.useSpelling(() => new SpellingCorrector(reader.vocabulary()));
    const questions = ["is my loction shared", "encripted locaton sharing", "fb msgs end to end"];
    const first = questions.map((question) => reader.analyzeQuery(question));
    const again = questions.map((question) => reader.analyzeQuery(question));
    expect(again).toEqual(first);
    expect(first[1]!.terms).toEqual(reader.analyzeQuery("encrypted location sharing").terms);
    expect([...first[1]!.corrected]).toHaveLength(2);
  });
});
