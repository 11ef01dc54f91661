/**
 * The shape of a language's catalog of texts (see messages.ts): every text the service shows
 * people. Texts are plain; channels escape them for their format. Functions take what a sentence
 * needs (counts, names).
 */
/** The texts of one language. Functions take what a sentence needs (counts, names). */
export interface Messages {
  /** What a question led to, when no entry answers it (every channel). */
  readonly outcome: {
    /** A privacy question no entry answers confidently. */
    readonly noAnswer: string;
    /** ... with close entries offered below. */
    readonly noAnswerWithSuggestions: string;
    /** Not about WhatsApp privacy or security. */
    readonly outOfScope: string;
    /** The question is in a language the service does not speak; `languages`: the ones it does. */
    readonly unsupportedLanguage: (languages: string) => string;
    /** An entry shown in English because its translation is not up to date. */
    readonly untranslated: string;
  };
}
