/**
 * Translations of the knowledge base. Each language has a folder, `faq/<language>/`, with one
 * file per entry (`faq/es/ads.md`: the question, short title, alternates written the way people
 * in that language ask, and the answer), the category names (`categories.yaml`), and optionally
 * its own `thesaurus.yaml` and `out-of-scope.yaml`. Everything else about an entry (category,
 * tags, related entries, sources, review date) is the English entry's.
 *
 * Each translation names the version of the English entry it was made from
 * (`translated_from`: the English entry's {@link entryFingerprint}). When the English question
 * or answer changes, its translations stop being served, so a corrected fact never stays wrong
 * in one language: the English entry is served in their place until they are updated, and
 * `faq:check` fails until then.
 */
import { createHash } from "node:crypto";
import { z } from "zod";
import { type Language, TRANSLATED_LANGUAGES } from "../text/languages.js";
import type { Problem } from "./errors.js";
import { CATEGORIES_FILE, OUT_OF_SCOPE_FILE, THESAURUS_FILE } from "./files.js";
import { parseMarkdownFile, parseYamlFile } from "./front-matter.js";
import {
  checkNotCoveredTopics,
  checkOtherServicesTopic,
  checkPhrasings,
  checkTelegramLength,
  checkThesaurus,
  KEBAB_CASE,
  outOfScopeSchema,
  shortTitle,
  sourceUrl,
  text,
  thesaurusSchema,
} from "./rules.js";
import type {
  Category,
  Edition,
  FaqEntry,
  OutOfScopeTopic,
  ServiceNames,
  TranslationGap,
} from "./types.js";

/** Limits a translated entry must respect (answers run longer in some languages than English). */
export const TRANSLATION_RULES = {
  minAlternates: 6,
  minAnswerLength: 200,
  maxAnswerLength: 1300,
} as const;

const FINGERPRINT = /^[0-9a-f]{8}$/;

const translationSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, "must be the English entry's id"),
  question: text,
  short: shortTitle,
  alternates: z
    .array(text)
    .min(
      TRANSLATION_RULES.minAlternates,
      `needs at least ${TRANSLATION_RULES.minAlternates} alternates`,
    ),
  /** Pages in this language, in addition to the English entry's sources. */
  sources: z.array(sourceUrl).optional(),
  translated_from: z
    .string()
    .regex(
      FINGERPRINT,
      "must be the English entry's fingerprint (8 hex digits; see faq:check -- --gaps LANG)",
    ),
});

const categoryNamesSchema = z.array(
  z.strictObject({ id: z.string().regex(KEBAB_CASE), title: text, description: text }),
);

/**
 * What identifies the version of an English entry a translation was made from: a hash of its
 * question and answer, the text a translation carries over.
 */
export function entryFingerprint(entry: Pick<FaqEntry, "question" | "answer">): string {
  return createHash("sha256")
    .update(entry.question)
    .update("\n")
    .update(entry.answer)
    .digest("hex")
    .slice(0, 8);
}

/**
 * YAML reads an unquoted fingerprint such as `12345678` as a number and `1234e567` as a float:
 * a translator copies it as faq:check prints it, so it is taken as text.
 */
function quoteFingerprint(content: string): string {
  return content.replace(/^translated_from:[ \t]*([0-9a-f]{8})[ \t]*$/m, 'translated_from: "$1"');
}

/** The English edition's parts that translations are checked against. */
interface SourceEdition {
  readonly entries: readonly FaqEntry[];
  readonly categories: readonly Category[];
  readonly outOfScope: readonly OutOfScopeTopic[];
  readonly services: ServiceNames;
}

/**
 * Every language's edition (only languages with at least one current translated entry) and the
 * translations that are missing or stale. Malformed files are `problems`, as in English.
 */
