/**
 * Telling small talk from questions: "hi", "thanks!", "who are you?", "lol ok" or "👍" are not
 * questions about WhatsApp privacy, and answering them with "I don't have an answer" reads as
 * broken. Only whole short messages match; anything longer is a question.
 */
import { foldDiacritics } from "../text/normalize.js";
import type { Language } from "../text/languages.js";

/** What a short message is, when it is not a question. */
export type SmallTalkKind = "greeting" | "thanks" | "whoAreYou" | "reaction";

export interface SmallTalk {
  readonly kind: SmallTalkKind;
  /** The language the words belong to, when they tell (emoji and "ok" do not). */
  readonly language?: Language;
}

type Phrases = Readonly<Partial<Record<Language, readonly string[]>>>;

const GREETINGS: Phrases = {
  en: ["hi", "hello", "hey", "hiya", "yo", "good morning", "good evening", "good afternoon"],
  es: ["hola", "buenas", "buenos dias", "buenas tardes", "buenas noches"],
  pt: ["oi", "ola", "bom dia", "boa tarde", "boa noite", "e ai"],
  de: ["hallo", "hi", "servus", "moin", "guten tag", "guten morgen", "guten abend"],
  fr: ["bonjour", "salut", "bonsoir", "coucou"],
  hi: ["namaste", "namaskar", "नमस्ते", "नमस्कार", "हेलो", "हाय"],
  tr: ["merhaba", "selam", "selamlar", "gunaydin", "iyi aksamlar"],
  id: ["halo", "hai", "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "pagi"],
};

const THANKS: Phrases = {
  en: ["thanks", "thank you", "thx", "ty", "thank u", "thanks a lot", "cheers", "great thanks"],
  es: ["gracias", "muchas gracias", "mil gracias"],
  pt: ["obrigado", "obrigada", "valeu", "muito obrigado", "muito obrigada", "brigado", "vlw"],
  de: ["danke", "danke schon", "vielen dank", "dankeschon", "merci"],
  fr: ["merci", "merci beaucoup", "merci bien"],
  hi: ["dhanyavad", "dhanyawad", "shukriya", "धन्यवाद", "शुक्रिया", "thank you ji"],
  tr: ["tesekkurler", "tesekkur ederim", "sagol", "sagolun", "eyvallah", "tskler"],
  id: ["makasih", "terima kasih", "trims", "thx ya", "makasih ya", "terimakasih", "mksh"],
};

const WHO_ARE_YOU: Phrases = {
  en: ["who are you", "what are you", "what can you do", "are you a bot", "who made you"],
  es: ["quien eres", "que eres", "que puedes hacer", "eres un bot"],
  pt: ["quem e voce", "quem e vc", "o que voce faz", "voce e um bot"],
  de: ["wer bist du", "was bist du", "was kannst du", "bist du ein bot"],
  fr: ["qui es tu", "qui etes vous", "tu es qui", "que sais tu faire", "tu es un bot"],
  hi: ["tum kaun ho", "aap kaun ho", "aap kon ho", "तुम कौन हो", "आप कौन हैं"],
  tr: ["sen kimsin", "kimsin", "ne yapabilirsin", "bot musun"],
  id: ["kamu siapa", "siapa kamu", "kamu bisa apa", "kamu bot"],
};

/** Acknowledgements and laughter that carry no language of their own. */
const REACTIONS = new Set([
  "ok",
  "okay",
  "k",
  "kk",
  "lol",
  "lmao",
  "haha",
  "hahaha",
  "jaja",
  "kkkk",
  "wkwk",
  "wkwkwk",
  "nice",
  "cool",
  "great",
  "ok thanks",
  "lol ok",
  "ok lol",
  "oh ok",
  "ah ok",
  "got it",
  "yes",
  "no",
]);

/** Lower case, no diacritics, no punctuation or emoji, single spaces. */
function simplify(text: string): string {
  return foldDiacritics(text.toLowerCase())
    .replace(/[^\p{L}\p{M}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

const lookup = new Map<string, SmallTalk>();
for (const [kind, phrases] of [
  ["greeting", GREETINGS],
  ["thanks", THANKS],
  ["whoAreYou", WHO_ARE_YOU],
] as const) {
  for (const [language, list] of Object.entries(phrases) as [Language, readonly string[]][]) {
    for (const phrase of list) {
      const key = simplify(phrase);
      if (!lookup.has(key)) lookup.set(key, { kind, language });
    }
  }
}
for (const reaction of REACTIONS) lookup.set(reaction, { kind: "reaction" });

/** Words that may follow a greeting or thanks without making it a question ("thanks bot"). */
const TRAILING = new Set(["bot", "there", "ya", "ji", "so much", "again", "a lot", "everyone"]);

/** What a message is when it is small talk; undefined for anything that may be a question. */
export function smallTalkOf(text: string): SmallTalk | undefined {
  const simple = simplify(text);
  // Only emoji, punctuation or nothing: a reaction ("👍", "🙏", "!!").
  if (simple === "") return text.trim() === "" ? undefined : { kind: "reaction" };
  if (simple.split(" ").length > 5) return undefined;
  const exact = lookup.get(simple);
  if (exact !== undefined) return exact;
  for (const trailing of TRAILING) {
    if (simple.endsWith(` ${trailing}`)) {
      const found = lookup.get(simple.slice(0, -trailing.length - 1));
      if (found !== undefined && found.kind !== "reaction") return found;
    }
  }
  return undefined;
}
