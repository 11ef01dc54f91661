import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import {
  baselineRanker,
  engineRanker,
  evaluate,
  loadQuestionSet,
  type QualityReport,
} from "../../src/quality/evaluate.js";
import { realEngine, realKnowledgeBase } from "../support/knowledge-base.js";

/**
 * Quality floors on the labelled question set, a little below what the engine reaches, so a
 * change that makes answers worse fails CI. `npm run eval` prints the full report.
 */
const FLOORS = { top1: 0.93, top3: 0.97, mrr: 0.95, rejection: 0.94 };

let report: QualityReport;
let baseline: QualityReport;
beforeAll(async () => {
  const questions = await loadQuestionSet(path.resolve("tests/fixtures/questions.json"));
  const kb = await realKnowledgeBase();
  report = evaluate(engineRanker(await realEngine()), questions, kb.entries);
  baseline = evaluate(baselineRanker(kb.entries), questions, kb.entries);
});

describe("answer quality", () => {
  it("uses a question set of the promised size", () => {
    expect(report.answerable).toBeGreaterThanOrEqual(200);
    expect(report.offTopic + report.nearDomain).toBeGreaterThanOrEqual(40);
  });

  it("stays above its floors", () => {
    expect(report.top1).toBeGreaterThanOrEqual(FLOORS.top1);
    expect(report.top3).toBeGreaterThanOrEqual(FLOORS.top3);
    expect(report.mrr).toBeGreaterThanOrEqual(FLOORS.mrr);
    expect(report.rejection).toBeGreaterThanOrEqual(FLOORS.rejection);
  });

  it("beats a plain MiniSearch on every measure", () => {
    expect(report.top1).toBeGreaterThan(baseline.top1);
    expect(report.top3).toBeGreaterThan(baseline.top3);
    expect(report.rejection).toBeGreaterThan(baseline.rejection);
  });

  it("has at least 5 questions for every entry it is measured on", async () => {
    const questions = await loadQuestionSet(path.resolve("tests/fixtures/questions.json"));
    const counts = new Map<string, number>();
    for (const { expected } of questions)
      if (expected) counts.set(expected, (counts.get(expected) ?? 0) + 1);
    for (const entry of (await realKnowledgeBase()).entries)
      expect(counts.get(entry.id) ?? 0, entry.id).toBeGreaterThanOrEqual(5);
  });
});
