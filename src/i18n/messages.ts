/**
 * Every text the service shows people, in every language it speaks: the outcome of a question,
 * the bot's messages and buttons, the web page's words. One catalog per language, each checked
 * by the compiler to have every text (`locales/<language>.ts`).
 */
import type { Language } from "../text/languages.js";
import type { Messages } from "./catalog.js";
import { de } from "./locales/de.js";
import { en } from "./locales/en.js";
import { es } from "./locales/es.js";
import { fr } from "./locales/fr.js";
import { hi } from "./locales/hi.js";
import { id } from "./locales/id.js";
import { pt } from "./locales/pt.js";
import { tr } from "./locales/tr.js";

export type { Messages } from "./catalog.js";

const CATALOGS: Readonly<Partial<Record<Language, Messages>>> = { en, es, pt, de, fr, hi, tr, id };

/** The languages whose texts are written (the others fall back to English). */
export const CATALOG_LANGUAGES = Object.keys(CATALOGS) as Language[];

/** The texts of `language` (English where its catalog is not written yet). */
export function messagesFor(language: Language): Messages {
  return CATALOGS[language] ?? en;
}
