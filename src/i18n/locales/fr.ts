import type { Messages } from "../catalog.js";

/** French (vous, as WhatsApp's own French help centre). */
export const fr: Messages = {
  outcome: {
    noAnswer:
      "Je n'ai pas de réponse à cela. Mes réponses portent sur la confidentialité et la sécurité sur WhatsApp ; essayez avec d'autres mots, ou parcourez les thèmes.",
    noAnswerWithSuggestions:
      "Je n'ai pas de réponse à cela. Voici les thèmes les plus proches que je connais :",
    outOfScope:
      "Je réponds uniquement aux questions sur la confidentialité et la sécurité sur WhatsApp. Pour de l'aide sur l'utilisation de WhatsApp, consultez le Centre d'aide de WhatsApp (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `Je ne sais pas encore répondre dans votre langue ; voici la réponse en anglais. Les réponses sont disponibles en : ${languages}.`,
    untranslated:
      "Cette réponse n'est pas encore disponible dans votre langue ; la voici en anglais.",
  },
  languageName: "Français",
  bot: {
    unofficial: "Non officiel : sans lien avec WhatsApp ni Meta.",
    answer: {
      sources: "Sources :",
      lastReviewed: (date) => `Dernière vérification : ${date}.`,
    },
    deepLinkIntro:
      "👋 Voici la réponse que vous avez ouverte. Posez-moi toute autre question sur la confidentialité de WhatsApp avec vos propres mots, ou parcourez /topics.",
    noAnswer:
      "Je n'ai pas de réponse à cela dans ma FAQ. Essayez avec d'autres mots, ou parcourez toutes les réponses avec /topics.",
    noAnswerWithSuggestions:
      "Je n'ai pas de réponse sûre à cela. Vouliez-vous parler de l'une de ces questions ? Sinon, parcourez toutes les réponses avec /topics.",
    groupNoAnswer:
      "Je n'ai pas de réponse à cela dans ma FAQ. Essayez avec d'autres mots, ou posez-moi la question en discussion privée.",
    groupNoAnswerWithSuggestions:
      "Je n'ai pas de réponse sûre à cela. Voici ci-dessous les questions les plus proches que je connais.",
    welcome: {
      title: "👋 <b>Bonjour ! Je réponds à vos questions sur la confidentialité de WhatsApp.</b>",
      body: (count, topics) =>
        `Je connais ${count} réponse${count > 1 ? "s" : ""} tirée${count > 1 ? "s" : ""} d'une FAQ rédigée avec soin, chacune reliée à ses sources. Thèmes : ${topics}.`,
      prompt:
        "Envoyez-moi une question avec vos propres mots, par exemple <i>WhatsApp peut-il lire mes messages ?</i>, ou choisissez un thème :",
    },
    unknownDeepLink:
      "Ce lien mène à une réponse que je n'ai plus. Posez-moi votre question avec vos propres mots, ou parcourez /topics.",
    help: {
      title: "<b>Comment utiliser ce bot</b>",
      intro:
        "Envoyez-moi une question sur la confidentialité de WhatsApp avec vos propres mots, par exemple <i>WhatsApp peut-il voir ma position ?</i>",
      commands: [
        "/topics – parcourir toutes les réponses par thème",
        "/ask &lt;question&gt; – poser une question (fonctionne aussi dans les groupes)",
        "/language – choisir la langue de mes réponses",
        "/privacy – ce que ce bot conserve sur vous",
        "/help – ce message",
      ],
      inGroups: (bot) =>
        `<b>Dans les groupes :</b> ajoutez-moi, puis écrivez <code>/ask votre question</code>, mentionnez ${bot} avec votre question, ou répondez à l'un de mes messages. J'ignore tout le reste.`,
      inAnyChat: (bot) =>
        `<b>Dans n'importe quelle discussion :</b> tapez ${bot} suivi d'une question, puis choisissez une réponse pour la partager.`,
    },
    groupIntro: {
      about:
        "👋 Je réponds aux questions sur la confidentialité de WhatsApp à partir d'une FAQ rédigée avec soin.",
      howTo: (bot) =>
        `Pour me poser une question : <code>/ask votre question</code>, mentionnez ${bot} avec votre question, ou répondez à l'un de mes messages. Le reste du temps, je reste silencieux.`,
    },
    privacy: {
      title: "<b>Ce que ce bot conserve</b>",
      kept: (days) => [
        "Il ne conserve <b>pas</b> votre identifiant d'utilisateur, votre nom, votre nom d'utilisateur, votre numéro de téléphone, les identifiants de vos discussions ni votre adresse IP, ni le texte des questions auxquelles il a répondu.",
        "Pour répondre de façon fiable, chaque message que vous lui envoyez (tel que Telegram le transmet, avec votre identifiant d'utilisateur et celui de la discussion) est placé dans une file d'attente jusqu'à l'envoi de la réponse, puis supprimé. Seul son numéro de mise à jour est conservé, pendant 24 heures, pour ne pas répondre deux fois à un message transmis en double.",
        "Pour chaque réponse donnée : quelle fiche de la FAQ, où (discussion privée, groupe, mode inline ou web) et l'heure (à l'heure près). Rien sur la personne qui a posé la question.",
        "Pour les questions restées sans réponse : leur texte en minuscules, sans ponctuation, après suppression des adresses e-mail, liens, @pseudos et longs numéros (numéros de téléphone, identifiants) ; combien de fois elles ont été posées, et quand pour la première et la dernière fois ; et la fiche la plus proche, pour améliorer la FAQ. Au maximum 10 000 questions de ce type sont conservées (sauf si l'exploitant fixe une autre limite) : les moins posées sont supprimées en premier. Rien sur la personne qui les a posées.",
        "Pour 👍 / 👎 : la fiche, le vote et l'heure (à l'heure près). Pour que vous puissiez changer votre vote, il conserve aussi pendant 48 heures un code à sens unique calculé à partir de votre identifiant et du message (un HMAC, pas votre identifiant lui-même).",
        "Pour bloquer les rafales de messages, il compte vos questions par minute sous un autre code à sens unique, oublié une fois la minute passée.",
        "Si vous choisissez une langue avec /language, il conserve ce choix sous un code à sens unique calculé à partir de votre identifiant d'utilisateur (un HMAC, pas votre identifiant lui-même) pendant un an, ou jusqu'à ce que vous choisissiez de nouveau le mode automatique.",
        `Tout cela est supprimé au bout de ${days} jour${days > 1 ? "s" : ""} (le choix de langue, au bout d'un an).`,
      ],
      goodToKnow:
        "<b>Bon à savoir :</b> sur Telegram, les discussions avec les bots ne sont <b>pas chiffrées de bout en bout</b>. Les serveurs de Telegram peuvent lire ce que vous envoyez ici, comme dans toute discussion cloud de Telegram. N'envoyez rien que vous ne mettriez pas dans une FAQ publique.",
    },
    topics: {
      title: "<b>Thèmes</b>",
      pickTopic: "Choisissez un thème pour voir ses questions :",
      pickQuestion: "Choisissez une question :",
      inGroup: "Pour parcourir les thèmes, le mieux est de passer en discussion privée avec moi :",
    },
    askUsage:
      "Écrivez votre question après la commande, par exemple : <code>/ask WhatsApp peut-il lire mes messages ?</code>",
    groupEmptyQuestion:
      "Oui ? Écrivez votre question avec la mention, par exemple : <i>WhatsApp peut-il voir ma position ?</i>",
    textOnly:
      "Je ne sais lire que du texte. Envoyez-moi votre question sous forme de message, ou parcourez /topics.",
    unknownCommand:
      "Je ne connais pas cette commande. Envoyez-moi une question, ou consultez /help.",
    startingUp: "Je suis en train de démarrer. Réessayez dans quelques secondes.",
    staleButton: "Ce bouton n'est plus à jour. Reposez votre question, ou envoyez /topics.",
    rateLimit:
      "Vous posez vos questions plus vite que je ne peux suivre. Patientez une minute, puis réessayez.",
    buttons: {
      allTopics: "« Tous les thèmes",
      back: "« Retour",
      askTheBot: "Demander au bot",
      openInBot: "Ouvrir dans le bot",
    },
    feedback: {
      recorded: (emoji) => `Merci pour votre avis ${emoji}`,
      changed: (emoji) => `Avis modifié : ${emoji}`,
      unchanged: (emoji) => `Déjà noté ${emoji}`,
    },
    inline: {
      noAnswerTitle: "Aucune réponse trouvée",
      noAnswerDescription:
        "Rien ne correspond dans la FAQ sur la confidentialité de WhatsApp. Essayez avec d'autres mots.",
      noAnswerMessage:
        "Je n'ai pas trouvé de réponse à cela dans la FAQ sur la confidentialité de WhatsApp. Posez directement la question au bot, ou parcourez ses thèmes.",
    },
    smallTalk: {
      greeting:
        "👋 Bonjour ! Posez-moi vos questions sur la confidentialité et la sécurité sur WhatsApp, par exemple <i>WhatsApp peut-il lire mes messages ?</i>, ou parcourez /topics.",
      thanks:
        "Avec plaisir ! Posez-moi d'autres questions sur la confidentialité de WhatsApp quand vous voulez.",
      whoAreYou:
        "Je suis un bot non officiel qui répond aux questions sur la confidentialité et la sécurité sur WhatsApp à partir d'une FAQ rédigée avec soin, chaque réponse avec ses sources. Tapez /help pour commencer, et /privacy pour savoir ce que je conserve.",
    },
    language: {
      prompt: (current) =>
        `Je réponds dans la langue de votre question. Pour les menus et les questions courtes, j'utilise cette langue : <b>${current}</b>. Choisissez-en une autre :`,
      chosen: (name) => `C'est noté ! Langue de mes réponses : <b>${name}</b>.`,
      automatic: "Automatique (langue de mon application)",
      forgotten:
        "C'est noté ! J'utilise de nouveau la langue de votre application Telegram, et je ne conserve plus votre choix.",
    },
    commands: {
      start: "Accueil et thèmes",
      topics: "Parcourir les réponses par thème",
      ask: "Poser une question sur la confidentialité de WhatsApp",
      privacy: "Ce que ce bot conserve",
      language: "Choisir la langue de mes réponses",
      help: "Comment utiliser ce bot",
      groupHelp: "Comment me poser une question ici",
    },
    description:
      "Je réponds à vos questions sur la confidentialité et la sécurité de WhatsApp : chiffrement de bout en bout, comptes piratés, Meta AI, publicité, localisation, données partagées avec Meta et vos paramètres de confidentialité. Les réponses viennent d'une FAQ rédigée avec soin, sources à l'appui. Non officiel : sans lien avec WhatsApp ni Meta.",
    shortDescription:
      "Réponses sur la confidentialité et la sécurité de WhatsApp, tirées d'une FAQ soignée et sourcée. Non officiel.",
  },
  page: {
    lang: "fr",
    ogLocale: "fr_FR",
    siteName: "FAQ confidentialité WhatsApp",
    titleSeparator: " · ",
    description:
      "Des réponses claires à vos questions sur la confidentialité de WhatsApp, avec leurs sources. Non officiel.",
    skipLink: "Aller à la zone de question",
    intro:
      "Des réponses claires sur la confidentialité et la sécurité de WhatsApp : chiffrement, comptes piratés, Meta AI, publicité, localisation, données partagées avec Meta et vos paramètres de confidentialité, chacune avec ses sources. Non officiel : sans lien avec WhatsApp ni Meta.",
    questionLabel: "Votre question",
    questionPlaceholder: "ex. : Facebook peut-il lire mes messages ?",
    suggestionsLabel: "Questions suggérées",
    askButton: "Demander",
    topicsTitle: "Parcourir les thèmes",
    footer:
      "Les réponses viennent d'une FAQ rédigée avec soin à partir de sources publiques ; elles ne constituent pas un conseil juridique.",
    footerDevelopers: "Pour les développeurs :",
    docsLink: "Documentation de l'API",
    answer: {
      sources: "Sources :",
      lastReviewed: "Dernière vérification : {date}.",
      related: "Questions associées",
    },
    share: {
      label: "Lien vers cette réponse",
    },
    vote: {
      prompt: "Cette réponse vous a-t-elle été utile ?",
      up: "👍 Oui",
      down: "👎 Non",
      recorded: "Merci pour votre avis.",
      changed: "Avis modifié. Merci.",
      unchanged: "Déjà noté. Merci.",
    },
    outOfScope: {
      tabTitle: "Pas une question de confidentialité",
      title: "Je réponds uniquement aux questions de confidentialité et de sécurité",
    },
    languageSwitcher: {
      label: "Langue",
      apply: "Changer",
    },
    noAnswer: {
      tabTitle: "Aucune réponse",
      title: "Désolé, je n'ai pas de réponse à cela",
      body: "Cette FAQ porte sur la confidentialité et la sécurité sur WhatsApp : chiffrement, comptes piratés, Meta AI, publicité, localisation, données partagées avec Meta et vos paramètres de confidentialité. Plutôt que de deviner, je préfère vous orienter vers une question à laquelle je sais répondre.",
      didYouMean: "Vous cherchiez peut-être",
      browseTopics: "Parcourir tous les thèmes",
    },
    suggest: {
      title: "Proposer cette question",
      body: "La FAQ devrait-elle y répondre ? Envoyez-la aux personnes qui la tiennent à jour. Seul le texte est conservé, rien sur vous.",
      label: "Question à ajouter",
      button: "Proposer",
      thanksTitle: "Merci",
      thanksBody:
        "Votre question a été transmise aux personnes qui tiennent cette FAQ à jour. Seul son texte est conservé, sans rien qui vous concerne.",
    },
    problems: {
      unknownId: {
        title: "Cette question n'est pas dans la FAQ",
        body: "Aucune fiche ne s'appelle « {id} ». Posez votre question avec vos propres mots, ou parcourez les thèmes ci-dessous.",
      },
      tooLong: {
        title: "Cette question est trop longue",
        body: "Une question peut faire jusqu'à {max} caractères ; la vôtre en fait {length}. Raccourcissez-la, puis réessayez.",
      },
      repeated: {
        title: "Une question à la fois",
        body: "Le lien contient plus d'une question. Posez-les une par une dans la zone ci-dessus.",
      },
      invalid: {
        title: "Ce lien n'est pas tout à fait correct",
        body: "Une partie n'a pas pu être lue. Posez votre question dans la zone ci-dessus, ou parcourez les thèmes ci-dessous.",
      },
      badForm: {
        title: "Envoi impossible",
        body: "Le formulaire est arrivé incomplet. Revenez à la réponse et réessayez.",
      },
      otherSite: {
        title: "Pas envoyé depuis cette FAQ",
        body: "Les votes et les suggestions ne sont acceptés que depuis la page de cette FAQ. Ouvrez-la et réessayez depuis celle-ci.",
      },
      rateLimited: {
        title: "Trop de questions à la fois",
        body: "Votre réseau a envoyé tant de questions au cours de la dernière minute que je dois faire une pause. Réessayez dans {seconds} s.",
      },
      busy: {
        title: "Service momentanément occupé",
        body: "Le service démarre ou est très sollicité. Réessayez dans quelques secondes.",
      },
      notFound: {
        title: "Page introuvable",
        body: "Il n'y a rien à cette adresse. Posez votre question dans la zone ci-dessus, ou parcourez les thèmes ci-dessous.",
      },
      failed: {
        title: "Un problème est survenu de notre côté",
        body: "L'incident a été enregistré. Réessayez dans un instant.",
      },
    },
    script: {
      networkError: {
        title: "Impossible de joindre la FAQ",
        body: "Vérifiez votre connexion et réessayez.",
      },
      copy: "Copier le lien",
      share: "Partager",
      copied: "Lien copié.",
      copyFailed: "Copie impossible : sélectionnez le lien et copiez-le.",
    },
  },
};
