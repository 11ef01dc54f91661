/**
 * `npm run eval [-- questions.json]`: answer quality on the labelled question set, beside a plain
 * MiniSearch baseline on the same entries.
 */
import path from "node:path";
import { loadKnowledgeBase } from "../faq/loader.js";
import {
  baselineRanker,
  engineRanker,
  evaluate,
  loadQuestionSet,
  type QualityReport,
} from "../quality/evaluate.js";
import { AnswerEngine } from "../search/engine.js";
import { runCli } from "./run.js";

await runCli(async () => {
  const faqDir = process.env.FAQ_DIR ?? "faq";
  const file = process.argv[2] ?? path.join("tests", "fixtures", "questions.json");
  const knowledgeBase = await loadKnowledgeBase(faqDir);
  const questions = await loadQuestionSet(file);
  const engine = AnswerEngine.build(knowledgeBase, { cacheSize: 0 });
  const ours = evaluate(engineRanker(engine), questions, knowledgeBase.entries);
  const baseline = evaluate(
    baselineRanker(knowledgeBase.entries),
    questions,
    knowledgeBase.entries,
  );

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(8);
  const row = (label: string, a: string, b: string) =>
    console.log(`${label.padEnd(26)}${a.padStart(10)}${b.padStart(12)}`);
  console.log(
    `Question set: ${file} (${ours.answerable} answerable, ${ours.offTopic} must get no answer)`,
  );
  console.log(
    `Knowledge base: ${knowledgeBase.entries.length} entries, version ${knowledgeBase.version}\n`,
  );
  row("metric", "engine", "baseline");
  row("top-1 accuracy", pct(ours.top1), pct(baseline.top1));
  row("top-3 (answer + related)", pct(ours.top3), pct(baseline.top3));
  row("MRR", ours.mrr.toFixed(3), baseline.mrr.toFixed(3));
  row("off-topic rejection", pct(ours.rejection), pct(baseline.rejection));
  console.log("\nTop-1 per category:");
  row("category", "engine", "baseline");
  for (const [category, stats] of [...ours.perCategory].sort()) {
    const base = baseline.perCategory.get(category);
    row(
      `${category} (${stats.total})`,
      pct(stats.top1 / stats.total),
      pct((base?.top1 ?? 0) / stats.total),
    );
  }
  printMisses(ours);
});

function printMisses(report: QualityReport): void {
  console.log(`\nMisses (${report.misses.length}):`);
  for (const miss of report.misses) {
    console.log(
      `  expected ${String(miss.expected).padEnd(22)} got ${String(miss.got).padEnd(22)} ${JSON.stringify(miss.question)}`,
    );
  }
}
