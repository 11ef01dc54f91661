/**
 * Deciding a question's language, and the language of the reply, from the text and the hints
 * a channel gives. The text is read two ways: tinyld's scores (`text/detect.ts`) and how many of
 * its words each language's own vocabulary knows (the knowledge base's words and the language's
 * stop words: a Spanish question about WhatsApp privacy is mostly words of the Spanish edition).
 * Hints weigh in as a prior, so short or mixed questions ("backup?", "whatsapp hack") lean on
 * them, and an explicit choice always sets the reply's language.
 */
import { foldDiacritics } from "../text/normalize.js";
import { detectorScores, isOtherLanguage, scriptEvidence } from "../text/detect.js";
import type { LanguageScores, TextEvidence } from "../text/detect.js";
import { type Language, languageOfTag, LANGUAGES, SOURCE_LANGUAGE } from "../text/languages.js";

/** What a channel knows about the asker's language, strongest first. */
export interface LanguageHints {
  /** Asked for explicitly (`lang` on /ask, the page's `?lang=`): the reply is in it. */
  readonly explicit?: string;
  /** Picked by the user earlier (the bot's /language, the page's switcher): the reply is in it. */
  readonly chosen?: string;
  /** The client's languages: Telegram's `language_code`, or an HTTP `Accept-Language` header. */
  readonly client?: string;
}

/** How the reply's language was settled. */
export type LanguageSource = "explicit" | "chosen" | "text" | "hint" | "default";

export interface LanguageDecision {
  /** The language the question is read (analysed and searched) in. */
  readonly query: Language;
  /** The language the reply's texts are in. */
  readonly reply: Language;
  readonly source: LanguageSource;
  /** The question is in a language the service does not answer in: the reply says so. */
  readonly unsupported: boolean;
}

/** Each language's words, for telling which language a question's words belong to. */
export class LanguageVocabulary {
  /** Folded word -> bit per language (bit i: LANGUAGES[i]) that knows it. */
  readonly #languagesOf = new Map<string, number>();

  /** `words`: every word of a language's edition and its stop words, as its analysis gives them. */
  add(language: Language, words: Iterable<string>): void {
    const bit = 1 << LANGUAGES.indexOf(language);
    for (const word of words) {
      const key = foldDiacritics(word);
      this.#languagesOf.set(key, (this.#languagesOf.get(key) ?? 0) | bit);
    }
  }

  /**
   * Per language, the share of the text's words it knows (0 when the text has no words). A word
   * every language knows ("whatsapp", "web", "qr") says nothing of the language: it counts for
   * none, and is not counted among the words either, so "how to log in to whatsapp web with the
   * qr code" is mostly English words rather than a third of them.
   */
  shares(text: string): Float64Array {
    const shares = new Float64Array(LANGUAGES.length);
    const words = foldDiacritics(text.toLowerCase()).match(WORD);
    if (words === null) return shares;
    const everyLanguage = (1 << LANGUAGES.length) - 1;
    let telling = 0;
    for (const word of words) {
      const known = this.#languagesOf.get(word);
      if (known === everyLanguage) continue;
      telling++;
      if (known === undefined) continue;
      for (let i = 0; i < LANGUAGES.length; i++) if (known & (1 << i)) shares[i]!++;
    }
    if (telling > 0) for (let i = 0; i < shares.length; i++) shares[i]! /= telling;
    return shares;
  }
}

const WORD = /[\p{L}\p{M}]+/gu;

/**
 * tinyld's scores count fully from this many letters on, less below: on a few words it is often
 * sure and wrong ("mi whatsapp fue hackeado" is Indonesian to it, "encryption" Spanish).
 */
const FULL_DETECTOR_LETTERS = 40;
/** Between languages that know the words equally, English, the knowledge base's own, wins. */
const SOURCE_PRIOR = 0.05;
/** The words alone settle the language when one knows this share of them ... */
const WORDS_SETTLE_SHARE = 0.5;
/** ... and leads the next (with the hints' priors) by this much. */
const WORDS_SETTLE_MARGIN = 0.25;
/** How much a user's earlier choice, or the client's language, counts beside the text. */
const CHOSEN_PRIOR = 0.35;
const CLIENT_PRIOR = 0.2;
/** A best language this far ahead of the next, in enough text, is read from the text. */
const TEXT_MARGIN = 0.35;
const MIN_TEXT_LETTERS = 12;
/** Below this share of known words, no supported language fits the question. */
const MIN_KNOWN_SHARE = 0.34;

