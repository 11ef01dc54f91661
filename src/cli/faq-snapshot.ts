/**
 * Run by `npm run build` (as `node dist/cli/faq-snapshot.js`, after compiling): validates the
 * knowledge base in full and writes it beside the compiled code, for the service to start from
 * without validating again (see src/faq/snapshot.ts). An invalid knowledge base fails the build
 * with the same messages as `npm run faq:check`, and nothing is written.
 */
import { DEFAULT_SNAPSHOT_FILE, writeKnowledgeBaseSnapshot } from "../faq/snapshot.js";
import { runCli } from "./run.js";

await runCli(async () => {
  const dir = process.env.FAQ_DIR ?? "faq";
  const knowledgeBase = await writeKnowledgeBaseSnapshot(dir);
  console.log(
    `${dir}: ${knowledgeBase.entries.length} entries OK (version ${knowledgeBase.version}), snapshot written to ${DEFAULT_SNAPSHOT_FILE}`,
  );
});
