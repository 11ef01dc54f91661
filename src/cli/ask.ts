/**
 * `npm run ask -- "question" [--lang CODE] [--explain]`: answers in the terminal, as /ask would,
 * no server needed.
 */
import { parseArgs } from "node:util";
import { AnswerService } from "../answering/service.js";
import { loadKnowledgeBase } from "../faq/loader.js";
import { isLanguage, LANGUAGES } from "../text/languages.js";
import { runCli, UsageError } from "./run.js";

const USAGE = `Usage: npm run ask -- "your question" [--lang CODE] [--explain]

Answers a question from the FAQ in faq/ (or FAQ_DIR), as the /ask API would.
  --lang CODE  answer in this language (${LANGUAGES.join(", ")}); default: the question's own
  --explain    show how the question was read and every entry's score
  --help       show this text`;

await runCli(async () => {
  const { values, positionals } = parseAskArgs();
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const question = positionals.join(" ").trim();
  if (question === "") throw new UsageError(USAGE);
  const lang = values.lang;
  if (lang !== undefined && !isLanguage(lang))
    throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, got "${lang}"`);
  const service = AnswerService.build(await loadKnowledgeBase(process.env.FAQ_DIR ?? "faq"));
  const reply = service.ask(question, lang === undefined ? {} : { explicit: lang });
  const { answer, related } = reply;
  console.log(`[${reply.outcome}, language ${reply.language} (${reply.decision.source})]\n`);
  if (answer === null) {
    console.log(
      reply.outcome === "out-of-scope"
        ? "Not a WhatsApp privacy or security question."
        : "No confident answer in the FAQ for that question.",
    );
  } else {
    console.log(
      `${answer.entry.question}  [${answer.entry.id}, ${answer.language}, confidence ${answer.confidence}]\n`,
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
  if (values.explain) {
    const details = service.explain(question, reply.decision.query);
    console.log(
      `\nTerms: ${details.terms.join(" ")}${details.corrected.length ? ` (corrected: ${details.corrected.join(" ")})` : ""}`,
    );
    for (const m of details.matches)
      console.log(
        `  ${m.entry.id.padEnd(24)} confidence ${m.confidence}  bm25 ${m.score.toFixed(2)}`,
      );
  }
});

function parseAskArgs() {
  try {
    return parseArgs({
      options: {
        lang: { type: "string" },
        explain: { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
      allowPositionals: true,
    });
  } catch (error) {
    // Node's message adds advice on positionals that does not fit a question; keep its first part.
    const unknown = /^Unknown option '([^']+)'/.exec((error as Error).message);
    const message = unknown ? `Unknown option ${unknown[1]}` : (error as Error).message;
    throw new UsageError(`${message}\n\n${USAGE}`);
  }
}
