/**
 * `npm run tune`: searches the confidence's coefficients (see `CALIBRATION` in
 * src/search/engine.ts) on the labelled set the engine is tuned on, `tests/fixtures/questions.json`,
 * and never on the held-out sets. It prints the best combinations by one score that weighs every
 * target of the answer quality: right answers first, then questions it must not answer.
 * Adopting a result is a manual edit of `CALIBRATION`, then `npm run eval` on every set.
 */
import path from "node:path";
import { loadKnowledgeBase } from "../faq/loader.js";
import {
  engineRanker,
  evaluate,
  loadQuestionSet,
  type QualityReport,
} from "../quality/evaluate.js";
import { AnswerEngine, CALIBRATION, type Calibration } from "../search/engine.js";
import { runCli } from "./run.js";

/** Values tried for each coefficient, one coefficient at a time (coordinate descent). */
const STEPS: Readonly<Record<keyof Calibration, readonly number[]>> = {
  intercept: [-9, -8, -7, -6.5, -6, -5.5, -5, -4.6, -4.2, -3.8],
  phrasingCoverage: [1.5, 2, 2.5, 3, 3.7, 4.4, 5, 6],
  evidence: [0.3, 0.5, 0.7, 0.95, 1.2, 1.5],
  bothCoverages: [0, 1, 2, 3.3, 4.5, 6],
  queryCoverage: [0, 1, 2, 3, 4, 5, 6],
};
const ROUNDS = 3;

/** One number to rank combinations by: the quality targets, weighted by how much each matters. */
function score(report: QualityReport): number {
  return (
    2 * report.top1 +
    report.top3 +
    report.rejection +
    report.nearDomainRejection +
    1.5 * (1 - report.unanswerableAnswered)
  );
}

await runCli(async () => {
  const knowledgeBase = await loadKnowledgeBase(process.env.FAQ_DIR ?? "faq");
  const questions = await loadQuestionSet(path.join("tests", "fixtures", "questions.json"));
  const results: { calibration: Calibration; report: QualityReport; score: number }[] = [];
  const tried = new Map<string, (typeof results)[number]>();
  const run = (calibration: Calibration) => {
    const key = JSON.stringify(calibration);
    let result = tried.get(key);
    if (result === undefined) {
      const engine = AnswerEngine.build(knowledgeBase, {
        cacheSize: 0,
        rankingCacheSize: 0,
        calibration,
      });
      const report = evaluate(engineRanker(engine), questions, knowledgeBase.entries);
      result = { calibration, report, score: score(report) };
      tried.set(key, result);
      results.push(result);
    }
    return result;
  };
  let best = run({ ...CALIBRATION });
  for (let round = 0; round < ROUNDS; round++)
    for (const name of Object.keys(STEPS) as (keyof Calibration)[])
      for (const value of STEPS[name]) {
        const result = run({ ...best.calibration, [name]: value });
        if (result.score > best.score) best = result;
      }
  results.sort((a, b) => b.score - a.score);
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const show = (label: string, { calibration, report, score: value }: (typeof results)[number]) =>
    console.log(
      `${label.padEnd(9)} ${JSON.stringify(calibration).padEnd(82)} score ${value.toFixed(3)}` +
        `  top-1${pct(report.top1)} top-3${pct(report.top3)} off-topic${pct(report.rejection)}` +
        ` near${pct(report.nearDomainRejection)} unanswerable answered${pct(report.unanswerableAnswered)}`,
    );
  const current = results.find(
    (r) => JSON.stringify(r.calibration) === JSON.stringify({ ...CALIBRATION }),
  );
  if (current) show("current", current);
  results.slice(0, 10).forEach((result, i) => show(`#${i + 1}`, result));
});
