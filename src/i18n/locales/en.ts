import type { Messages } from "../catalog.js";

/** English: the source language of the knowledge base and of every other catalog. */
export const en: Messages = {
  outcome: {
    noAnswer:
      "I don't have an answer for that. My answers cover WhatsApp privacy and security; try other words, or browse the topics.",
    noAnswerWithSuggestions: "I don't have an answer for that. The closest topics I know are:",
    outOfScope:
      "I only answer questions about privacy and security on WhatsApp. For help with using WhatsApp, see WhatsApp's Help Center (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `I can't answer in your language yet, so this reply is in English. Answers are available in: ${languages}.`,
    untranslated: "This answer is not yet available in your language; here it is in English.",
  },
  languageName: "English",
  bot: {
    unofficial: "Unofficial: not affiliated with WhatsApp or Meta.",
    answer: {
      sources: "Sources:",
      lastReviewed: (date) => `Last reviewed ${date}.`,
    },
    deepLinkIntro:
      "👋 Here is the answer you opened. Ask me anything else about WhatsApp privacy in your own words, or browse /topics.",
    noAnswer:
      "I don't have an answer to that in my FAQ. Try other words, or browse all answers with /topics.",
    noAnswerWithSuggestions:
      "I don't have a confident answer to that. Did you mean one of these? Or browse all answers with /topics.",
    groupNoAnswer:
      "I don't have an answer to that in my FAQ. Try other words, or ask me in a private chat.",
    groupNoAnswerWithSuggestions:
      "I don't have a confident answer to that. The closest questions I know are below.",
    welcome: {
      title: "👋 <b>Hi! I answer questions about WhatsApp privacy.</b>",
      body: (count, topics) =>
        `I know ${count} answers from a curated FAQ, each linked to its sources. Topics: ${topics}.`,
      prompt:
        "Send me a question in your own words, for example <i>Can WhatsApp read my messages?</i>, or pick a topic:",
    },
    unknownDeepLink:
      "That link points to an answer I no longer have. Ask me in your own words, or browse /topics.",
    help: {
      title: "<b>How to use this bot</b>",
      intro:
        "Send me a question about WhatsApp privacy in your own words, for example <i>Can WhatsApp see my location?</i>",
      commands: [
        "/topics – browse all answers by topic",
        "/ask &lt;question&gt; – ask a question (also works in groups)",
        "/language – choose the language of my answers",
        "/privacy – what this bot stores about you",
        "/help – this message",
      ],
      inGroups: (bot) =>
        `<b>In groups:</b> add me, then write <code>/ask your question</code>, mention ${bot} with your question, or reply to one of my messages. I ignore everything else.`,
      inAnyChat: (bot) =>
        `<b>In any chat:</b> type ${bot} followed by a question and pick an answer to share it.`,
    },
    groupIntro: {
      about: "👋 I answer questions about WhatsApp privacy from a curated FAQ.",
      howTo: (bot) =>
        `To ask: <code>/ask your question</code>, mention ${bot} with your question, or reply to one of my messages. I stay quiet otherwise.`,
    },
    privacy: {
      title: "<b>What this bot stores</b>",
      kept: (days) => [
        "It does <b>not</b> keep your user id, name, username, phone number, chat ids or IP address, nor the text of questions it answered.",
        "To answer reliably, each message you send it (as Telegram delivers it, with your user and chat id) is held in a queue until the answer is sent, then deleted. Only its update number is kept, for 24 hours, so that a repeated delivery is not answered twice.",
        "For each answer it gives: which FAQ entry, where (private chat, group, inline or web) and the hour. Nothing about who asked.",
        "For questions it could not answer: their text in lower case without punctuation, with e-mail addresses, links, @handles and long numbers (phone numbers, ids) removed; how often and when they were first and last asked; and the closest entry, to improve the FAQ. At most 10,000 such questions are kept (unless the operator sets another limit): the least asked go first. Nothing about who asked.",
        "For 👍 / 👎: the entry, the vote and the hour. So that you can change your vote, it also keeps a one-way code of you and the message (an HMAC, not your id) for 48 hours.",
        "To stop floods, it counts your questions per minute under another one-way code, forgotten after the minute.",
        "If you choose a language with /language, it keeps that choice under a one-way code of your user id (an HMAC, not your id) for a year, or until you choose automatic again.",
        `All of this is deleted after ${days} day${days === 1 ? "" : "s"} (the language choice after a year).`,
      ],
      goodToKnow:
        "<b>Good to know:</b> chats with bots on Telegram are <b>not end-to-end encrypted</b>. Telegram's servers can read what you send here, as in any Telegram cloud chat. Don't send anything you would not put in a public FAQ.",
    },
    topics: {
      title: "<b>Topics</b>",
      pickTopic: "Pick a topic to see its questions:",
      pickQuestion: "Pick a question:",
      inGroup: "Browsing topics works best in a private chat with me:",
    },
    askUsage:
      "Write your question after the command, for example: <code>/ask can WhatsApp read my messages?</code>",
    groupEmptyQuestion:
      "Yes? Write your question with the mention, for example: <i>can WhatsApp see my location?</i>",
    textOnly: "I can only read text. Send me your question as a message, or browse /topics.",
    unknownCommand: "I don't know that command. Send me a question, or see /help.",
    startingUp: "I'm just starting up. Please try again in a few seconds.",
    staleButton: "This button is out of date. Ask again, or send /topics.",
    rateLimit:
      "You're asking faster than I can keep up with. Please wait a minute, then ask again.",
    buttons: {
      allTopics: "« All topics",
      back: "« Back",
      askTheBot: "Ask the bot",
      openInBot: "Open in bot",
    },
    feedback: {
      recorded: (emoji) => `Thanks for your feedback ${emoji}`,
      changed: (emoji) => `Feedback changed to ${emoji}`,
      unchanged: (emoji) => `Already noted ${emoji}`,
    },
    inline: {
      noAnswerTitle: "No answer found",
      noAnswerDescription: "Nothing in the WhatsApp privacy FAQ matches that. Try other words.",
      noAnswerMessage:
        "I couldn't find an answer to that in the WhatsApp privacy FAQ. Ask the bot directly, or browse its topics.",
    },
    smallTalk: {
      greeting:
        "👋 Hi! Ask me anything about privacy and security on WhatsApp, for example <i>Can WhatsApp read my messages?</i>, or browse /topics.",
      thanks: "You're welcome! Ask me anything else about WhatsApp privacy whenever you like.",
      whoAreYou:
        "I'm an unofficial bot that answers questions about privacy and security on WhatsApp from a curated FAQ, each answer with its sources. See /help to get started, and /privacy for what I store.",
    },
    language: {
      prompt: (current) =>
        `I answer in the language of your question. For menus and short questions I use <b>${current}</b>. Choose another language:`,
      chosen: (name) => `Done: I'll answer you in <b>${name}</b>.`,
      automatic: "Automatic (my app's language)",
      forgotten:
        "Done: I'll follow your Telegram app's language again, and I no longer keep your choice.",
    },
    commands: {
      start: "Welcome and topics",
      topics: "Browse answers by topic",
      ask: "Ask a question about WhatsApp privacy",
      privacy: "What this bot stores",
      language: "Choose the language of my answers",
      help: "How to use this bot",
      groupHelp: "How to ask me here",
    },
    description:
      "I answer questions about WhatsApp privacy and security: end-to-end encryption, hacked accounts, Meta AI, ads, location, what is shared with Meta and your privacy settings. Answers come from a curated FAQ with sources. Unofficial: not affiliated with WhatsApp or Meta.",
    shortDescription:
      "Answers about WhatsApp privacy and security from a curated FAQ, with sources. Unofficial.",
  },
  page: {
    lang: "en",
    ogLocale: "en_US",
    siteName: "WhatsApp privacy FAQ",
    titleSeparator: " · ",
    description: "Plain answers to questions about WhatsApp's privacy, with sources. Unofficial.",
    skipLink: "Skip to the question box",
    intro:
      "Plain answers about WhatsApp privacy and security: encryption, hacked accounts, Meta AI, ads, location, data shared with Meta and your privacy settings, each with its sources. Unofficial: not affiliated with WhatsApp or Meta.",
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
    outOfScope: {
      tabTitle: "Not a privacy question",
      title: "I only answer privacy and security questions",
    },
    languageSwitcher: {
      label: "Language",
      apply: "Change",
    },
    noAnswer: {
      tabTitle: "No answer",
      title: "Sorry, I don't have an answer to that",
      body: "This FAQ covers privacy and security on WhatsApp: encryption, hacked accounts, Meta AI, ads, location, data shared with Meta and your privacy settings. Rather than guess, I'd point you to a question I can answer.",
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
  },
};
