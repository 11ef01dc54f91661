/**
 * `npm run eval [-- [--misses] [questions.json ...]]`: answer quality on labelled question sets,
 * beside a plain MiniSearch baseline on the same entries. Without files it reports every set in
 * {@link QUESTION_SETS}: the one the engine is tuned on and the held-out ones it never is.
 */
import path from "node:path";
import { AnswerService } from "../answering/service.js";
import { loadKnowledgeBase } from "../faq/loader.js";
import {
  baselineRanker,
  engineRanker,
  evaluate,
  loadQuestionSet,
  type QualityReport,
  serviceRanker,
} from "../quality/evaluate.js";
import { AnswerEngine } from "../search/engine.js";
import { LANGUAGES, SOURCE_LANGUAGE } from "../text/languages.js";
import { runCli } from "./run.js";

/** The labelled sets, by name: `own` is tuned on, the others are held out. */
export const QUESTION_SETS = {
  own: path.join("tests", "fixtures", "questions.json"),
  "held-out": path.join("tests", "fixtures", "holdout.json"),
  "held-out forum": path.join("tests", "fixtures", "holdout-forum.json"),
} as const;

/** Each translated language's labelled sets: its own (tuned on) and its held-out one. */
export function languageSets(language: string): { own: string; heldOut: string } {
  return {
    own: path.join("tests", "fixtures", "i18n", `${language}.json`),
    heldOut: path.join("tests", "fixtures", "i18n", `${language}.holdout.json`),
  };
}

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

/**
 * Every language through the answering service, as a bare `/ask` sees it (no hints): the language
 * is read from the text. English runs its own sets the same way, so a detector that misreads
 * English questions shows here.
 */
async function printLanguages(service: AnswerService, showMisses: boolean): Promise<void> {
  console.log("\n== per language, through the answering service (no language hints)");
  console.log(
    "(off-topic: not about WhatsApp; near: WhatsApp, not privacy; rejected: both together; " +
      "unans.: privacy questions no entry answers that got an answer anyway, lower is better; " +
      "detected: read in its language; in lang: answers given in its language)",
  );
  const header = [
    "language / set",
    "n",
    "top-1",
    "top-3",
    "off-topic",
    "near",
    "rejected",
    "unans.",
    "detected",
    "in lang",
  ];
  const widths = [22, 5, 8, 8, 10, 7, 10, 8, 10, 9];
  const line = (cells: string[]) =>
    console.log(
      cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(""),
    );
  line(header);
  const ranker = serviceRanker(service);
  const entries = service.knowledgeBase.entries;
  for (const language of LANGUAGES) {
    const sets: [string, string][] =
      language === SOURCE_LANGUAGE
        ? [
            ["own", QUESTION_SETS.own],
            ["held-out", QUESTION_SETS["held-out"]],
            ["forum", QUESTION_SETS["held-out forum"]],
          ]
        : Object.entries(languageSets(language));
    for (const [name, file] of sets) {
      const report = evaluate(ranker, await loadQuestionSet(file), entries, language);
      line([
        `${language} ${name === "heldOut" ? "held-out" : name}`,
        String(report.answerable),
        pct(report.top1),
        pct(report.top3),
        report.offTopic > 0 ? pct(report.rejection) : "-",
        report.nearDomain > 0 ? pct(report.nearDomainRejection) : "-",
        report.offTopic + report.nearDomain > 0 ? pct(report.outOfScopeRejection) : "-",
        report.unanswerable > 0 ? pct(report.unanswerableAnswered) : "-",
        pct(report.languageDetected),
        pct(report.answeredInLanguage),
      ]);
      if (showMisses && language !== SOURCE_LANGUAGE && name === "own") printMisses(report);
    }
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
  if (files.length === 0)
    await printLanguages(
      AnswerService.build(knowledgeBase, { cacheSize: 0, rankingCacheSize: 0 }),
      showMisses,
    );
});
