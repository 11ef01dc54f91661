/** `npm run ask -- "question" [--explain]`: answers in the terminal, no server needed. */
import { loadKnowledgeBase } from "../faq/loader.js";
import { AnswerEngine } from "../search/engine.js";
import { runCli, UsageError } from "./run.js";

const USAGE = `Usage: npm run ask -- "your question" [--explain]

Answers a question from the knowledge base in the terminal, no server needed.

  --explain   also show the question's terms, spelling corrections and each candidate's confidence
  --help, -h  show this help

FAQ_DIR chooses the knowledge base (default ./faq).`;

await runCli(async () => {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(USAGE);
    return;
  }
  const unknown = args.find((arg) => arg.startsWith("--") && arg !== "--explain");
  if (unknown !== undefined) throw new UsageError(`Unknown option ${unknown}\n\n${USAGE}`);
  const explain = args.includes("--explain");
  const question = args
    .filter((a) => a !== "--explain")
    .join(" ")
    .trim();
  if (question === "") throw new UsageError(USAGE);
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
