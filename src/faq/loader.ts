import { createHash } from "node:crypto";
import { z } from "zod";
import { SOURCE_LANGUAGE } from "../text/languages.js";
import { KnowledgeBaseError, type Problem } from "./errors.js";
import {
  CATEGORIES_FILE,
  OUT_OF_SCOPE_FILE,
  readKnowledgeBaseFiles,
  SERVICES_FILE,
  THESAURUS_FILE,
} from "./files.js";
import { parseMarkdownFile, parseYamlFile } from "./front-matter.js";
import {
  checkOtherServicesTopic,
  checkPhrasings,
  checkServiceNames,
  checkTelegramLength,
  checkThesaurus,
  ENTRY_RULES,
  KEBAB_CASE,
  outOfScopeSchema,
  servicesSchema,
  shortTitle,
  sourceUrl,
  text,
  thesaurusSchema,
} from "./rules.js";
import { parseTranslations } from "./translations.js";
import type { Category, FaqEntry, KnowledgeBase, ServiceNames } from "./types.js";

export { KnowledgeBaseError, type Problem } from "./errors.js";
export { CATEGORIES_FILE, OUT_OF_SCOPE_FILE, SERVICES_FILE, THESAURUS_FILE } from "./files.js";
export { ENTRY_RULES } from "./rules.js";

const frontMatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, "must be kebab-case (a-z, 0-9 and single hyphens)"),
  question: text,
  short: shortTitle,
  alternates: z
    .array(text)
    .min(ENTRY_RULES.minAlternates, `needs at least ${ENTRY_RULES.minAlternates} alternates`),
  category: text,
  tags: z.array(text).min(1, "needs at least one tag"),
  related: z.array(z.string().regex(KEBAB_CASE, "must be an entry id")),
  sources: z.array(sourceUrl).min(1, "needs at least one source URL"),
  reviewed: z.iso.date("must be a date written YYYY-MM-DD"),
});

const categoriesSchema = z
  .array(
    z.strictObject({
      id: z.string().regex(KEBAB_CASE, "must be kebab-case"),
      title: text,
      description: text,
    }),
  )
  .min(1, "needs at least one category");

/** Loads and validates every file of the knowledge base; throws {@link KnowledgeBaseError}. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  return parseKnowledgeBase(await readKnowledgeBaseFiles(dir));
}

/**
 * Validates a knowledge base given as file name -> content (pure, so tests need no disk).
 * Collects every problem before failing, so one run of `faq:check` shows them all. Translations
 * that are missing or out of date are not problems here (the English entry is served in their
 * place) but {@link KnowledgeBase.translationGaps}, which `faq:check` reports.
 */
export function parseKnowledgeBase(files: ReadonlyMap<string, string>): KnowledgeBase {
  const problems: Problem[] = [];
  const categories = parseYamlFile(files, CATEGORIES_FILE, categoriesSchema, problems) ?? [];
  const thesaurusRecord = parseYamlFile(files, THESAURUS_FILE, thesaurusSchema, problems) ?? {};
  const thesaurus = checkThesaurus(thesaurusRecord, SOURCE_LANGUAGE, THESAURUS_FILE, problems);
  const outOfScope =
    parseYamlFile(files, OUT_OF_SCOPE_FILE, outOfScopeSchema, problems, false) ?? [];
  const services: ServiceNames = parseYamlFile(
    files,
    SERVICES_FILE,
    servicesSchema,
    problems,
    false,
  ) ?? { whatsapp: [], others: [], accounts: [], whatsappThings: {} };
  checkServiceNames(services, SERVICES_FILE, problems);
  checkOtherServicesTopic(services, outOfScope, OUT_OF_SCOPE_FILE, problems);

  const entries: FaqEntry[] = [];
  for (const [name, content] of files) {
    if (!name.endsWith(".md") || name.includes("/")) continue;
    const entry = parseEntry(name, content, problems);
    if (entry) entries.push(entry);
  }
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ file: "faq/", message: "contains no FAQ entries (*.md)" });
  }
  // Links are checked against every entry file, valid or not: one broken entry is reported once,
  // not again by every entry that links to it.
  const entryIds = new Set(
    [...files.keys()]
      .filter((name) => name.endsWith(".md") && !name.includes("/"))
      .map((name) => name.slice(0, -3)),
  );
  checkCrossReferences(entries, entryIds, categories, problems);
  checkPhrasings(SOURCE_LANGUAGE, entries, outOfScope, "", problems);
  const translated = parseTranslations(
    files,
    { entries, categories, outOfScope, services },
    problems,
  );

  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  const version = contentVersion(files);
  const withVersion = new Map(
    [...translated.editions].map(([language, edition]) => [language, { ...edition, version }]),
  );
  return {
    language: SOURCE_LANGUAGE,
    entries,
    categories,
    thesaurus,
    outOfScope,
    services,
    version,
    translations: withVersion,
    translationGaps: translated.gaps,
  };
}

function contentVersion(files: ReadonlyMap<string, string>): string {
  const hash = createHash("sha256");
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name).update("\0").update(content).update("\0");
  }
  return hash.digest("hex").slice(0, 12);
}

function parseEntry(name: string, content: string, problems: Problem[]): FaqEntry | undefined {
  const parsed = parseMarkdownFile(name, content, frontMatterSchema, problems);
  if (parsed === undefined) return undefined;
  const { data, body: answer } = parsed;
  let ok = true;
  const fail = (field: string, message: string) => {
    problems.push({ file: name, field, message });
    ok = false;
  };
  if (`${data.id}.md` !== name) fail("id", `"${data.id}" must equal the file name (${name})`);
  const { minAnswerLength, maxAnswerLength } = ENTRY_RULES;
  if (answer.length < minAnswerLength || answer.length > maxAnswerLength) {
    fail(
      "answer",
      `is ${answer.length} characters; answers must be ${minAnswerLength}-${maxAnswerLength}`,
    );
  }
  const entry: FaqEntry = { ...data, answer };
  checkTelegramLength(name, entry, problems);
  return ok ? entry : undefined;
}

function checkCrossReferences(
  entries: readonly FaqEntry[],
  entryIds: ReadonlySet<string>,
  categories: readonly Category[],
  problems: Problem[],
): void {
  const ids = new Map<string, string>();
  const categoryIds = new Set(categories.map((c) => c.id));
  for (const entry of entries) {
    const file = `${entry.id}.md`;
    if (ids.has(entry.id))
      problems.push({ file, field: "id", message: `duplicate id, also in ${ids.get(entry.id)}` });
    ids.set(entry.id, file);
    if (categories.length > 0 && !categoryIds.has(entry.category)) {
      problems.push({
        file,
        field: "category",
        message: `"${entry.category}" is not in ${CATEGORIES_FILE}`,
      });
    }
    for (const related of entry.related) {
      if (!entryIds.has(related)) {
        problems.push({
          file,
          field: "related",
          message: `"${related}" is not an existing entry id`,
        });
      } else if (related === entry.id) {
        problems.push({ file, field: "related", message: "an entry cannot be related to itself" });
      }
    }
  }
}
