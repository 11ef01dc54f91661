import type { Messages } from "../catalog.js";

/** Spanish (tú, as in WhatsApp's own Spanish help centre). */
export const es: Messages = {
  outcome: {
    noAnswer:
      "No tengo una respuesta para eso. Mis respuestas tratan sobre la privacidad y la seguridad en WhatsApp; prueba con otras palabras o consulta los temas.",
    noAnswerWithSuggestions:
      "No tengo una respuesta para eso. Los temas más parecidos que conozco son:",
    outOfScope:
      "Solo respondo preguntas sobre la privacidad y la seguridad en WhatsApp. Si necesitas ayuda para usar WhatsApp, visita el Servicio de ayuda de WhatsApp (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `Aún no puedo responder en tu idioma; aquí tienes la respuesta en inglés. Las respuestas están disponibles en: ${languages}.`,
    untranslated: "Esta respuesta aún no está disponible en tu idioma; aquí la tienes en inglés.",
  },
  languageName: "Español",
  bot: {
    unofficial: "No oficial: no está vinculado a WhatsApp ni a Meta.",
    answer: {
      sources: "Fuentes:",
      lastReviewed: (date) => `Última revisión: ${date}.`,
    },
    deepLinkIntro:
      "👋 Aquí tienes la respuesta que abriste. Pregúntame cualquier otra cosa sobre la privacidad en WhatsApp con tus propias palabras, o consulta /topics.",
    noAnswer:
      "No tengo respuesta para eso en mis preguntas frecuentes. Prueba con otras palabras o mira todas las respuestas con /topics.",
    noAnswerWithSuggestions:
      "No tengo clara la respuesta a eso. ¿Te refieres a alguna de estas? También puedes ver todas las respuestas con /topics.",
    groupNoAnswer:
      "No tengo respuesta para eso en mis preguntas frecuentes. Prueba con otras palabras o pregúntame en un chat privado.",
    groupNoAnswerWithSuggestions:
      "No tengo clara la respuesta a eso. Abajo tienes las preguntas más parecidas que conozco.",
    welcome: {
      title: "👋 <b>¡Hola! Respondo preguntas sobre la privacidad en WhatsApp.</b>",
      body: (count, topics) =>
        `Conozco ${count} respuesta${count === 1 ? "" : "s"} de unas preguntas frecuentes seleccionadas a mano, cada una con enlaces a sus fuentes. Temas: ${topics}.`,
      prompt:
        "Envíame una pregunta con tus propias palabras, por ejemplo <i>¿Puede WhatsApp leer mis mensajes?</i>, o elige un tema:",
    },
    unknownDeepLink:
      "Ese enlace lleva a una respuesta que ya no tengo. Pregúntame con tus propias palabras o consulta /topics.",
    help: {
      title: "<b>Cómo usar este bot</b>",
      intro:
        "Envíame una pregunta sobre la privacidad en WhatsApp con tus propias palabras, por ejemplo <i>¿Puede WhatsApp ver mi ubicación?</i>",
      commands: [
        "/topics – ver todas las respuestas por tema",
        "/ask &lt;pregunta&gt; – hacer una pregunta (también funciona en grupos)",
        "/language – elegir el idioma de mis respuestas",
        "/privacy – qué guarda este bot sobre ti",
        "/help – este mensaje",
      ],
      inGroups: (bot) =>
        `<b>En grupos:</b> añádeme y luego escribe <code>/ask tu pregunta</code>, menciona a ${bot} con tu pregunta o responde a uno de mis mensajes. Todo lo demás lo ignoro.`,
      inAnyChat: (bot) =>
        `<b>En cualquier chat:</b> escribe ${bot} seguido de una pregunta y elige una respuesta para compartirla.`,
    },
    groupIntro: {
      about:
        "👋 Respondo preguntas sobre la privacidad en WhatsApp a partir de unas preguntas frecuentes seleccionadas a mano.",
      howTo: (bot) =>
        `Para preguntar: <code>/ask tu pregunta</code>, menciona a ${bot} con tu pregunta o responde a uno de mis mensajes. Si no, no intervengo.`,
    },
    privacy: {
      title: "<b>Qué guarda este bot</b>",
      kept: (days) => [
        "<b>No</b> guarda tu ID de usuario, tu nombre, tu nombre de usuario, tu número de teléfono, los ID de tus chats ni tu dirección IP, ni tampoco el texto de las preguntas que respondió.",
        "Para responder sin fallos, cada mensaje que le envías (tal como lo entrega Telegram, con tu ID de usuario y de chat) se guarda en una cola hasta que se envía la respuesta, y luego se borra. Solo se conserva su número de actualización, durante 24 horas, para no responder dos veces si el mismo mensaje llega repetido.",
        "De cada respuesta que da: qué entrada de las preguntas frecuentes, dónde (chat privado, grupo, modo inline o web) y la hora. Nada sobre quién preguntó.",
        "De las preguntas que no pudo responder: su texto en minúsculas y sin puntuación, tras quitarle las direcciones de correo, los enlaces, los @usuarios y los números largos (teléfonos, ID); cuántas veces se hicieron y cuándo por primera y por última vez; y la entrada más parecida, para mejorar las preguntas frecuentes. Se guardan como máximo 10.000 de estas preguntas (salvo que quien administra el bot fije otro límite): las menos preguntadas se borran primero. Nada sobre quién preguntó.",
        "De los 👍 / 👎: la entrada, el voto y la hora. Para que puedas cambiar tu voto, también guarda durante 48 horas un código de un solo sentido generado a partir de tu cuenta y del mensaje (un HMAC, no tu ID).",
        "Para frenar avalanchas de mensajes, cuenta tus preguntas por minuto con otro código de un solo sentido, que se descarta al terminar ese minuto.",
        "Si eliges un idioma con /language, guarda esa elección asociada a un código de un solo sentido generado a partir de tu ID de usuario (un HMAC, no tu ID) durante un año, o hasta que vuelvas a elegir «Automático».",
        `Todo esto se borra al cabo de ${days} día${days === 1 ? "" : "s"} (la elección de idioma, al cabo de un año).`,
      ],
      goodToKnow:
        "<b>Ten en cuenta:</b> los chats con bots en Telegram <b>no están cifrados de extremo a extremo</b>. Los servidores de Telegram pueden leer lo que envías aquí, como en cualquier chat en la nube de Telegram. No envíes nada que no pondrías en una página pública de preguntas frecuentes.",
    },
    topics: {
      title: "<b>Temas</b>",
      pickTopic: "Elige un tema para ver sus preguntas:",
      pickQuestion: "Elige una pregunta:",
      inGroup: "Es más cómodo ver los temas en un chat privado conmigo:",
    },
    askUsage:
      "Escribe tu pregunta después del comando, por ejemplo: <code>/ask ¿puede WhatsApp leer mis mensajes?</code>",
    groupEmptyQuestion:
      "¿Dime? Escribe tu pregunta junto con la mención, por ejemplo: <i>¿puede WhatsApp ver mi ubicación?</i>",
    textOnly: "Solo puedo leer texto. Envíame tu pregunta como mensaje o consulta /topics.",
    unknownCommand: "No conozco ese comando. Envíame una pregunta o consulta /help.",
    startingUp: "Me estoy poniendo en marcha. Vuelve a intentarlo en unos segundos.",
    staleButton: "Este botón ya no es válido. Vuelve a preguntar o envía /topics.",
    rateLimit:
      "Me estás preguntando más rápido de lo que puedo responder. Espera un minuto y vuelve a preguntar.",
    buttons: {
      allTopics: "« Todos los temas",
      back: "« Atrás",
      askTheBot: "Preguntar al bot",
      openInBot: "Abrir en el bot",
    },
    feedback: {
      recorded: (emoji) => `Gracias por tu valoración ${emoji}`,
      changed: (emoji) => `Valoración cambiada a ${emoji}`,
      unchanged: (emoji) => `Ya estaba anotada ${emoji}`,
    },
    inline: {
      noAnswerTitle: "No encontré ninguna respuesta",
      noAnswerDescription:
        "Nada en las preguntas frecuentes sobre privacidad en WhatsApp coincide con eso. Prueba con otras palabras.",
      noAnswerMessage:
        "No encontré una respuesta a eso en las preguntas frecuentes sobre privacidad en WhatsApp. Pregúntale directamente al bot o consulta sus temas.",
    },
    smallTalk: {
      greeting:
        "👋 ¡Hola! Pregúntame lo que quieras sobre la privacidad y la seguridad en WhatsApp, por ejemplo <i>¿Puede WhatsApp leer mis mensajes?</i>, o consulta /topics.",
      thanks:
        "¡De nada! Pregúntame cualquier otra cosa sobre la privacidad en WhatsApp cuando quieras.",
      whoAreYou:
        "Soy un bot no oficial que responde preguntas sobre la privacidad y la seguridad en WhatsApp a partir de unas preguntas frecuentes seleccionadas a mano, cada respuesta con sus fuentes. Usa /help para empezar y /privacy para ver qué guardo.",
    },
    language: {
      prompt: (current) =>
        `Respondo en el idioma de tu pregunta. Para los menús y las preguntas cortas uso este idioma: <b>${current}</b>. Elige otro:`,
      chosen: (name) => `Listo: te responderé en <b>${name}</b>.`,
      automatic: "Automático (idioma de mi app)",
      forgotten:
        "Listo: volveré a usar el idioma de tu app de Telegram y ya no guardo tu elección.",
    },
    commands: {
      start: "Bienvenida y temas",
      topics: "Ver las respuestas por tema",
      ask: "Preguntar sobre la privacidad en WhatsApp",
      privacy: "Qué guarda este bot",
      language: "Elegir el idioma de mis respuestas",
      help: "Cómo usar este bot",
      groupHelp: "Cómo preguntarme aquí",
    },
    description:
      "Respondo preguntas sobre la privacidad y la seguridad en WhatsApp: cifrado de extremo a extremo, cuentas hackeadas, Meta AI, anuncios, ubicación, qué se comparte con Meta y tus ajustes de privacidad. Las respuestas salen de unas preguntas frecuentes seleccionadas a mano, con fuentes. No oficial: no está vinculado a WhatsApp ni a Meta.",
    shortDescription:
      "Respuestas sobre privacidad y seguridad en WhatsApp, de unas preguntas frecuentes revisadas y con fuentes. No oficial.",
  },
  page: {
    lang: "es",
    ogLocale: "es_ES",
    siteName: "Preguntas frecuentes sobre privacidad en WhatsApp",
    titleSeparator: " · ",
    description:
      "Respuestas claras a preguntas sobre la privacidad en WhatsApp, con fuentes. No oficial.",
    skipLink: "Ir al cuadro de la pregunta",
    intro:
      "Respuestas claras sobre la privacidad y la seguridad en WhatsApp: cifrado, cuentas hackeadas, Meta AI, anuncios, ubicación, datos que se comparten con Meta y tus ajustes de privacidad, cada una con sus fuentes. Sitio no oficial, sin relación con WhatsApp ni con Meta.",
    questionLabel: "Tu pregunta",
    questionPlaceholder: "p. ej., ¿puede Facebook leer mis mensajes?",
    suggestionsLabel: "Preguntas sugeridas",
    askButton: "Preguntar",
    topicsTitle: "Explorar temas",
    footer:
      "Las respuestas salen de unas preguntas frecuentes seleccionadas a mano, con fuentes públicas; no son asesoramiento legal.",
    footerDevelopers: "Para desarrolladores:",
    docsLink: "Documentación de la API",
    answer: {
      sources: "Fuentes:",
      lastReviewed: "Última revisión: {date}.",
      related: "Preguntas relacionadas",
    },
    share: {
      label: "Enlace a esta respuesta",
    },
    vote: {
      prompt: "¿Te sirvió esta respuesta?",
      up: "👍 Sí",
      down: "👎 No",
      recorded: "Gracias por tu valoración.",
      changed: "Valoración cambiada. Gracias.",
      unchanged: "Ya estaba anotada. Gracias.",
    },
    outOfScope: {
      tabTitle: "No es una pregunta sobre privacidad",
      title: "Solo respondo preguntas sobre privacidad y seguridad",
    },
    languageSwitcher: {
      label: "Idioma",
      apply: "Cambiar",
    },
    noAnswer: {
      tabTitle: "Sin respuesta",
      title: "Lo siento, no tengo respuesta para eso",
      body: "Estas preguntas frecuentes tratan sobre la privacidad y la seguridad en WhatsApp: cifrado, cuentas hackeadas, Meta AI, anuncios, ubicación, datos que se comparten con Meta y tus ajustes de privacidad. En lugar de adivinar, prefiero indicarte una pregunta que sí sé responder.",
      didYouMean: "Quizá buscabas",
      browseTopics: "Ver todos los temas",
    },
    suggest: {
      title: "Sugiere esta pregunta",
      body: "¿Deberían responderla estas preguntas frecuentes? Envíasela a quienes las mantienen. Solo se guarda el texto, nada sobre ti.",
      label: "Pregunta que quieres añadir",
      button: "Sugerir",
      thanksTitle: "¡Gracias!",
      thanksBody:
        "Tu pregunta se envió a quienes mantienen estas preguntas frecuentes. Se guarda solo como texto, sin nada sobre ti.",
    },
    problems: {
      unknownId: {
        title: "Esa pregunta no figura en las preguntas frecuentes",
        body: "No hay ninguna entrada llamada «{id}». Prueba a preguntar con tus propias palabras o consulta los temas de abajo.",
      },
      tooLong: {
        title: "Esa pregunta es demasiado larga",
        body: "Las preguntas pueden tener hasta {max} caracteres; la tuya tiene {length}. Acórtala y vuelve a preguntar.",
      },
      repeated: {
        title: "Una pregunta cada vez",
        body: "El enlace contiene más de una pregunta. Hazlas de una en una en el cuadro de arriba.",
      },
      invalid: {
        title: "Ese enlace no está del todo bien",
        body: "No se pudo leer una parte. Escribe tu pregunta en el cuadro de arriba o consulta los temas de abajo.",
      },
      badForm: {
        title: "No se pudo enviar",
        body: "El formulario llegó incompleto. Vuelve a la respuesta e inténtalo de nuevo.",
      },
      otherSite: {
        title: "No se envió desde estas preguntas frecuentes",
        body: "Los votos y las sugerencias solo se aceptan desde la propia página de estas preguntas frecuentes. Ábrela e inténtalo de nuevo desde allí.",
      },
      rateLimited: {
        title: "Demasiadas preguntas a la vez",
        body: "En el último minuto llegaron tantas preguntas desde tu red que tengo que hacer una pausa. Vuelve a intentarlo en {seconds} s.",
      },
      busy: {
        title: "Mucha actividad en este momento",
        body: "El servicio se está iniciando o tiene mucha actividad. Vuelve a intentarlo en unos segundos.",
      },
      notFound: {
        title: "Página no encontrada",
        body: "No hay nada en esta dirección. Escribe tu pregunta en el cuadro de arriba o consulta los temas de abajo.",
      },
      failed: {
        title: "Algo falló por nuestra parte",
        body: "El error quedó registrado. Vuelve a intentarlo en un momento.",
      },
    },
    script: {
      networkError: {
        title: "No se pudo conectar con las preguntas frecuentes",
        body: "Revisa tu conexión e inténtalo de nuevo.",
      },
      copy: "Copiar enlace",
      share: "Compartir",
      copied: "Enlace copiado.",
      copyFailed: "No se pudo copiar: selecciona el enlace y cópialo.",
    },
  },
};
