/**
 * Every text the web page shows, in one place: the server-rendered HTML (`page.ts`) and the
 * script (`public/app.js`, which gets {@link PageTexts.script} as JSON inside the page) read them
 * from here, so a translation is another object of this shape and no logic changes.
 *
 * Placeholders are `{name}`, filled by {@link fillText} (the script has the same small function).
 * Texts are plain text: the renderer escapes them.
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

/** The page in English. */
export const PAGE_TEXTS: PageTexts = {
  lang: "en",
  ogLocale: "en_US",
  siteName: "WhatsApp privacy FAQ",
  titleSeparator: " · ",
  description: "Plain answers to questions about WhatsApp's privacy, with sources. Unofficial.",
  skipLink: "Skip to the question box",
  intro:
    "Plain answers about encryption, location, data shared with Facebook (Meta), business chats and your privacy settings, each with its sources. Unofficial: not affiliated with WhatsApp or Meta.",
  questionLabel: "Your question",
  questionPlaceholder: "e.g. can Facebook read my messages?",
  suggestionsLabel: "Suggested questions",
  askButton: "Ask",
  topicsTitle: "Browse topics",
  footer: "Answers come from a curated FAQ with public sources; they are not legal advice.",
  footerDevelopers: "For developers:",
  docsLink: "API documentation",
  answer: {
    sources: "Sources:",
    lastReviewed: "Last reviewed {date}.",
    related: "Related questions",
  },
  share: {
    label: "Link to this answer",
  },
  vote: {
    prompt: "Did this answer help?",
    up: "👍 Yes",
    down: "👎 No",
    recorded: "Thanks for your feedback.",
    changed: "Feedback changed. Thanks.",
    unchanged: "Already noted. Thanks.",
  },
  noAnswer: {
    tabTitle: "No answer",
    title: "Sorry, I don't have a good answer to that",
    body: "This FAQ covers WhatsApp privacy: encryption, location, data shared with Facebook (Meta), business chats, the 2021 policy update and your privacy controls. Rather than guess, I'd point you to a question I can answer.",
    didYouMean: "Did you mean",
    browseTopics: "Browse all topics",
  },
  suggest: {
    title: "Suggest this question",
    body: "Should the FAQ answer it? Send it to the people who keep it. Only the text is kept, nothing about you.",
    label: "Question to add",
    button: "Suggest",
    thanksTitle: "Thank you",
    thanksBody:
      "Your question was passed on to the people who keep this FAQ. It is kept as text only, without anything about you.",
  },
  problems: {
    unknownId: {
      title: "That question is not in the FAQ",
      body: "There is no entry called “{id}”. Try asking in your own words, or browse the topics below.",
    },
    tooLong: {
      title: "That question is too long",
      body: "Questions can be up to {max} characters; yours has {length}. Please shorten it and ask again.",
    },
    repeated: {
      title: "One question at a time",
      body: "The link holds more than one question. Ask them one by one in the box above.",
    },
    invalid: {
      title: "That link is not quite right",
      body: "Part of it could not be read. Ask your question in the box above, or browse the topics below.",
    },
    badForm: {
      title: "That could not be sent",
      body: "The form arrived incomplete. Please go back to the answer and try again.",
    },
    otherSite: {
      title: "Not sent from this FAQ",
      body: "Votes and suggestions are only taken from this FAQ's own page. Please open it and try again there.",
    },
    rateLimited: {
      title: "Too many questions at once",
      body: "So many questions came from your network in the last minute that I have to pause. Please try again in {seconds} s.",
    },
    busy: {
      title: "Busy for a moment",
      body: "The service is starting or very busy. Please try again in a few seconds.",
    },
    notFound: {
      title: "Page not found",
      body: "There is nothing at this address. Ask your question in the box above, or browse the topics below.",
    },
    failed: {
      title: "Something went wrong on our side",
      body: "It has been logged. Please try again in a moment.",
    },
  },
  script: {
    networkError: {
      title: "Could not reach the FAQ",
      body: "Check your connection and try again.",
    },
    copy: "Copy link",
    share: "Share",
    copied: "Link copied.",
    copyFailed: "Could not copy: select the link and copy it.",
  },
};

/** Fills `{name}` placeholders; a placeholder without a value stays as it is. */
export function fillText(template: string, values: Readonly<Record<string, string | number>>) {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
