/**
 * `npm run eval [-- [--misses] [questions.json ...]]`: answer quality on labelled question sets,
 * beside a plain MiniSearch baseline on the same entries. Without files it reports every set in
 * {@link QUESTION_SETS}: the one the engine is tuned on and the held-out ones it never is.
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

/** The labelled sets, by name: `own` is tuned on, the others are held out. */
export const QUESTION_SETS = {
  own: path.join("tests", "fixtures", "questions.json"),
  "held-out": path.join("tests", "fixtures", "holdout.json"),
  "held-out forum": path.join("tests", "fixtures", "holdout-forum.json"),
} as const;

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const row = (label: string, a: string, b: string) =>
  console.log(`${label.padEnd(44)}${a.padStart(10)}${b.padStart(12)}`);

function printReport(
  name: string,
  file: string,
  ours: QualityReport,
  baseline: QualityReport,
): void {
  console.log(
    `\n== ${name}: ${file} (${ours.answerable} answerable, ${ours.offTopic} off-topic, ` +
      `${ours.nearDomain} WhatsApp but not privacy, ${ours.unanswerable} unanswerable privacy)`,
  );
  row("metric", "engine", "baseline");
  row("top-1 accuracy", pct(ours.top1), pct(baseline.top1));
  row("top-3 (answer + related)", pct(ours.top3), pct(baseline.top3));
  row("MRR", ours.mrr.toFixed(3), baseline.mrr.toFixed(3));
  if (ours.offTopic > 0) row("off-topic rejection", pct(ours.rejection), pct(baseline.rejection));
  if (ours.nearDomain > 0)
    row(
      "near-domain rejection (WhatsApp, not privacy)",
      pct(ours.nearDomainRejection),
      pct(baseline.nearDomainRejection),
    );
  if (ours.unanswerable > 0)
    row(
      "unanswerable answered anyway (lower is better)",
      pct(ours.unanswerableAnswered),
      pct(baseline.unanswerableAnswered),
    );
}

function printCategories(ours: QualityReport, baseline: QualityReport): void {
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
}

function printMisses(report: QualityReport): void {
  console.log(`\nMisses (${report.misses.length}):`);
  for (const miss of report.misses) {
    console.log(
      `  expected ${String(miss.expected).padEnd(24)} got ${String(miss.got).padEnd(24)} ${JSON.stringify(miss.question)}`,
    );
  }
}

await runCli(async () => {
  const args = process.argv.slice(2);
  const showMisses = args.includes("--misses");
  const files = args.filter((arg) => !arg.startsWith("--"));
  const sets: [string, string][] =
    files.length > 0 ? files.map((file) => [file, file]) : Object.entries(QUESTION_SETS);
  const faqDir = process.env.FAQ_DIR ?? "faq";
  const knowledgeBase = await loadKnowledgeBase(faqDir);
  const engine = AnswerEngine.build(knowledgeBase, { cacheSize: 0, rankingCacheSize: 0 });
  const baselineRank = baselineRanker(knowledgeBase.entries);
  console.log(
    `Knowledge base: ${knowledgeBase.entries.length} entries, version ${knowledgeBase.version}`,
  );
  for (const [name, file] of sets) {
    const questions = await loadQuestionSet(file);
    const ours = evaluate(engineRanker(engine), questions, knowledgeBase.entries);
    const baseline = evaluate(baselineRank, questions, knowledgeBase.entries);
    printReport(name, file, ours, baseline);
    if (showMisses || files.length > 0) {
      printCategories(ours, baseline);
      printMisses(ours);
    }
  }
});
