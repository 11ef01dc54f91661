import { createHash } from "node:crypto";
import { CORE_SCHEMA, load as loadYaml } from "js-yaml";
import { z } from "zod";
import { normalizeText } from "../text/normalize.js";
import { formatEntryForTelegram } from "../render/answer.js";
import { TELEGRAM_MESSAGE_LIMIT } from "../render/telegram-html.js";
import { KnowledgeBaseError, type Problem } from "./errors.js";
import { CATEGORIES_FILE, readKnowledgeBaseFiles, THESAURUS_FILE } from "./files.js";
import type { Category, FaqEntry, KnowledgeBase, ThesaurusGroup } from "./types.js";

export { KnowledgeBaseError, type Problem } from "./errors.js";
export { CATEGORIES_FILE, THESAURUS_FILE } from "./files.js";

/** Limits an entry must respect; exported so tests and docs quote the same numbers. */
export const ENTRY_RULES = {
  minAlternates: 6,
  minAnswerLength: 300,
  maxAnswerLength: 900,
  maxShortLength: 32,
} as const;

const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const text = z.string().trim().min(1, "must not be empty");

const frontMatterSchema = z.strictObject({
  id: z.string().regex(KEBAB_CASE, "must be kebab-case (a-z, 0-9 and single hyphens)"),
  question: text,
  short: text
    .max(ENTRY_RULES.maxShortLength, `must be at most ${ENTRY_RULES.maxShortLength} characters`)
    .optional(),
  alternates: z
    .array(text)
    .min(ENTRY_RULES.minAlternates, `needs at least ${ENTRY_RULES.minAlternates} alternates`),
  category: text,
  tags: z.array(text).min(1, "needs at least one tag"),
  related: z.array(z.string().regex(KEBAB_CASE, "must be an entry id")),
  sources: z
    .array(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }))
    .min(1, "needs at least one source URL"),
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

const thesaurusSchema = z.record(z.string(), z.array(text).min(1, "needs at least one synonym"));
const CANONICAL_WORD = /^[a-z0-9]+$/;

/** Loads and validates every file of the knowledge base; throws {@link KnowledgeBaseError}. */
export async function loadKnowledgeBase(dir: string): Promise<KnowledgeBase> {
  return parseKnowledgeBase(await readKnowledgeBaseFiles(dir));
}

/**
 * Validates a knowledge base given as file name -> content (pure, so tests need no disk).
 * Collects every problem before failing, so one run of `faq:check` shows them all.
 */
export function parseKnowledgeBase(files: ReadonlyMap<string, string>): KnowledgeBase {
  const problems: Problem[] = [];
  const categories = parseYamlFile(files, CATEGORIES_FILE, categoriesSchema, problems) ?? [];
  const thesaurusRecord = parseYamlFile(files, THESAURUS_FILE, thesaurusSchema, problems) ?? {};
  const thesaurus = checkThesaurus(thesaurusRecord, problems);

  const entries: FaqEntry[] = [];
  for (const [name, content] of files) {
    if (!name.endsWith(".md")) continue;
    const entry = parseEntry(name, content, problems);
    if (entry) entries.push(entry);
  }
  if (entries.length === 0 && problems.length === 0) {
    problems.push({ file: "faq/", message: "contains no FAQ entries (*.md)" });
  }
  // Links are checked against every entry file, valid or not: one broken entry is reported once,
  // not again by every entry that links to it.
  const entryIds = new Set(
    [...files.keys()].filter((name) => name.endsWith(".md")).map((name) => name.slice(0, -3)),
  );
  checkCrossReferences(entries, entryIds, categories, problems);

  if (problems.length > 0) throw new KnowledgeBaseError(problems);
  const hash = createHash("sha256");
  for (const [name, content] of [...files].sort(([a], [b]) => a.localeCompare(b))) {
    hash.update(name).update("\0").update(content).update("\0");
  }
  return {
    entries,
    categories,
    thesaurus,
    version: hash.digest("hex").slice(0, 12),
  };
}

function parseYamlFile<T>(
  files: ReadonlyMap<string, string>,
  name: string,
  schema: z.ZodType<T>,
  problems: Problem[],
): T | undefined {
  const content = files.get(name);
  if (content === undefined) {
    problems.push({ file: name, message: "file is missing" });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYaml(content);
  } catch (error) {
    problems.push({ file: name, message: `malformed YAML: ${firstLine(error)}` });
    return undefined;
  }
  const result = schema.safeParse(data);
  if (!result.success) {
    for (const issue of result.error.issues) {
      problems.push({
        file: name,
        field: issue.path.join(".") || undefined,
        message: issue.message,
      });
    }
    return undefined;
  }
  return result.data;
}

