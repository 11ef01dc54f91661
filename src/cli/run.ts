import { KnowledgeBaseError } from "../faq/loader.js";

/**
 * Runs a command-line tool: known errors (an invalid knowledge base, bad arguments) print their
 * message and exit 1 without a stack trace; anything else is a bug and shows one.
 */
export async function runCli(main: () => Promise<void>): Promise<void> {
  try {
    await main();
  } catch (error) {
    if (error instanceof KnowledgeBaseError || error instanceof UsageError) {
      console.error(error.message);
    } else {
      console.error(error);
    }
    process.exitCode = 1;
  }
}

/** A mistake in how a command was called. */
export class UsageError extends Error {
  override name = "UsageError";
}
