/**
 * Every text the service shows people, in every language it speaks: the outcome of a question,
 * the bot's messages and buttons, the web page's words. One catalog per language, each checked
 * by the compiler to have every text (`locales/<language>.ts`). Texts are plain; channels
 * escape them for their format.
 */
import type { Language } from "../text/languages.js";
import type { Messages } from "./catalog.js";
import { en } from "./locales/en.js";

export type { Messages } from "./catalog.js";

const CATALOGS: Partial<Record<Language, Messages>> = { en };

/** The texts of `language` (English for a language whose catalog is not written yet). */
export function messagesFor(language: Language): Messages {
  return CATALOGS[language] ?? en;
}
