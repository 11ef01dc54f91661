/**
 * The rules every edition of the knowledge base is checked by, English and translations alike:
 * limits, shared field schemas, and the checks that need a language's own analysis.
 */
import { z } from "zod";
import { formatEntryForTelegram } from "../render/answer.js";
import { TELEGRAM_MESSAGE_LIMIT } from "../render/telegram-html.js";
import { analysisFor } from "../text/analysis.js";
import { type Language, LANGUAGES, SOURCE_LANGUAGE } from "../text/languages.js";
import type { Problem } from "./errors.js";
import { OUT_OF_SCOPE_FILE, SERVICES_FILE } from "./files.js";
import {
  type FaqEntry,
  OTHER_SERVICES_TOPIC,
  type OutOfScopeTopic,
  type ServiceNames,
  type ThesaurusGroup,
} from "./types.js";

/** Limits an entry must respect; exported so tests and docs quote the same numbers. */
export const ENTRY_RULES = {
  minAlternates: 8,
  minAnswerLength: 300,
  maxAnswerLength: 900,
  maxShortLength: 32,
  minOutOfScopePhrasings: 3,
} as const;

export const KEBAB_CASE = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const text = z.string().trim().min(1, "must not be empty");

/** A source must be the page an answer is based on, never just a site's home page. */
export const sourceUrl = z
  .url({ protocol: /^https?$/, error: "must be an http(s) URL" })
  .refine(
    (url) => URL.canParse(url) && new URL(url).pathname.replace(/\/+$/, "") !== "",
    "is only a site's home page: cite the specific page the answer is based on",
  );

export const shortTitle = text.max(
  ENTRY_RULES.maxShortLength,
  `must be at most ${ENTRY_RULES.maxShortLength} characters`,
);

export const thesaurusSchema = z.record(
  z.string(),
  z.array(text).min(1, "needs at least one synonym"),
);

export const outOfScopeSchema = z.array(
  z.strictObject({
    id: z.string().regex(KEBAB_CASE, "must be kebab-case"),
    reason: z.enum(["not-privacy", "not-covered"]).default("not-privacy"),
    phrasings: z
      .array(text)
      .min(
        ENTRY_RULES.minOutOfScopePhrasings,
        `needs at least ${ENTRY_RULES.minOutOfScopePhrasings} phrasings`,
      ),
  }),
);

/** `services.yaml`: WhatsApp's names and other services' (see `ServiceNames`). */
export const servicesSchema = z.strictObject({
  whatsapp: z.array(text).min(1, "needs at least one name"),
  others: z.array(z.union([text, z.array(text).min(2, "a list of names needs at least two")])),
  accounts: z
    .array(z.union([text, z.array(text).min(2, "a list of names needs at least two")]))
    .default([]),
  whatsappThings: z.partialRecord(z.enum(LANGUAGES), z.array(text)).default({}),
});

/**
 * A problem for a WhatsApp name that is not one word once normalised (they are matched word by
 * word, and as the start of a longer word), for another service's name with no word at all, and
 * for a name in both lists. Each engine reads the names with its own language's analysis.
 */
export function checkServiceNames(names: ServiceNames, file: string, problems: Problem[]): void {
  const { words } = analysisFor(SOURCE_LANGUAGE);
  const whatsapp = new Set(
    names.whatsapp.flatMap((name) => {
      const found = words(name);
      if (found.length === 1) return found;
      problems.push({
        file,
        field: "whatsapp",
        message: `"${name}" must be one word: WhatsApp's names are matched word by word`,
      });
      return [];
    }),
  );
  for (const field of ["others", "accounts"] as const) {
    for (const name of names[field].flat()) {
      const found = words(name);
      const whatsappName = found.find((word) => whatsapp.has(word));
      if (found.length === 0)
        problems.push({ file, field, message: `"${name}" has no word to match` });
      else if (whatsappName !== undefined)
        problems.push({
          file,
          field,
          message: `"${name}" names WhatsApp ("${whatsappName}"), so it can never name another service`,
        });
    }
  }
  // A thing is read one word at a time: a phrase would make each of its words a thing ("de").
  for (const [language, things] of Object.entries(names.whatsappThings) as [Language, string[]][]) {
    const { words: wordsOf } = analysisFor(language);
    for (const thing of things)
      if (wordsOf(thing).length !== 1)
        problems.push({
          file,
          field: `whatsappThings.${language}`,
          message: `"${thing}" must be one word: things are read a word at a time`,
        });
  }
}

