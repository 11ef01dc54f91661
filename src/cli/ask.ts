/** `npm run ask -- "question" [--explain]`: answers in the terminal, no server needed. */
import { loadKnowledgeBase } from "../faq/loader.js";
import { AnswerEngine } from "../search/engine.js";
import { runCli, UsageError } from "./run.js";

await runCli(async () => {
  const args = process.argv.slice(2);
  const explain = args.includes("--explain");
  const question = args
    .filter((a) => a !== "--explain")
    .join(" ")
    .trim();
  if (question === "") throw new UsageError('Usage: npm run ask -- "your question" [--explain]');
  const engine = AnswerEngine.build(await loadKnowledgeBase(process.env.FAQ_DIR ?? "faq"));
  const { answer, related } = engine.ask(question);
  if (answer === null) {
    console.log("No confident answer in the FAQ for that question.");
  } else {
    console.log(
      `${answer.entry.question}  [${answer.entry.id}, confidence ${answer.confidence}]\n`,
    );
    console.log(answer.entry.answer);
    console.log(
      `\nSources: ${answer.entry.sources.join(", ")} (reviewed ${answer.entry.reviewed})`,
    );
  }
  if (related.length > 0) {
    console.log(answer === null ? "\nDid you mean:" : "\nRelated:");
    for (const match of related)
      console.log(`  - ${match.entry.question} [${match.entry.id}, ${match.confidence}]`);
  }
  if (explain) {
    const details = engine.explain(question);
    console.log(
      `\nTerms: ${details.terms.join(" ")}${details.corrected.length ? ` (corrected: ${details.corrected.join(" ")})` : ""}`,
    );
    for (const m of details.matches)
      console.log(
        `  ${m.entry.id.padEnd(24)} confidence ${m.confidence}  bm25 ${m.score.toFixed(2)}`,
      );
  }
});
