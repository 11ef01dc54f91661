/** `npm run faq:check`: validates the knowledge base; exit 1 with every problem listed. */
import { loadKnowledgeBase } from "../faq/loader.js";
import { runCli } from "./run.js";

await runCli(async () => {
  const dir = process.env.FAQ_DIR ?? "faq";
  const knowledgeBase = await loadKnowledgeBase(dir);
  const counts = new Map<string, number>();
  for (const entry of knowledgeBase.entries)
    counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
  console.log(
    `${dir}: ${knowledgeBase.entries.length} entries OK (version ${knowledgeBase.version})`,
  );
  for (const category of knowledgeBase.categories) {
    console.log(`  ${category.id.padEnd(16)} ${counts.get(category.id) ?? 0}`);
  }
  console.log(`  thesaurus: ${knowledgeBase.thesaurus.length} groups`);
});
