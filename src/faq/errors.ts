/** One thing wrong with the knowledge base, located by file and (where known) field. */
export interface Problem {
  readonly file: string;
  readonly field?: string;
  readonly message: string;
}

/** Thrown when `faq/` is invalid; `message` lists every problem, one per line. */
export class KnowledgeBaseError extends Error {
  readonly problems: readonly Problem[];
  constructor(problems: readonly Problem[]) {
    super(
      `Invalid knowledge base (${problems.length} problem${problems.length === 1 ? "" : "s"}):\n` +
        problems
          .map((p) => `  ${p.file}${p.field ? ` [${p.field}]` : ""}: ${p.message}`)
          .join("\n"),
    );
    this.name = "KnowledgeBaseError";
    this.problems = problems;
  }
}
