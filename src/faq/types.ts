import type { Language } from "../text/languages.js";

/** One FAQ entry: a Markdown file in `faq/` with YAML front matter (or its translation). */
export interface FaqEntry {
  /** Kebab-case id, equal to the file name without `.md`, the same in every language. */
  readonly id: string;
  /** The canonical question. */
  readonly question: string;
  /** A few words naming the entry on buttons and in lists ("Hacked account"). */
  readonly short: string;
  /** Other ways people ask the same thing. */
  readonly alternates: readonly string[];
  /** Category id, one of `faq/categories.yaml`. */
  readonly category: string;
  readonly tags: readonly string[];
  /** Ids of entries worth reading next. */
  readonly related: readonly string[];
  /** Public URLs the answer is based on. */
  readonly sources: readonly string[];
  /** Date the answer was last checked against its sources (YYYY-MM-DD). */
  readonly reviewed: string;
  /** The answer, in Markdown. */
  readonly answer: string;
}

/** One group of the domain thesaurus: every synonym (word or phrase) is read as `canonical`. */
export interface ThesaurusGroup {
  readonly canonical: string;
  readonly synonyms: readonly string[];
}

/** A topic that groups entries, for browsing. */
export interface Category {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

/**
 * A kind of WhatsApp question that is not about privacy or security (changing number, stickers,
 * media not downloading). A question that reads most like one is declined politely rather than
 * answered with the privacy entry that shares a few of its words.
 */
export interface OutOfScopeTopic {
  readonly id: string;
  /**
   * `not-privacy` (the default): not about privacy or security, declined politely.
   * `not-covered`: a privacy question this knowledge base knowingly has no entry for (quantum
   * computing, compliance certificates, payments): "I don't have an answer for that".
   */
  readonly reason: "not-privacy" | "not-covered";
  readonly phrasings: readonly string[];
}

/**
 * Who a question is about, by the names in it (`faq/services.yaml`, shared by every language:
 * brand names do not change with it). A question that names one of `others` and none of
 * `whatsapp` is about that service ("snapchat account hacked", "upi pin bhool gaya"): it is
 * declined as the out-of-scope topic {@link OTHER_SERVICES_TOPIC} unless the entry it would get
 * names that service itself in its question, alternates or tags ("is telegram safer", "google
 * drive backup").
 */
export interface ServiceNames {
  /** WhatsApp's own names as people write them ("whatsapp", "wa", "zap", "व्हाट्सएप"). */
  readonly whatsapp: readonly string[];
  /**
   * Other apps, services, banks and devices ("instagram", "gmail", "upi", "iphone"). A list is one
   * service's names ("instagram", "insta", "akun ig"): an entry that names it by any of them is
   * about it. A name of several words is matched as those words in a row.
   */
  readonly others: readonly (string | readonly string[])[];
  /**
   * Another service's account, named in several words ("facebook account", "conta do face",
   * "gmail hesabım"), in lists of one service's names like `others`. Such a question is about that
   * service only when it also names none of WhatsApp's things ({@link whatsappThings}): "my
   * facebook account got disabled" is Facebook's question, "my facebook account was hacked, can
   * they read my chats" a WhatsApp one.
   */
  readonly accounts: readonly (string | readonly string[])[];
  /**
   * Per language, one-word names of what people have on WhatsApp (chats, messages, their number,
   * groups, a backup, a code, their data). Each is read as the question's words are, one word at a
   * time (stemmed, one-word synonyms resolved, never spelling-corrected), so one form covers the
   * inflections the language's stemmer folds. A language without a list reads no account as
   * another service's.
   */
  readonly whatsappThings: Readonly<Partial<Record<Language, readonly string[]>>>;
}

/** The out-of-scope topic a question about another service is declined as. */
export const OTHER_SERVICES_TOPIC = "other-apps";

/** The knowledge base in one language: what one answer engine is built from. */
export interface Edition {
  readonly language: Language;
  /** The entries available in this language (a translation may lack stale or missing ones). */
  readonly entries: readonly FaqEntry[];
  readonly categories: readonly Category[];
  readonly thesaurus: readonly ThesaurusGroup[];
  readonly outOfScope: readonly OutOfScopeTopic[];
  readonly services: ServiceNames;
  /** Short content hash of the whole knowledge base (every file, every language). */
  readonly version: string;
}

/** Why a translated entry is not served (the English entry is served in its place). */
export interface TranslationGap {
  readonly language: Language;
  readonly id: string;
  /** `missing`: no file; `stale`: made from an older version of the English entry. */
  readonly reason: "missing" | "stale";
  /** The English entry's current {@link entryFingerprint}, for the translator. */
  readonly fingerprint: string;
}

/** Everything loaded from `faq/`, validated and immutable: the English edition and translations. */
export interface KnowledgeBase extends Edition {
  /** Every other language's edition, by language (entries only where the translation is current). */
  readonly translations: ReadonlyMap<Language, Edition>;
  /** Translations missing or made from an older English entry: `faq:check` fails on them. */
  readonly translationGaps: readonly TranslationGap[];
}
