import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/faq/loader.js";
import type { KnowledgeBase } from "../../src/faq/types.js";
import { TextAnalyzer } from "../../src/search/analyzer.js";
import { ENGINE_DEFAULTS } from "../../src/search/engine.js";
import { InspectableMiniSearch, TermScores } from "../../src/search/term-scores.js";

const FIELDS = ["question", "alternates", "tags", "answer"] as const;

describe("TermScores", () => {
  let knowledgeBase: KnowledgeBase;
  let analyzer: TextAnalyzer;
  let index: InspectableMiniSearch<number>;
  let fields: Record<(typeof FIELDS)[number], string[]>[];
  let scores: TermScores;
  const termIds = new Map<string, number>();

  beforeAll(async () => {
    knowledgeBase = await loadKnowledgeBase("faq");
    analyzer = new TextAnalyzer(knowledgeBase.thesaurus);
    fields = knowledgeBase.entries.map((entry) => ({
      question: analyzer.indexTerms(entry.question),
      alternates: entry.alternates.flatMap((text) => analyzer.indexTerms(text)),
      tags: entry.tags.flatMap((text) => analyzer.indexTerms(text)),
      answer: analyzer.indexTerms(entry.answer),
    }));
    for (const entry of fields)
      for (const field of FIELDS)
        for (const term of entry[field]) if (!termIds.has(term)) termIds.set(term, termIds.size);
    index = new InspectableMiniSearch<number>({
      fields: [...FIELDS],
      extractField: (doc, field) =>
        field === "id" ? doc : fields[doc]![field as (typeof FIELDS)[number]],
      stringifyField: (terms) => terms as string,
      tokenize: (terms) => terms as unknown as string[],
      processTerm: (term) => term,
    });
    index.addAll(knowledgeBase.entries.map((_, doc) => doc));
    scores = new TermScores(index, ENGINE_DEFAULTS.boost, termIds);
  });

  // The tables are only a faster way to get MiniSearch's own ranking: they must never drift from it.
  it.each([
    "can fb read my msgs",
    "is my location shared with facebook",
    "what changed in the 2021 privacy policy",
    "are business chats encrypted",
    "backup encryption icloud google drive",
  ])("scores %j exactly as MiniSearch's own OR search does", (question) => {
    const terms = analyzer.analyzeQuery(question).terms;
    const ids = Int32Array.from(terms, (term) => termIds.get(term) ?? -1);
    const ours = scores.search(ids, 10);
    const theirs = index
      .search(terms.join(" "), {
        boost: ENGINE_DEFAULTS.boost,
        combineWith: "OR",
        tokenize: (text) => text.split(" "),
      })
      .slice(0, 10);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours.map((result) => result.doc)).toEqual(theirs.map((result) => result.id));
    ours.forEach((result, i) => expect(result.score).toBeCloseTo(theirs[i]!.score, 9));
  });

  // The engine feeds MiniSearch counted terms (much faster at scale): the index must be the same.
  it("indexes counted terms exactly as MiniSearch's own add does", () => {
    const terms = [...termIds.keys()];
    const counted = new InspectableMiniSearch<number>({ fields: [...FIELDS] });
    fields.forEach((entry, doc) => {
      const perField = FIELDS.map((field) => {
        const frequency = new Map<number, number>();
        for (const term of entry[field]) {
          const id = termIds.get(term)!;
          frequency.set(id, (frequency.get(id) ?? 0) + 1);
        }
        return { ids: [...frequency.keys()], frequencies: [...frequency.values()] };
      });
      counted.addCounted(doc, perField);
    });
    counted.indexCounted(terms);
    // Serialised as strings so that insertion order (which MiniSearch's scoring follows) counts.
    expect(JSON.stringify(counted.toJSON())).toBe(JSON.stringify(index.toJSON()));
    expect(() => counted.addCounted(0, [])).toThrow(/duplicate ID 0/);
  });

  it("ignores terms the knowledge base does not have", () => {
    expect(scores.search(Int32Array.of(-1, -1), 5)).toEqual([]);
  });
});
