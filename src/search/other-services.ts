import {
  type Edition,
  type FaqEntry,
  OTHER_SERVICES_TOPIC,
  type OutOfScopeTopic,
} from "../faq/types.js";
import { addPhrase, matchPhrase } from "../text/phrases.js";

/** Names this long or longer also match as the start of a word. */
const PREFIX_LENGTH = 5;

/** A name of several words ("akun ig", "facebook konto"), matched as those words in a row. */
interface PhraseName {
  readonly tokens: readonly string[];
  readonly service: string;
}

/** The services a question names, by kind (see {@link OtherServices.servicesIn}). */
export interface NamedServices {
  readonly others: string[] | undefined;
  readonly accounts: string[] | undefined;
}

/**
 * Who a question is about, by the names in it (`faq/services.yaml`). Words alone cannot tell
 * "snapchat account hacked" from "whatsapp account hacked": both read as the hacked-account
 * entry. The name can: a question that names another service and not WhatsApp is about that
 * service, unless the entry it would get names that service too ("is telegram safer") in what
 * says what it is about: its question, alternates or tags. Its answer names much in passing (the
 * scams entry names the bank cards scammers ask for) without being about it.
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
  /**
   * Names of several words, by their first word: "ig" alone is also "I guess" and "bank" the
   * setting of many scams, but "akun ig" and "compte bancaire" name another service's account.
   */
  readonly #phrases: ReadonlyMap<string, readonly PhraseName[]>;
  /** The services named by `accounts` in `faq/services.yaml` (see {@link accountsNamedIn}). */
  readonly #accounts: ReadonlySet<string>;
  readonly #words: (text: string) => string[];
  /**
   * Entry id -> the other services its question, alternates and tags name, read on
   * first need: reading every entry's texts at build time cost ~25 ms of every start.
   */
  readonly #namedBy = new Map<string, ReadonlySet<string>>();

  private constructor(
    topic: OutOfScopeTopic,
    whatsapp: ReadonlySet<string>,
    others: ReadonlyMap<string, string>,
    phrases: ReadonlyMap<string, readonly PhraseName[]>,
    accounts: ReadonlySet<string>,
    words: (text: string) => string[],
  ) {
    this.topic = topic;
    this.#accounts = accounts;
    this.#whatsapp = whatsapp;
    this.#whatsappPrefixes = [...whatsapp].filter((name) => name.length >= PREFIX_LENGTH);
    this.#prefixStarts = [...new Set(this.#whatsappPrefixes.map((name) => name[0]))].join("");
    this.#others = others;
    this.#phrases = phrases;
    this.#words = words;
  }

  /**
   * Reads the edition's names with its language's `words` (normalisation as for questions).
   * Undefined when the edition lists no other services or lacks the topic to decline them as.
   */
  static of(edition: Edition, words: (text: string) => string[]): OtherServices | undefined {
    const topic = edition.outOfScope.find((t) => t.id === OTHER_SERVICES_TOPIC);
    const { services } = edition;
    if (topic === undefined || services.others.length + services.accounts.length === 0)
      return undefined;
    const whatsapp = new Set(
      edition.services.whatsapp.map(words).flatMap((found) => (found.length === 1 ? found : [])),
    );
    const others = new Map<string, string>();
    const phrases = new Map<string, PhraseName[]>();
    const accounts = new Set<string>();
    const listed = [
      ...services.others.map((names) => ({ names, account: false })),
      ...services.accounts.map((names) => ({ names, account: true })),
    ];
    for (const { names: service, account } of listed) {
      const names = (typeof service === "string" ? [service] : service)
        .map(words)
        .filter((found) => found.length > 0);
      if (names.length === 0) continue;
      // A service is known by its first name, whether one word or several.
      const id = names[0]!.join(" ");
      if (account) accounts.add(id);
      for (const name of names) {
        if (name.length === 1) {
          if (!others.has(name[0]!)) others.set(name[0]!, id);
        } else {
          addPhrase(phrases, { tokens: name, service: id });
        }
      }
    }
    return new OtherServices(topic, whatsapp, others, phrases, accounts, words);
  }

  /**
   * The other services a question (its normalised words) names, each by its first name in
   * `faq/services.yaml`, when it names no WhatsApp; undefined when it names none or names WhatsApp.
   * Accounts elsewhere are left out: see {@link accountsNamedIn}.
   */
  namedIn(words: readonly string[]): string[] | undefined {
    return this.servicesIn(words)?.others;
  }

  /**
   * The accounts elsewhere a question names (`accounts` in `faq/services.yaml`: "facebook
   * account", "gmail hesabım"), when it names no WhatsApp; undefined when it names none or names
   * WhatsApp. Unlike {@link namedIn}'s, they make a question another service's only if it also
   * names none of WhatsApp's things, which the caller checks on the question's words.
   */
  accountsNamedIn(words: readonly string[]): string[] | undefined {
    return this.servicesIn(words)?.accounts;
  }

  /**
   * {@link namedIn} and {@link accountsNamedIn} in one reading of the words (the answer path's):
   * undefined when the question names WhatsApp or no other service.
   */
  servicesIn(words: readonly string[]): NamedServices | undefined {
    let others: string[] | undefined;
    let accounts: string[] | undefined;
    for (let i = 0; i < words.length; i++) {
      const word = words[i]!;
      if (this.#whatsapp.has(word) || this.#startsWithWhatsApp(word)) return undefined;
      const service = this.#serviceAt(words, i);
      if (service === undefined) continue;
      if (this.#accounts.has(service)) (accounts ??= []).push(service);
      else (others ??= []).push(service);
    }
    return others === undefined && accounts === undefined ? undefined : { others, accounts };
  }

  /** The service a name starting at `words[at]` names, by one word or several, if one does. */
  #serviceAt(words: readonly string[], at: number): string | undefined {
    const service = this.#others.get(words[at]!);
    if (service !== undefined) return service;
    const phrases = this.#phrases.get(words[at]!);
    return phrases === undefined ? undefined : matchPhrase(phrases, words, at)?.service;
  }

  /** "whatsappta", "whatsappgruppe": suffixes and compounds of WhatsApp's longer names. */
  #startsWithWhatsApp(word: string): boolean {
    if (word.length <= PREFIX_LENGTH || !this.#prefixStarts.includes(word[0]!)) return false;
    for (const name of this.#whatsappPrefixes) if (word.startsWith(name)) return true;
    return false;
  }

  /** Whether the entry's question, alternates or tags name one of `services`: it is about them too. */
  entryNames(entry: FaqEntry, services: readonly string[]): boolean {
    const named = this.#namedBy.get(entry.id) ?? this.#read(entry);
    return services.some((service) => named.has(service));
  }

  #read(entry: FaqEntry): ReadonlySet<string> {
    const named = new Set<string>();
    for (const text of [entry.question, ...entry.alternates, ...entry.tags]) {
      const words = this.#words(text);
      for (let i = 0; i < words.length; i++) {
        const service = this.#serviceAt(words, i);
        if (service !== undefined) named.add(service);
      }
    }
    this.#namedBy.set(entry.id, named);
    return named;
  }
}