/**
 * The question's language and the reply's. The text's evidence (tinyld's score plus the share of
 * known words, per language) and the hints' priors are added up; the best language reads the
 * question. The reply is in the explicit or chosen language if there is one, else the question's.
 * A question plainly in another language, whose words none of ours knows, is read and answered
 * in English, with `unsupported` set.
 */
export function decideLanguage(
  text: string,
  hints: LanguageHints,
  vocabulary: LanguageVocabulary,
  available: (language: Language) => boolean = () => true,
): LanguageDecision {
  const explicit = supported(hints.explicit, available);
  const chosen = supported(hints.chosen, available);
  const client = clientLanguage(hints.client, available);
  const script = scriptEvidence(text);
  const pinned = explicit ?? chosen;
  if (script?.settled !== undefined && available(script.settled)) {
    return {
      query: script.settled,
      reply: pinned ?? script.settled,
      source: explicit ? "explicit" : chosen ? "chosen" : "text",
      unsupported: false,
    };
  }
  const shares = vocabulary.shares(text);
  const priorOf = (language: Language) =>
    (language === SOURCE_LANGUAGE ? SOURCE_PRIOR : 0) +
    (language === chosen ? CHOSEN_PRIOR : 0) +
    (language === client ? CLIENT_PRIOR : 0);
  const rank = (scores: LanguageScores, detectorWeight: number) => {
    let best: Language = SOURCE_LANGUAGE;
    let bestScore = -1;
    let second = -1;
    let bestShare = 0;
    for (let i = 0; i < LANGUAGES.length; i++) {
      const language = LANGUAGES[i]!;
      if (!available(language)) continue;
      const score = shares[i]! + detectorWeight * (scores[language] ?? 0) + priorOf(language);
      if (score > bestScore) {
        second = bestScore;
        best = language;
        bestScore = score;
        bestShare = shares[i]!;
      } else if (score > second) second = score;
    }
    return { best, bestScore, second, bestShare };
  };
  // The detector costs up to 250 µs for a question of new words: it is asked only when the words
  // leave the language open (no language knows most of them, or two know them almost equally).
  let evidence: TextEvidence | undefined = script;
  let ranked = rank({}, 0);
  if (
    script !== undefined &&
    !(
      ranked.bestShare >= WORDS_SETTLE_SHARE &&
      ranked.bestScore - ranked.second >= WORDS_SETTLE_MARGIN
    )
  ) {
    evidence = { scores: detectorScores(text), letters: script.letters };
    ranked = rank(evidence.scores, Math.min(1, script.letters / FULL_DETECTOR_LETTERS));
  }
  const { best, bestScore, second, bestShare } = ranked;
  const fromText =
    evidence !== undefined &&
    evidence.letters >= MIN_TEXT_LETTERS &&
    bestScore - second >= TEXT_MARGIN;
  if (pinned !== undefined) {
    return {
      query: best,
      reply: pinned,
      source: explicit ? "explicit" : "chosen",
      unsupported: false,
    };
  }
  if (bestShare < MIN_KNOWN_SHARE && isOtherLanguage(text)) {
    return { query: SOURCE_LANGUAGE, reply: SOURCE_LANGUAGE, source: "text", unsupported: true };
  }
  if (!fromText && client !== undefined && evidence === undefined) {
    return { query: client, reply: client, source: "hint", unsupported: false };
  }
  const source: LanguageSource = fromText
    ? "text"
    : client === best
      ? "hint"
      : evidence
        ? "text"
        : "default";
  return { query: best, reply: best, source, unsupported: false };
}

/**
 * The reply's language when there is no question to read (a welcome, a menu): the explicit or
 * chosen language, else the client's, else English.
 */
export function replyLanguageOf(
  hints: LanguageHints,
  available: (language: Language) => boolean = () => true,
): Language {
  return (
    supported(hints.explicit, available) ??
    supported(hints.chosen, available) ??
    clientLanguage(hints.client, available) ??
    SOURCE_LANGUAGE
  );
}

function supported(
  tag: string | undefined,
  available: (language: Language) => boolean,
): Language | undefined {
  const language = languageOfTag(tag);
  return language !== undefined && available(language) ? language : undefined;
}

/**
 * The first supported language of a client hint: one tag ("pt-br", Telegram) or an
 * Accept-Language header ("de-CH,de;q=0.9,en;q=0.8"), read in order of preference.
 */
export function clientLanguage(
  header: string | undefined,
  available: (language: Language) => boolean = () => true,
): Language | undefined {
  if (header === undefined || header === "") return undefined;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag, q: q === undefined ? 1 : Number(q), index };
    })
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const language = supported(tag, available);
    if (language !== undefined) return language;
  }
  return undefined;
}
