/**
 * The shape of a language's catalog of texts (see messages.ts): every text the service shows
 * people, in every channel. A translation is another object of this shape; the compiler checks
 * it has every text. Functions take what a sentence needs (counts, names).
 *
 * - `outcome` and `page` texts are plain text: channels escape them.
 * - `bot` texts are Telegram HTML: keep the tags (`<b>`, `<i>`, `<code>`) and write `&lt;`,
 *   `&gt;`, `&amp;` for those characters; values passed to functions arrive escaped.
 */
/** The texts of one language. */
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
  /** The language's own name, as its speakers write it ("Español"), for menus and switchers. */
  readonly languageName: string;
  readonly bot: BotTexts;
  readonly page: PageTexts;
}

/** A Telegram command of a menu (`setMyCommands`): at most 256 characters, no HTML. */
export interface CommandTexts {
  readonly start: string;
  readonly topics: string;
  readonly ask: string;
  readonly privacy: string;
  readonly language: string;
  readonly help: string;
  /** /help in groups. */
  readonly groupHelp: string;
}

/** Everything the Telegram bot says (Telegram HTML, see above). */
export interface BotTexts {
  /** "Unofficial: not affiliated with WhatsApp or Meta." */
  readonly unofficial: string;
  /** Labels around an answer. */
  readonly answer: {
    readonly sources: string;
    /** `date`: the review date (YYYY-MM-DD). */
    readonly lastReviewed: (date: string) => string;
  };
  /** Before an answer opened from a deep link. */
  readonly deepLinkIntro: string;
  readonly noAnswer: string;
  readonly noAnswerWithSuggestions: string;
  /** In groups (no /topics there). */
  readonly groupNoAnswer: string;
  readonly groupNoAnswerWithSuggestions: string;
  readonly welcome: {
    readonly title: string;
    /** `count`: number of answers; `topics`: the category names, joined. */
    readonly body: (count: number, topics: string) => string;
    readonly prompt: string;
  };
  readonly unknownDeepLink: string;
  readonly help: {
    readonly title: string;
    readonly intro: string;
    /** One line per command, e.g. "/topics – browse all answers by topic". */
    readonly commands: readonly string[];
    /** `bot`: "@username". */
    readonly inGroups: (bot: string) => string;
    readonly inAnyChat: (bot: string) => string;
  };
  readonly groupIntro: {
    readonly about: string;
    readonly howTo: (bot: string) => string;
  };
  readonly privacy: {
    readonly title: string;
    /** The bullet points of what is kept; `days`: how long statistics are kept. */
    readonly kept: (days: number) => readonly string[];
    readonly goodToKnow: string;
  };
  readonly topics: {
    readonly title: string;
    readonly pickTopic: string;
    readonly pickQuestion: string;
    /** Group /topics: browsing happens in a private chat. */
    readonly inGroup: string;
  };
  readonly askUsage: string;
  readonly groupEmptyQuestion: string;
  readonly textOnly: string;
  readonly unknownCommand: string;
  readonly startingUp: string;
  readonly staleButton: string;
  readonly rateLimit: string;
  readonly buttons: {
    readonly allTopics: string;
    readonly back: string;
    readonly askTheBot: string;
    /** Opens a question in a private chat with the bot (groups). */
    readonly openInBot: string;
  };
  readonly feedback: {
    readonly recorded: (emoji: string) => string;
    readonly changed: (emoji: string) => string;
    readonly unchanged: (emoji: string) => string;
  };
  readonly inline: {
    readonly noAnswerTitle: string;
    readonly noAnswerDescription: string;
    readonly noAnswerMessage: string;
  };
  /** Replies in kind to small talk in private chats. */
  readonly smallTalk: {
    readonly greeting: string;
    readonly thanks: string;
    readonly whoAreYou: string;
  };
  /** /language. */
  readonly language: {
    /** `current`: the language's name. */
    readonly prompt: (current: string) => string;
    /** After a choice; `name`: the chosen language's name. */
    readonly chosen: (name: string) => string;
    /** Button that forgets the choice (back to Telegram's app language). */
    readonly automatic: string;
    readonly forgotten: string;
  };
  readonly commands: CommandTexts;
  /** The bot's description (empty chat screen), at most 512 characters, plain text. */
  readonly description: string;
  /** The bot's short description (profile, shares), at most 120 characters, plain text. */
  readonly shortDescription: string;
}

/**
 * Every text the web page shows: the server-rendered HTML and its script (which gets
 * {@link PageTexts.script} as JSON). Placeholders are `{name}` (see `fillText`); plain text.
 */
export interface PageTexts {
  /** The page's `lang` attribute. */
  readonly lang: string;
  /** Open Graph locale (`og:locale`), e.g. `en_US`. */
  readonly ogLocale: string;
  readonly siteName: string;
  /** Between a page's own title and the site name in the tab title. */
  readonly titleSeparator: string;
  /** `<meta name="description">` and the link preview of pages that show no answer. */
  readonly description: string;
  readonly skipLink: string;
  readonly intro: string;
  readonly questionLabel: string;
  readonly questionPlaceholder: string;
  readonly suggestionsLabel: string;
  readonly askButton: string;
  readonly topicsTitle: string;
  readonly footer: string;
  readonly footerDevelopers: string;
  readonly docsLink: string;
  readonly answer: {
    /** Before the list of source links. */
    readonly sources: string;
    /** `{date}`: the review date. */
    readonly lastReviewed: string;
    readonly related: string;
  };
  readonly share: {
    readonly label: string;
  };
  readonly vote: {
    readonly prompt: string;
    readonly up: string;
    readonly down: string;
    /** What a press did (see the store's `VoteOutcome`). */
    readonly recorded: string;
    readonly changed: string;
    readonly unchanged: string;
  };
  /** A question that is not about WhatsApp privacy or security (body: `outcome.outOfScope`). */
  readonly outOfScope: {
    readonly tabTitle: string;
    readonly title: string;
  };
  /** The language switcher: its label, and the button that applies a choice without script. */
  readonly languageSwitcher: {
    readonly label: string;
    readonly apply: string;
  };
  readonly noAnswer: {
    /** The tab title's first part. */
    readonly tabTitle: string;
    readonly title: string;
    readonly body: string;
    readonly didYouMean: string;
    readonly browseTopics: string;
  };
  readonly suggest: {
    readonly title: string;
    readonly body: string;
    readonly label: string;
    readonly button: string;
    readonly thanksTitle: string;
    readonly thanksBody: string;
  };
  /** Problems, each a title (also the tab title) and a sentence. */
  readonly problems: {
    readonly unknownId: Problem;
    readonly tooLong: Problem;
    readonly repeated: Problem;
    readonly invalid: Problem;
    readonly badForm: Problem;
    readonly otherSite: Problem;
    readonly rateLimited: Problem;
    readonly busy: Problem;
    readonly notFound: Problem;
    readonly failed: Problem;
  };
  /** What only the script shows (sent to it as JSON). */
  readonly script: {
    /** The request did not reach the server (offline, timed out). */
    readonly networkError: Problem;
    readonly copy: string;
    readonly share: string;
    readonly copied: string;
    readonly copyFailed: string;
  };
}

/** A problem the page explains: a short title and what to do. */
export interface Problem {
  readonly title: string;
  readonly body: string;
}
