/**
 * The languages the service answers in. English is the knowledge base's own language; every
 * other one is a translation of it (see `faq/<language>/`).
 */
export const LANGUAGES = ["en", "es", "pt", "de", "fr", "hi", "tr", "id"] as const;

/** A supported language, as its ISO 639-1 code (also its BCP 47 tag). */
export type Language = (typeof LANGUAGES)[number];

/** The knowledge base's own language, and what an unsupported language is answered in. */
export const SOURCE_LANGUAGE: Language = "en";

/** Languages other than {@link SOURCE_LANGUAGE}: the ones with translations. */
export const TRANSLATED_LANGUAGES: readonly Language[] = LANGUAGES.filter(
  (language) => language !== SOURCE_LANGUAGE,
);

/** Each language's name in itself, for menus and switchers. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: "English",
  es: "Español",
  pt: "Português (Brasil)",
  de: "Deutsch",
  fr: "Français",
  hi: "हिन्दी",
  tr: "Türkçe",
  id: "Bahasa Indonesia",
};

const SUPPORTED: ReadonlySet<string> = new Set(LANGUAGES);

export function isLanguage(value: string): value is Language {
  return SUPPORTED.has(value);
}

/**
 * The supported language a BCP 47 tag names ("pt-BR" -> pt, "hi-Latn" -> hi, "EN_us" -> en),
 * or undefined for any other tag.
 */
export function languageOfTag(tag: string | undefined): Language | undefined {
  if (tag === undefined) return undefined;
  const primary = tag.trim().toLowerCase().split(/[-_]/, 1)[0] ?? "";
  return isLanguage(primary) ? primary : undefined;
}
