/**
 * `npm run faq:check [-- --stale] [--max-age DAYS]`: validates the knowledge base (exit 1 with
 * every problem listed) and warns about entries not reviewed for more than DAYS (default 180,
 * or FAQ_MAX_REVIEW_AGE_DAYS); `--stale` lists only those entries.
 */
import { parseArgs } from "node:util";
import { DEFAULT_MAX_REVIEW_AGE_DAYS, staleEntries } from "../faq/freshness.js";
import { loadKnowledgeBase } from "../faq/loader.js";
import { runCli, UsageError } from "./run.js";

await runCli(async () => {
  const { values } = parseCheckArgs();
  const maxAge = maxAgeDays(values["max-age"] ?? process.env.FAQ_MAX_REVIEW_AGE_DAYS);
  const dir = process.env.FAQ_DIR ?? "faq";
  const knowledgeBase = await loadKnowledgeBase(dir);
  const stale = staleEntries(knowledgeBase.entries, new Date(), maxAge);
  if (values.stale) {
    console.log(`${stale.length} entries last reviewed more than ${maxAge} days ago`);
    for (const entry of stale)
      console.log(`  ${entry.id.padEnd(28)} reviewed ${entry.reviewed} (${entry.ageDays} days)`);
    return;
  }
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
  if (stale.length > 0)
    console.warn(
      `warning: ${stale.length} entries were last reviewed more than ${maxAge} days ago ` +
        `(oldest: ${stale[0]!.id}, ${stale[0]!.reviewed}); list them with npm run faq:check -- --stale`,
    );
});

function parseCheckArgs() {
  try {
    return parseArgs({
      options: { stale: { type: "boolean" }, "max-age": { type: "string" } },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}\nUsage: npm run faq:check [-- --stale] [--max-age DAYS]`,
    );
  }
}

function maxAgeDays(value: string | undefined): number {
  if (value === undefined) return DEFAULT_MAX_REVIEW_AGE_DAYS;
  const days = Number(value);
  if (!Number.isInteger(days) || days < 1)
    throw new UsageError(`--max-age must be a whole number of days (1 or more), got "${value}"`);
  return days;
}
