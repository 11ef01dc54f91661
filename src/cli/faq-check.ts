/**
 * `npm run faq:check [-- --stale] [--max-age DAYS] [--gaps LANG]`: validates the knowledge base
 * in every language (exit 1 with every problem listed, including each translation that is missing
 * or was made from an older version of its English entry) and warns about entries not reviewed
 * for more than DAYS (default 180, or FAQ_MAX_REVIEW_AGE_DAYS); `--stale` lists only those
 * entries; `--gaps LANG` lists the entries LANG still needs, with the `translated_from`
 * fingerprint each translation must carry.
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
  if (values.gaps !== undefined) {
    const gaps = knowledgeBase.translationGaps.filter((gap) => gap.language === values.gaps);
    console.log(`${gaps.length} ${values.gaps} translations missing or stale`);
    for (const gap of gaps)
      console.log(
        `  ${gap.id.padEnd(28)} ${gap.reason.padEnd(8)} translated_from: ${gap.fingerprint}`,
      );
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
  const { whatsapp, others } = knowledgeBase.services;
  console.log(
    `  services: ${whatsapp.length} names of WhatsApp, ${others.length} of other services`,
  );
  const gapsByLanguage = new Map<string, number>();
  for (const gap of knowledgeBase.translationGaps)
    gapsByLanguage.set(gap.language, (gapsByLanguage.get(gap.language) ?? 0) + 1);
  for (const [language] of knowledgeBase.translations) {
    const gaps = gapsByLanguage.get(language) ?? 0;
    console.log(
      `  ${language}: ${knowledgeBase.entries.length - gaps} of ${knowledgeBase.entries.length} entries translated`,
    );
  }
  if (knowledgeBase.translationGaps.length > 0) {
    // A fact corrected in English must not stay wrong in a translation: a gap fails the check.
    console.error(`${knowledgeBase.translationGaps.length} translations missing or stale:`);
    for (const gap of knowledgeBase.translationGaps)
      console.error(
        `  faq/${gap.language}/${gap.id}.md: ${gap.reason === "missing" ? "missing" : "made from an older version of faq/" + gap.id + ".md"} (translated_from: ${gap.fingerprint})`,
      );
    process.exitCode = 1;
  }
  if (stale.length > 0)
    console.warn(
      `warning: ${stale.length} entries were last reviewed more than ${maxAge} days ago ` +
        `(oldest: ${stale[0]!.id}, ${stale[0]!.reviewed}); list them with npm run faq:check -- --stale`,
    );
});

function parseCheckArgs() {
  try {
    return parseArgs({
      options: {
        stale: { type: "boolean" },
        "max-age": { type: "string" },
        gaps: { type: "string" },
      },
      allowPositionals: false,
    });
  } catch (error) {
    throw new UsageError(
      `${(error as Error).message}\nUsage: npm run faq:check [-- --stale] [--max-age DAYS] [--gaps LANG]`,
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
