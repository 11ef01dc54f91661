/**
 * The page's language for a request: `?lang=` (explicit) > the `lang` cookie the switcher leaves
 * (a remembered choice) > `Accept-Language` > English. A question's page follows its reply's
 * language instead (the answering service weighs the same hints with the question's text).
 */
import type { LanguageHints } from "../../answering/language.js";
import { replyLanguageOf } from "../../answering/language.js";
import { CATALOG_LANGUAGES } from "../../i18n/messages.js";
import { type Language, LANGUAGES, languageOfTag } from "../../text/languages.js";

/** The cookie that remembers a language chosen on the page (a preference, not personal data). */
export const LANGUAGE_COOKIE = "lang";
/** A year, in seconds. */
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** The languages the page can be shown in: those with written texts, in the usual order. */
export const PAGE_LANGUAGES: readonly Language[] = LANGUAGES.filter((language) =>
  CATALOG_LANGUAGES.includes(language),
);

const offered = (language: Language) => PAGE_LANGUAGES.includes(language);

/**
 * A `lang` value from a link, a form or a cookie: a language the page speaks ("es", "pt-BR"),
 * else undefined (missing, given twice, unsupported or garbage: the page then ignores it).
 */
export function pageLanguageOf(value: unknown): Language | undefined {
  if (typeof value !== "string" || value.length > 35) return undefined;
  const language = languageOfTag(value);
  return language !== undefined && offered(language) ? language : undefined;
}

/** The `lang` cookie's language, if it names one the page speaks. */
export function cookieLanguage(header: string | undefined): Language | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(";")) {
    const [name, ...value] = part.split("=");
    if (name?.trim() === LANGUAGE_COOKIE) return pageLanguageOf(value.join("=").trim());
  }
  return undefined;
}

/** What a request says about its reader's language: the answering service's hints, checked. */
export interface RequestLanguage extends LanguageHints {
  /** `?lang=` (or a form's `lang`). */
  readonly explicit?: Language;
  /** The remembered choice (cookie). */
  readonly chosen?: Language;
  /** The `Accept-Language` header. */
  readonly client?: string;
}

/** The page's language when no question decides it. */
export function defaultLanguageOf(request: RequestLanguage): Language {
  return replyLanguageOf(request, offered);
}

/**
 * Whether an explicit `?lang=` should be remembered: it differs from what the request would get
 * without it (its cookie, else Accept-Language, else English). Choosing the language one already
 * gets leaves no cookie.
 */
export function languageToRemember(request: RequestLanguage): Language | undefined {
  const { explicit } = request;
  if (explicit === undefined) return undefined;
  return explicit === defaultLanguageOf({ ...request, explicit: undefined }) ? undefined : explicit;
}

/** The `Set-Cookie` value that remembers a language. */
export function languageCookie(language: Language, secure: boolean): string {
  return `${LANGUAGE_COOKIE}=${language}; Path=/; Max-Age=${LANGUAGE_COOKIE_MAX_AGE}; SameSite=Lax; HttpOnly${secure ? "; Secure" : ""}`;
}
