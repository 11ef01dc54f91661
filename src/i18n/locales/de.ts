import type { Messages } from "../catalog.js";

/** Deutsch (Ansprache „du“, wie in der deutschen WhatsApp-App und im Hilfebereich). */
export const de: Messages = {
  outcome: {
    noAnswer:
      "Darauf habe ich keine Antwort. Meine Antworten drehen sich um Datenschutz und Sicherheit bei WhatsApp. Versuch es mit anderen Worten oder stöbere in den Themen.",
    noAnswerWithSuggestions: "Darauf habe ich keine Antwort. Diese Themen kommen dem am nächsten:",
    outOfScope:
      "Ich beantworte nur Fragen zu Datenschutz und Sicherheit bei WhatsApp. Hilfe zur Nutzung von WhatsApp findest du im WhatsApp Hilfebereich (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `In deiner Sprache kann ich noch nicht antworten, deshalb hier die Antwort auf Englisch. Antworten gibt es in diesen Sprachen: ${languages}.`,
    untranslated: "Diese Antwort gibt es noch nicht in deiner Sprache, hier ist sie auf Englisch.",
  },
  languageName: "Deutsch",
  bot: {
    unofficial: "Inoffiziell: nicht mit WhatsApp oder Meta verbunden.",
    answer: {
      sources: "Quellen:",
      lastReviewed: (date) => `Zuletzt geprüft: ${date}.`,
    },
    deepLinkIntro:
      "👋 Hier ist die Antwort, die du geöffnet hast. Frag mich gern in deinen eigenen Worten noch mehr zum Datenschutz bei WhatsApp oder stöbere in /topics.",
    noAnswer:
      "Dazu habe ich keine Antwort in meiner FAQ. Versuch es mit anderen Worten oder sieh dir mit /topics alle Antworten an.",
    noAnswerWithSuggestions:
      "Dazu habe ich keine Antwort, bei der ich mir sicher bin. Meintest du eine dieser Fragen? Oder sieh dir mit /topics alle Antworten an.",
    groupNoAnswer:
      "Dazu habe ich keine Antwort in meiner FAQ. Versuch es mit anderen Worten oder frag mich in einem privaten Chat.",
    groupNoAnswerWithSuggestions:
      "Dazu habe ich keine Antwort, bei der ich mir sicher bin. Unten stehen die ähnlichsten Fragen, die ich kenne.",
    welcome: {
      title: "👋 <b>Hallo! Ich beantworte Fragen zum Datenschutz bei WhatsApp.</b>",
      body: (count, topics) =>
        `Ich kenne ${count} ${count === 1 ? "Antwort" : "Antworten"} aus einer kuratierten FAQ, jeweils mit Links zu den Quellen. Themen: ${topics}.`,
      prompt:
        "Schick mir eine Frage in deinen eigenen Worten, zum Beispiel <i>Kann WhatsApp meine Nachrichten lesen?</i>, oder wähl ein Thema:",
    },
    unknownDeepLink:
      "Dieser Link führt zu einer Antwort, die es bei mir nicht mehr gibt. Frag mich in deinen eigenen Worten oder stöbere in /topics.",
    help: {
      title: "<b>So nutzt du diesen Bot</b>",
      intro:
        "Schick mir eine Frage zum Datenschutz bei WhatsApp in deinen eigenen Worten, zum Beispiel <i>Kann WhatsApp meinen Standort sehen?</i>",
      commands: [
        "/topics – alle Antworten nach Thema durchstöbern",
        "/ask &lt;Frage&gt; – eine Frage stellen (klappt auch in Gruppen)",
        "/language – die Sprache meiner Antworten wählen",
        "/privacy – was dieser Bot über dich speichert",
        "/help – diese Nachricht",
      ],
      inGroups: (bot) =>
        `<b>In Gruppen:</b> Füg mich hinzu und schreib dann <code>/ask deine Frage</code>, erwähne ${bot} mit deiner Frage oder antworte auf eine meiner Nachrichten. Alles andere ignoriere ich.`,
      inAnyChat: (bot) =>
        `<b>In jedem Chat:</b> Gib ${bot} und dahinter eine Frage ein und wähl eine Antwort aus, um sie zu teilen.`,
    },
    groupIntro: {
      about: "👋 Ich beantworte Fragen zum Datenschutz bei WhatsApp aus einer kuratierten FAQ.",
      howTo: (bot) =>
        `So fragst du mich: <code>/ask deine Frage</code> schreiben, ${bot} mit deiner Frage erwähnen oder auf eine meiner Nachrichten antworten. Sonst bleibe ich still.`,
    },
    privacy: {
      title: "<b>Was dieser Bot speichert</b>",
      kept: (days) => [
        "Er speichert <b>nicht</b> deine Nutzer-ID, deinen Namen, Nutzernamen, deine Telefonnummer, Chat-IDs oder IP-Adresse und auch nicht den Text der Fragen, die er beantwortet hat.",
        "Damit er zuverlässig antworten kann, liegt jede Nachricht, die du ihm schickst (so, wie Telegram sie zustellt, mit deiner Nutzer- und Chat-ID), in einer Warteschlange, bis die Antwort gesendet ist, und wird dann gelöscht. Nur ihre Update-Nummer bleibt 24 Stunden lang gespeichert, damit eine doppelte Zustellung nicht zweimal beantwortet wird.",
        "Zu jeder Antwort, die er gibt: welcher FAQ-Eintrag, wo (privater Chat, Gruppe, inline oder Web) und zu welcher Stunde. Nichts darüber, wer gefragt hat.",
        "Zu Fragen, die er nicht beantworten konnte: ihr Text in Kleinbuchstaben ohne Satzzeichen, wobei E-Mail-Adressen, Links, @Namen und lange Zahlen (Telefonnummern, IDs) entfernt werden; wie oft und wann sie zum ersten und zum letzten Mal gestellt wurden; und der ähnlichste Eintrag, um die FAQ zu verbessern. Gespeichert werden höchstens 10.000 solcher Fragen (sofern der Betreiber kein anderes Limit festlegt): Die am seltensten gestellten fallen zuerst weg. Nichts darüber, wer gefragt hat.",
        "Bei 👍 / 👎: der Eintrag, die Bewertung und die Stunde. Damit du deine Bewertung ändern kannst, speichert er außerdem 48 Stunden lang einen Einwegcode aus dir und der Nachricht (einen HMAC, nicht deine ID).",
        "Gegen Nachrichtenfluten zählt er deine Fragen pro Minute unter einem weiteren Einwegcode, der nach Ablauf der Minute vergessen wird.",
        "Wenn du mit /language eine Sprache wählst, speichert er diese Wahl unter einem Einwegcode aus deiner Nutzer-ID (einem HMAC, nicht deiner ID) ein Jahr lang oder bis du wieder „Automatisch“ wählst.",
        `Das alles wird nach ${days} ${days === 1 ? "Tag" : "Tagen"} gelöscht (die Sprachwahl nach einem Jahr).`,
      ],
      goodToKnow:
        "<b>Gut zu wissen:</b> Chats mit Bots sind bei Telegram <b>nicht Ende-zu-Ende-verschlüsselt</b>. Die Server von Telegram können lesen, was du hier schickst, wie in jedem Telegram-Cloud-Chat. Schick nichts, was du nicht auch in eine öffentliche FAQ schreiben würdest.",
    },
    topics: {
      title: "<b>Themen</b>",
      pickTopic: "Wähl ein Thema, um seine Fragen zu sehen:",
      pickQuestion: "Wähl eine Frage:",
      inGroup: "Themen durchstöbern klappt am besten in einem privaten Chat mit mir:",
    },
    askUsage:
      "Schreib deine Frage hinter den Befehl, zum Beispiel: <code>/ask kann WhatsApp meine Nachrichten lesen?</code>",
    groupEmptyQuestion:
      "Ja? Schreib deine Frage direkt hinter die Erwähnung, zum Beispiel: <i>kann WhatsApp meinen Standort sehen?</i>",
    textOnly:
      "Ich kann nur Text lesen. Schick mir deine Frage als Nachricht oder stöbere in /topics.",
    unknownCommand:
      "Diesen Befehl kenne ich nicht. Schick mir eine Frage oder sieh unter /help nach.",
    startingUp: "Ich starte gerade. Bitte versuch es in ein paar Sekunden noch einmal.",
    staleButton: "Dieser Button ist veraltet. Frag noch einmal oder schick /topics.",
    rateLimit:
      "Du fragst schneller, als ich hinterherkomme. Bitte warte eine Minute und frag dann noch einmal.",
    buttons: {
      allTopics: "« Alle Themen",
      back: "« Zurück",
      askTheBot: "Bot fragen",
      openInBot: "Im Bot öffnen",
    },
    feedback: {
      recorded: (emoji) => `Danke für dein Feedback ${emoji}`,
      changed: (emoji) => `Feedback geändert: ${emoji}`,
      unchanged: (emoji) => `Schon notiert ${emoji}`,
    },
    inline: {
      noAnswerTitle: "Keine Antwort gefunden",
      noAnswerDescription:
        "Dazu passt nichts in der FAQ zum WhatsApp-Datenschutz. Versuch es mit anderen Worten.",
      noAnswerMessage:
        "Dazu habe ich in der FAQ zum WhatsApp-Datenschutz keine Antwort gefunden. Frag den Bot direkt oder stöbere in seinen Themen.",
    },
    smallTalk: {
      greeting:
        "👋 Hallo! Frag mich alles zu Datenschutz und Sicherheit bei WhatsApp, zum Beispiel <i>Kann WhatsApp meine Nachrichten lesen?</i>, oder stöbere in /topics.",
      thanks:
        "Gern geschehen! Wenn du noch mehr zum Datenschutz bei WhatsApp wissen willst, frag mich einfach jederzeit.",
      whoAreYou:
        "Ich bin ein inoffizieller Bot, der Fragen zu Datenschutz und Sicherheit bei WhatsApp aus einer kuratierten FAQ beantwortet, jede Antwort mit ihren Quellen. Mit /help legst du los, und unter /privacy steht, was ich speichere.",
    },
    language: {
      prompt: (current) =>
        `Ich antworte in der Sprache deiner Frage. Für Menüs und kurze Fragen nutze ich <b>${current}</b>. Wähl eine andere Sprache:`,
      chosen: (name) => `Erledigt! Ab jetzt antworte ich dir in dieser Sprache: <b>${name}</b>.`,
      automatic: "Automatisch (Sprache meiner App)",
      forgotten:
        "Erledigt: Ich richte mich wieder nach der Sprache deiner Telegram-App und speichere deine Wahl nicht mehr.",
    },
    commands: {
      start: "Begrüßung und Themen",
      topics: "Antworten nach Thema durchstöbern",
      ask: "Eine Frage zum Datenschutz bei WhatsApp stellen",
      privacy: "Was dieser Bot speichert",
      language: "Sprache meiner Antworten wählen",
      help: "So nutzt du diesen Bot",
      groupHelp: "So fragst du mich hier",
    },
    description:
      "Ich beantworte Fragen zu Datenschutz und Sicherheit bei WhatsApp: Ende-zu-Ende-Verschlüsselung, gehackte Konten, Meta AI, Werbung, Standort, was mit Meta geteilt wird, und deine Datenschutz-Einstellungen. Die Antworten stammen aus einer kuratierten FAQ mit Quellen. Inoffiziell: nicht mit WhatsApp oder Meta verbunden.",
    shortDescription:
      "Antworten zu Datenschutz und Sicherheit bei WhatsApp aus einer kuratierten FAQ, mit Quellen. Inoffiziell.",
  },
  page: {
    lang: "de",
    ogLocale: "de_DE",
    siteName: "WhatsApp-Datenschutz-FAQ",
    titleSeparator: " · ",
    description:
      "Verständliche Antworten auf Fragen zum Datenschutz bei WhatsApp, mit Quellen. Inoffiziell.",
    skipLink: "Zum Fragefeld springen",
    intro:
      "Verständliche Antworten zu Datenschutz und Sicherheit bei WhatsApp: Verschlüsselung, gehackte Konten, Meta AI, Werbung, Standort, mit Meta geteilte Daten und deine Datenschutz-Einstellungen, jeweils mit Quellen. Inoffiziell: nicht mit WhatsApp oder Meta verbunden.",
    questionLabel: "Deine Frage",
    questionPlaceholder: "z. B. Kann Facebook meine Nachrichten lesen?",
    suggestionsLabel: "Vorgeschlagene Fragen",
    askButton: "Fragen",
    topicsTitle: "Themen durchstöbern",
    footer:
      "Die Antworten stammen aus einer kuratierten FAQ mit öffentlichen Quellen; sie sind keine Rechtsberatung.",
    footerDevelopers: "Für Entwickler:",
    docsLink: "API-Dokumentation",
    answer: {
      sources: "Quellen:",
      lastReviewed: "Zuletzt geprüft: {date}.",
      related: "Ähnliche Fragen",
    },
    share: {
      label: "Link zu dieser Antwort",
    },
    vote: {
      prompt: "War diese Antwort hilfreich?",
      up: "👍 Ja",
      down: "👎 Nein",
      recorded: "Danke für dein Feedback.",
      changed: "Feedback geändert. Danke!",
      unchanged: "Schon notiert. Danke!",
    },
    outOfScope: {
      tabTitle: "Keine Datenschutzfrage",
      title: "Ich beantworte nur Fragen zu Datenschutz und Sicherheit",
    },
    languageSwitcher: {
      label: "Sprache",
      apply: "Ändern",
    },
    noAnswer: {
      tabTitle: "Keine Antwort",
      title: "Dazu habe ich leider keine Antwort",
      body: "Diese FAQ behandelt Datenschutz und Sicherheit bei WhatsApp: Verschlüsselung, gehackte Konten, Meta AI, Werbung, Standort, mit Meta geteilte Daten und deine Datenschutz-Einstellungen. Statt zu raten, verweise ich dich lieber auf eine Frage, die ich beantworten kann.",
      didYouMean: "Meintest du",
      browseTopics: "Alle Themen durchstöbern",
    },
    suggest: {
      title: "Diese Frage vorschlagen",
      body: "Sollte die FAQ diese Frage beantworten? Schick sie an die Leute, die die FAQ pflegen. Gespeichert wird nur der Text, nichts über dich.",
      label: "Neue Frage für die FAQ",
      button: "Vorschlagen",
      thanksTitle: "Danke!",
      thanksBody:
        "Deine Frage wurde an die Leute weitergegeben, die diese FAQ pflegen. Gespeichert wird nur der Text, ohne irgendetwas über dich.",
    },
    problems: {
      unknownId: {
        title: "Diese Frage steht nicht in der FAQ",
        body: "Es gibt keinen Eintrag namens „{id}“. Stell deine Frage in eigenen Worten oder stöbere unten in den Themen.",
      },
      tooLong: {
        title: "Diese Frage ist zu lang",
        body: "Fragen dürfen höchstens {max} Zeichen lang sein, deine hat {length}. Bitte kürze sie und frag noch einmal.",
      },
      repeated: {
        title: "Bitte eine Frage nach der anderen",
        body: "Der Link enthält mehr als eine Frage. Stell sie einzeln im Feld oben.",
      },
      invalid: {
        title: "Mit diesem Link stimmt etwas nicht",
        body: "Ein Teil davon konnte nicht gelesen werden. Stell deine Frage im Feld oben oder stöbere unten in den Themen.",
      },
      badForm: {
        title: "Das konnte nicht gesendet werden",
        body: "Das Formular ist unvollständig angekommen. Geh bitte zurück zur Antwort und versuch es noch einmal.",
      },
      otherSite: {
        title: "Nicht über diese FAQ gesendet",
        body: "Bewertungen und Vorschläge werden nur über die Seite dieser FAQ angenommen. Öffne sie bitte und versuch es dort noch einmal.",
      },
      rateLimited: {
        title: "Zu viele Fragen auf einmal",
        body: "Aus deinem Netzwerk kamen in der letzten Minute so viele Fragen, dass ich eine Pause einlegen muss. Bitte versuch es in {seconds} s noch einmal.",
      },
      busy: {
        title: "Gerade ausgelastet",
        body: "Der Dienst startet gerade oder ist stark ausgelastet. Bitte versuch es in ein paar Sekunden noch einmal.",
      },
      notFound: {
        title: "Seite nicht gefunden",
        body: "Unter dieser Adresse gibt es nichts. Stell deine Frage im Feld oben oder stöbere unten in den Themen.",
      },
      failed: {
        title: "Bei uns ist etwas schiefgelaufen",
        body: "Der Fehler wurde protokolliert. Bitte versuch es gleich noch einmal.",
      },
    },
    script: {
      networkError: {
        title: "FAQ nicht erreichbar",
        body: "Prüf deine Verbindung und versuch es noch einmal.",
      },
      copy: "Link kopieren",
      share: "Teilen",
      copied: "Link kopiert.",
      copyFailed: "Kopieren hat nicht geklappt: Markiere den Link und kopiere ihn selbst.",
    },
  },
};