/** A problem when `services` lists other services but `outOfScope` lacks the topic to decline them as. */
export function checkOtherServicesTopic(
  services: ServiceNames,
  outOfScope: readonly OutOfScopeTopic[],
  file: string,
  problems: Problem[],
): void {
  if (
    services.others.length + services.accounts.length > 0 &&
    !outOfScope.some((t) => t.id === OTHER_SERVICES_TOPIC)
  )
    problems.push({
      file,
      message: `needs the topic "${OTHER_SERVICES_TOPIC}": ${SERVICES_FILE} declines questions about other services as it`,
    });
}

/**
 * A problem for every not-covered topic of English's that a translation lacks: the honest "I don't
 * have an answer for that" must not depend on the language a question is asked in.
 */
export function checkNotCoveredTopics(
  english: readonly OutOfScopeTopic[],
  outOfScope: readonly OutOfScopeTopic[],
  file: string,
  problems: Problem[],
): void {
  const present = new Set(outOfScope.filter((t) => t.reason === "not-covered").map((t) => t.id));
  for (const topic of english)
    if (topic.reason === "not-covered" && !present.has(topic.id))
      problems.push({
        file,
        field: topic.id,
        message: `lacks the not-covered topic "${topic.id}" that English's ${OUT_OF_SCOPE_FILE} has`,
      });
}

/** Records a problem when the entry, formatted for Telegram, would not fit one message. */
export function checkTelegramLength(file: string, entry: FaqEntry, problems: Problem[]): boolean {
  const length = formatEntryForTelegram(entry).length;
  if (length <= TELEGRAM_MESSAGE_LIMIT) return true;
  problems.push({
    file,
    field: "answer",
    message: `formatted for Telegram it is ${length} characters, over the ${TELEGRAM_MESSAGE_LIMIT} limit of one message`,
  });
  return false;
}

/**
 * No phrasing (a question, an alternate, an out-of-scope phrasing) may read the same as another
 * of the same language once normalised: the engine could not tell its owners apart.
 * `folder` is "" for English, "es/" for Spanish and so on.
 */
export function checkPhrasings(
  language: Language,
  entries: readonly Pick<FaqEntry, "id" | "question" | "alternates">[],
  outOfScope: readonly OutOfScopeTopic[],
  folder: string,
  problems: Problem[],
): void {
  const { words } = analysisFor(language);
  const owners = new Map<string, string>();
  const claim = (file: string, field: string, owner: string, phrasing: string) => {
    const key = words(phrasing).join(" ");
    const other = owners.get(key);
    if (other !== undefined && other !== owner) {
      problems.push({ file, field, message: `"${phrasing}" collides with a phrasing of ${other}` });
    } else if (other === owner) {
      problems.push({ file, field, message: `"${phrasing}" is repeated` });
    }
    owners.set(key, owner);
  };
  for (const entry of entries)
    for (const phrasing of [entry.question, ...entry.alternates])
      claim(`${folder}${entry.id}.md`, "alternates", entry.id, phrasing);
  for (const topic of outOfScope)
    for (const phrasing of topic.phrasings)
      claim(`${folder}${OUT_OF_SCOPE_FILE}`, topic.id, `out-of-scope topic ${topic.id}`, phrasing);
}

/** The thesaurus's groups, with a problem for every word that belongs to two groups. */
export function checkThesaurus(
  record: Record<string, string[]>,
  language: Language,
  file: string,
  problems: Problem[],
): ThesaurusGroup[] {
  const { words } = analysisFor(language);
  const owners = new Map<string, string>();
  const groups: ThesaurusGroup[] = [];
  for (const [canonical, synonyms] of Object.entries(record)) {
    const canonicalWords = words(canonical);
    if (canonicalWords.length !== 1 || canonicalWords[0] !== canonical) {
      problems.push({
        file,
        field: canonical,
        message: "canonical words are single lower-case words without punctuation",
      });
    }
    for (const synonym of [canonical, ...synonyms]) {
      const key = words(synonym).join(" ");
      if (key === "") {
        problems.push({ file, field: canonical, message: `"${synonym}" has no letters or digits` });
        continue;
      }
      const owner = owners.get(key);
      if (owner !== undefined && owner !== canonical) {
        problems.push({
          file,
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