export function parseTranslations(
  files: ReadonlyMap<string, string>,
  source: SourceEdition,
  problems: Problem[],
): {
  editions: Map<Language, Omit<Edition, "version">>;
  gaps: TranslationGap[];
} {
  const editions = new Map<Language, Omit<Edition, "version">>();
  const gaps: TranslationGap[] = [];
  const english = new Map(source.entries.map((entry) => [entry.id, entry]));
  for (const language of TRANSLATED_LANGUAGES) {
    const folder = `${language}/`;
    const translated = new Map<string, FaqEntry>();
    for (const [name, content] of files) {
      if (!name.startsWith(folder) || !name.endsWith(".md")) continue;
      const entry = parseTranslatedEntry(name, content, english, problems);
      if (entry === undefined) continue;
      if (entry.fresh) translated.set(entry.entry.id, entry.entry);
      else gaps.push(gap(language, entry.entry.id, english, "stale"));
    }
    for (const id of english.keys())
      if (!translated.has(id) && !gaps.some((g) => g.language === language && g.id === id)) {
        const parsedButInvalid = files.has(`${folder}${id}.md`);
        if (!parsedButInvalid) gaps.push(gap(language, id, english, "missing"));
      }
    if (translated.size === 0) continue;

    const entries = source.entries.flatMap((entry) => translated.get(entry.id) ?? []);
    const outOfScope =
      parseYamlFile(files, `${folder}${OUT_OF_SCOPE_FILE}`, outOfScopeSchema, problems, false) ??
      [];
    checkPhrasings(language, entries, outOfScope, folder, problems);
    checkOtherServicesTopic(source.services, outOfScope, `${folder}${OUT_OF_SCOPE_FILE}`, problems);
    checkNotCoveredTopics(source.outOfScope, outOfScope, `${folder}${OUT_OF_SCOPE_FILE}`, problems);
    const thesaurusRecord =
      parseYamlFile(files, `${folder}${THESAURUS_FILE}`, thesaurusSchema, problems, false) ?? {};
    editions.set(language, {
      language,
      entries,
      categories: translatedCategories(files, folder, source.categories, problems),
      thesaurus: checkThesaurus(thesaurusRecord, language, `${folder}${THESAURUS_FILE}`, problems),
      outOfScope,
      services: source.services,
    });
  }
  return { editions, gaps };
}

function gap(
  language: Language,
  id: string,
  english: ReadonlyMap<string, FaqEntry>,
  reason: TranslationGap["reason"],
): TranslationGap {
  return { language, id, reason, fingerprint: entryFingerprint(english.get(id)!) };
}

function parseTranslatedEntry(
  name: string,
  content: string,
  english: ReadonlyMap<string, FaqEntry>,
  problems: Problem[],
): { entry: FaqEntry; fresh: boolean } | undefined {
  const parsed = parseMarkdownFile(name, quoteFingerprint(content), translationSchema, problems);
  if (parsed === undefined) return undefined;
  const { data, body: answer } = parsed;
  const fileId = name.slice(name.indexOf("/") + 1, -".md".length);
  const original = english.get(fileId);
  let ok = true;
  const fail = (field: string, message: string) => {
    problems.push({ file: name, field, message });
    ok = false;
  };
  if (data.id !== fileId) fail("id", `"${data.id}" must equal the file name (${fileId}.md)`);
  if (original === undefined) fail("id", `there is no English entry ${fileId}.md to translate`);
  const { minAnswerLength, maxAnswerLength } = TRANSLATION_RULES;
  if (answer.length < minAnswerLength || answer.length > maxAnswerLength) {
    fail(
      "answer",
      `is ${answer.length} characters; translated answers must be ${minAnswerLength}-${maxAnswerLength}`,
    );
  }
  if (!ok || original === undefined) return undefined;
  const entry: FaqEntry = {
    ...original,
    question: data.question,
    short: data.short,
    alternates: data.alternates,
    sources: [...original.sources, ...(data.sources ?? [])],
    answer,
  };
  if (!checkTelegramLength(name, entry, problems)) return undefined;
  return { entry, fresh: data.translated_from === entryFingerprint(original) };
}

/** The language's category names, in the English order; every English category needs one. */
function translatedCategories(
  files: ReadonlyMap<string, string>,
  folder: string,
  english: readonly Category[],
  problems: Problem[],
): Category[] {
  const file = `${folder}${CATEGORIES_FILE}`;
  const names = parseYamlFile(files, file, categoryNamesSchema, problems) ?? [];
  const byId = new Map(names.map((category) => [category.id, category]));
  const known = new Set(english.map((category) => category.id));
  for (const category of names)
    if (!known.has(category.id))
      problems.push({
        file,
        field: category.id,
        message: "is not a category of the English edition",
      });
  return english.map((category) => {
    const name = byId.get(category.id);
    if (name === undefined && names.length > 0)
      problems.push({ file, field: category.id, message: "has no translated title" });
    return name ?? category;
  });
}
