import {
  type Edition,
  type FaqEntry,
  OTHER_SERVICES_TOPIC,
  type OutOfScopeTopic,
} from "../faq/types.js";

/** Names this long or longer also match as the start of a word. */
const PREFIX_LENGTH = 5;

/**
 * Who a question is about, by the names in it (`faq/services.yaml`). Words alone cannot tell
 * "snapchat account hacked" from "whatsapp account hacked": both read as the hacked-account
 * entry. The name can: a question that names another service and not WhatsApp is about that
 * service, unless the entry it would get names that service too ("is telegram safer").
 */
export class OtherServices {
  /** The out-of-scope topic such a question is declined as. */
  readonly topic: OutOfScopeTopic;
  readonly #whatsapp: ReadonlySet<string>;
  /** WhatsApp's names of {@link PREFIX_LENGTH}+ letters: a word starting with one names it. */
  readonly #whatsappPrefixes: readonly string[];
  /** The first letters of those, to skip the prefix test for most words. */
  readonly #prefixStarts: string;
  /** Each other service's names -> the first of them, so "insta" and "instagram" are one service. */
  readonly #others: ReadonlyMap<string, string>;
  readonly #words: (text: string) => string[];
  /**
   * Entry id -> the other services its texts (question, alternates, tags, answer) name, read on
   * first need: reading every entry's texts at build time cost ~25 ms of every start.
   */
  readonly #namedBy = new Map<string, ReadonlySet<string>>();

  private constructor(
    topic: OutOfScopeTopic,
    whatsapp: ReadonlySet<string>,
    others: ReadonlyMap<string, string>,
    words: (text: string) => string[],
  ) {
    this.topic = topic;
    this.#whatsapp = whatsapp;
    this.#whatsappPrefixes = [...whatsapp].filter((name) => name.length >= PREFIX_LENGTH);
    this.#prefixStarts = [...new Set(this.#whatsappPrefixes.map((name) => name[0]))].join("");
    this.#others = others;
    this.#words = words;
  }

  /**
   * Reads the edition's names with its language's `words` (normalisation as for questions).
   * Undefined when the edition lists no other services or lacks the topic to decline them as.
   */
  static of(edition: Edition, words: (text: string) => string[]): OtherServices | undefined {
    const topic = edition.outOfScope.find((t) => t.id === OTHER_SERVICES_TOPIC);
    if (topic === undefined || edition.services.others.length === 0) return undefined;
    const oneWord = (names: readonly string[]) =>
      new Set(names.map(words).flatMap((found) => (found.length === 1 ? found : [])));
    const whatsapp = oneWord(edition.services.whatsapp);
    const others = new Map<string, string>();
    for (const service of edition.services.others) {
      const names = [...oneWord(typeof service === "string" ? [service] : service)];
      for (const name of names) if (!others.has(name)) others.set(name, names[0]!);
    }
    return new OtherServices(topic, whatsapp, others, words);
  }

  /**
   * The other services a question (its normalised words) names, each by its first name in
   * `faq/services.yaml`, when it names no WhatsApp; undefined when it names none or names WhatsApp.
   */
  namedIn(words: readonly string[]): string[] | undefined {
    let named: string[] | undefined;
    for (const word of words) {
      if (this.#whatsapp.has(word) || this.#startsWithWhatsApp(word)) return undefined;
      const service = this.#others.get(word);
      if (service !== undefined) (named ??= []).push(service);
    }
    return named;
  }

  /** "whatsappta", "whatsappgruppe": suffixes and compounds of WhatsApp's longer names. */
  #startsWithWhatsApp(word: string): boolean {
    if (word.length <= PREFIX_LENGTH || !this.#prefixStarts.includes(word[0]!)) return false;
    for (const name of this.#whatsappPrefixes) if (word.startsWith(name)) return true;
    return false;
  }

  /** Whether the entry's own texts name one of `services`: then it is about them too. */
  entryNames(entry: FaqEntry, services: readonly string[]): boolean {
    const named = this.#namedBy.get(entry.id) ?? this.#read(entry);
    return services.some((service) => named.has(service));
  }

  #read(entry: FaqEntry): ReadonlySet<string> {
    const named = new Set<string>();
    for (const text of [entry.question, ...entry.alternates, ...entry.tags, entry.answer])
      for (const word of this.#words(text)) {
        const service = this.#others.get(word);
        if (service !== undefined) named.add(service);
      }
    this.#namedBy.set(entry.id, named);
    return named;
  }
}