function parseEntry(name: string, content: string, problems: Problem[]): FaqEntry | undefined {
  let parsed: { data: unknown; content: string };
  try {
    parsed = splitFrontMatter(content);
  } catch (error) {
    problems.push({ file: name, message: `malformed front matter: ${firstLine(error)}` });
    return undefined;
  }
  const result = frontMatterSchema.safeParse(parsed.data ?? {});
  if (!result.success) {
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        problems.push({
          file: name,
          field: issue.keys.join(", "),
          message: "unknown field (check the spelling)",
        });
      } else {
        problems.push({
          file: name,
          field: issue.path.length > 0 ? issue.path.join(".") : "front matter",
          message: readable(issue),
        });
      }
    }
    return undefined;
  }
  const data = result.data;
  const answer = parsed.content.trim();
  let ok = true;
  const fail = (field: string, message: string) => {
    problems.push({ file: name, field, message });
    ok = false;
  };
  if (`${data.id}.md` !== name) fail("id", `"${data.id}" must equal the file name (${name})`);
  if (answer.length < ENTRY_RULES.minAnswerLength || answer.length > ENTRY_RULES.maxAnswerLength) {
    fail(
      "answer",
      `is ${answer.length} characters; answers must be ${ENTRY_RULES.minAnswerLength}-${ENTRY_RULES.maxAnswerLength}`,
    );
  }
  const entry: FaqEntry = { ...data, answer };
  const telegramLength = formatEntryForTelegram(entry).length;
  if (telegramLength > TELEGRAM_MESSAGE_LIMIT) {
    fail(
      "answer",
      `formatted for Telegram it is ${telegramLength} characters, over the ${TELEGRAM_MESSAGE_LIMIT} limit of one message`,
    );
  }
  return ok ? entry : undefined;
}

function checkCrossReferences(
  entries: readonly FaqEntry[],
  entryIds: ReadonlySet<string>,
  categories: readonly Category[],
  problems: Problem[],
): void {
  const ids = new Map<string, string>();
  const phrasings = new Map<string, string>();
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
    for (const phrasing of [entry.question, ...entry.alternates]) {
      const key = normalizeText(phrasing);
      const owner = phrasings.get(key);
      if (owner !== undefined && owner !== entry.id) {
        problems.push({
          file,
          field: "alternates",
          message: `"${phrasing}" collides with a phrasing of ${owner}`,
        });
      } else if (owner === entry.id) {
        problems.push({ file, field: "alternates", message: `"${phrasing}" is repeated` });
      }
      phrasings.set(key, entry.id);
    }
  }
  for (const entry of entries) {
    for (const related of entry.related) {
      if (!entryIds.has(related)) {
        problems.push({
          file: `${entry.id}.md`,
          field: "related",
          message: `"${related}" is not an existing entry id`,
        });
      } else if (related === entry.id) {
        problems.push({
          file: `${entry.id}.md`,
          field: "related",
          message: "an entry cannot be related to itself",
        });
      }
    }
  }
}

function checkThesaurus(record: Record<string, string[]>, problems: Problem[]): ThesaurusGroup[] {
  const owners = new Map<string, string>();
  const groups: ThesaurusGroup[] = [];
  for (const [canonical, synonyms] of Object.entries(record)) {
    if (!CANONICAL_WORD.test(canonical)) {
      problems.push({
        file: THESAURUS_FILE,
        field: canonical,
        message: "canonical words are single lower-case words (a-z, 0-9)",
      });
    }
    for (const synonym of [canonical, ...synonyms]) {
      const key = normalizeText(synonym);
      if (key === "") {
        problems.push({
          file: THESAURUS_FILE,
          field: canonical,
          message: `"${synonym}" has no letters or digits`,
        });
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner !== canonical) {
        problems.push({
          file: THESAURUS_FILE,
          field: canonical,
          message: `"${synonym}" is also a synonym of "${owner}"`,
        });
      }
      owners.set(key, canonical);
    }
    groups.push({ canonical, synonyms });
  }
  return groups;
}

const FRONT_MATTER = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---[ \t]*(?:\r?\n|$)/;

/**
 * Splits a Markdown file into its YAML front matter and body. (A regular expression and
 * js-yaml do what gray-matter did here, without its 70 ms of start-up.)
 */
function splitFrontMatter(content: string): { data: unknown; content: string } {
  const match = FRONT_MATTER.exec(content);
  if (match === null)
    throw new Error("no front matter (start the file with a --- line, end it with another)");
  return { data: parseYaml(match[1]!), content: content.slice(match[0].length) };
}

/** YAML's core schema: dates stay text ("2026-11-29"), as the schema expects. */
function parseYaml(source: string): unknown {
  return loadYaml(source, { schema: CORE_SCHEMA });
}

/** Zod's wording for a missing field is "expected string, received undefined": say it plainly. */
function readable(issue: z.core.$ZodIssue): string {
  return issue.code === "invalid_type" && /received undefined/.test(issue.message)
    ? "is required"
    : issue.message;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "unknown error";
}
