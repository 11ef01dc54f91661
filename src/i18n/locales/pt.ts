import type { Messages } from "../catalog.js";

/** Português do Brasil (pt-BR), tratando a pessoa por "você", como a Central de Ajuda do WhatsApp. */
export const pt: Messages = {
  outcome: {
    noAnswer:
      "Não tenho uma resposta para isso. Minhas respostas tratam de privacidade e segurança no WhatsApp; tente com outras palavras ou navegue pelos tópicos.",
    noAnswerWithSuggestions:
      "Não tenho uma resposta para isso. Os tópicos mais próximos que conheço são:",
    outOfScope:
      "Só respondo perguntas sobre privacidade e segurança no WhatsApp. Para ajuda com o uso do WhatsApp, consulte a Central de Ajuda do WhatsApp (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `Ainda não consigo responder no seu idioma; aqui está a resposta em inglês. As respostas estão disponíveis em: ${languages}.`,
    untranslated:
      "Esta resposta ainda não está disponível no seu idioma; aqui está a versão em inglês.",
  },
  languageName: "Português",
  bot: {
    unofficial: "Não oficial: sem vínculo com o WhatsApp nem com a Meta.",
    answer: {
      sources: "Fontes:",
      lastReviewed: (date) => `Última revisão: ${date}.`,
    },
    deepLinkIntro:
      "👋 Aqui está a resposta que você abriu. Pergunte qualquer outra coisa sobre privacidade no WhatsApp com suas palavras ou navegue pelos tópicos em /topics.",
    noAnswer:
      "Não tenho uma resposta para isso no meu FAQ. Tente com outras palavras ou veja todas as respostas em /topics.",
    noAnswerWithSuggestions:
      "Não tenho certeza da resposta para isso. Você quis dizer uma destas? Ou veja todas as respostas em /topics.",
    groupNoAnswer:
      "Não tenho uma resposta para isso no meu FAQ. Tente com outras palavras ou me pergunte em um chat privado.",
    groupNoAnswerWithSuggestions:
      "Não tenho certeza da resposta para isso. As perguntas mais próximas que conheço estão abaixo.",
    welcome: {
      title: "👋 <b>Oi! Eu respondo perguntas sobre privacidade no WhatsApp.</b>",
      body: (count, topics) =>
        `Conheço ${count} ${count === 1 ? "resposta" : "respostas"} de um FAQ com curadoria, cada uma com link para as fontes. Tópicos: ${topics}.`,
      prompt:
        "Mande uma pergunta com suas palavras, por exemplo <i>O WhatsApp pode ler minhas mensagens?</i>, ou escolha um tópico:",
    },
    unknownDeepLink:
      "Esse link leva a uma resposta que eu não tenho mais. Pergunte com suas palavras ou navegue pelos tópicos em /topics.",
    help: {
      title: "<b>Como usar este bot</b>",
      intro:
        "Mande uma pergunta sobre privacidade no WhatsApp com suas palavras, por exemplo <i>O WhatsApp pode ver minha localização?</i>",
      commands: [
        "/topics – ver todas as respostas por tópico",
        "/ask &lt;pergunta&gt; – fazer uma pergunta (funciona também em grupos)",
        "/language – escolher o idioma das minhas respostas",
        "/privacy – o que este bot guarda sobre você",
        "/help – esta mensagem",
      ],
      inGroups: (bot) =>
        `<b>Em grupos:</b> me adicione e depois escreva <code>/ask sua pergunta</code>, mencione ${bot} com a sua pergunta ou responda a uma das minhas mensagens. Eu ignoro todo o resto.`,
      inAnyChat: (bot) =>
        `<b>Em qualquer chat:</b> digite ${bot} seguido de uma pergunta e escolha uma resposta para compartilhar.`,
    },
    groupIntro: {
      about:
        "👋 Eu respondo perguntas sobre privacidade no WhatsApp com base em um FAQ com curadoria.",
      howTo: (bot) =>
        `Para perguntar: <code>/ask sua pergunta</code>, mencione ${bot} com a sua pergunta ou responda a uma das minhas mensagens. Fora isso, fico em silêncio.`,
    },
    privacy: {
      title: "<b>O que este bot guarda</b>",
      kept: (days) => [
        "Ele <b>não</b> guarda seu ID de usuário, nome, nome de usuário, número de telefone, IDs de chat ou endereço IP, nem o texto das perguntas que respondeu.",
        "Para responder de forma confiável, cada mensagem que você envia para ele (do jeito que o Telegram a entrega, com seu ID de usuário e de chat) fica em uma fila até a resposta ser enviada e depois é apagada. Só o número da atualização dela é guardado, por 24 horas, para que uma entrega repetida não seja respondida duas vezes.",
        "Para cada resposta que ele dá: qual item do FAQ, onde (chat privado, grupo, modo inline ou web) e a hora. Nada sobre quem perguntou.",
        "Para as perguntas que ele não conseguiu responder: o texto delas em minúsculas e sem pontuação, com endereços de e-mail, links, @nomes de usuário e números longos (números de telefone, IDs) removidos; quantas vezes e quando foram feitas pela primeira e pela última vez; e o item mais próximo, para melhorar o FAQ. São guardadas no máximo 10.000 dessas perguntas (a menos que o operador defina outro limite): as menos perguntadas são descartadas primeiro. Nada sobre quem perguntou.",
        "Para 👍 / 👎: o item, o voto e a hora. Para você poder mudar seu voto, ele também guarda, por 48 horas, um código de mão única feito a partir de você e da mensagem (um HMAC, não o seu ID).",
        "Para conter enxurradas de mensagens, ele conta suas perguntas por minuto usando outro código de mão única, que é esquecido quando o minuto termina.",
        "Se você escolher um idioma com /language, ele guarda essa escolha associada a um código de mão única feito a partir do seu ID de usuário (um HMAC, não o seu ID) por um ano, ou até você escolher Automático de novo.",
        `Tudo isso é apagado depois de ${days} ${days === 1 ? "dia" : "dias"} (a escolha de idioma, depois de um ano).`,
      ],
      goodToKnow:
        "<b>Vale saber:</b> os chats com bots no Telegram <b>não são criptografados de ponta a ponta</b>. Os servidores do Telegram podem ler o que você envia aqui, como em qualquer chat na nuvem do Telegram. Não envie nada que você não colocaria em um FAQ público.",
    },
    topics: {
      title: "<b>Tópicos</b>",
      pickTopic: "Escolha um tópico para ver as perguntas:",
      pickQuestion: "Escolha uma pergunta:",
      inGroup: "Navegar pelos tópicos funciona melhor em um chat privado comigo:",
    },
    askUsage:
      "Escreva sua pergunta depois do comando, por exemplo: <code>/ask o WhatsApp pode ler minhas mensagens?</code>",
    groupEmptyQuestion:
      "Pois não? Escreva sua pergunta junto com a menção, por exemplo: <i>o WhatsApp pode ver minha localização?</i>",
    textOnly:
      "Só consigo ler texto. Mande sua pergunta como mensagem ou navegue pelos tópicos em /topics.",
    unknownCommand: "Não conheço esse comando. Mande uma pergunta ou veja /help.",
    startingUp: "Estou iniciando agora. Tente de novo em alguns segundos.",
    staleButton: "Este botão está desatualizado. Pergunte de novo ou envie /topics.",
    rateLimit:
      "Você está perguntando mais rápido do que eu consigo acompanhar. Espere um minuto e pergunte de novo.",
    buttons: {
      allTopics: "« Todos os tópicos",
      back: "« Voltar",
      askTheBot: "Perguntar ao bot",
      openInBot: "Abrir no bot",
    },
    feedback: {
      recorded: (emoji) => `Obrigado pelo feedback ${emoji}`,
      changed: (emoji) => `Feedback alterado para ${emoji}`,
      unchanged: (emoji) => `Já registrado ${emoji}`,
    },
    inline: {
      noAnswerTitle: "Nenhuma resposta encontrada",
      noAnswerDescription:
        "Nada no FAQ de privacidade do WhatsApp corresponde a isso. Tente com outras palavras.",
      noAnswerMessage:
        "Não encontrei uma resposta para isso no FAQ de privacidade do WhatsApp. Pergunte direto ao bot ou navegue pelos tópicos dele.",
    },
    smallTalk: {
      greeting:
        "👋 Oi! Pergunte o que quiser sobre privacidade e segurança no WhatsApp, por exemplo <i>O WhatsApp pode ler minhas mensagens?</i>, ou navegue pelos tópicos em /topics.",
      thanks:
        "De nada! Quando quiser, é só me perguntar mais alguma coisa sobre privacidade no WhatsApp.",
      whoAreYou:
        "Sou um bot não oficial que responde perguntas sobre privacidade e segurança no WhatsApp com base em um FAQ com curadoria, e cada resposta traz as fontes. Veja /help para começar e /privacy para saber o que eu guardo.",
    },
    language: {
      prompt: (current) =>
        `Eu respondo no idioma da sua pergunta. Para menus e perguntas curtas, uso <b>${current}</b>. Escolha outro idioma:`,
      chosen: (name) => `Pronto: agora eu respondo em <b>${name}</b>.`,
      automatic: "Automático (idioma do meu app)",
      forgotten:
        "Pronto: vou voltar a seguir o idioma do seu app do Telegram e não guardo mais a sua escolha.",
    },
    commands: {
      start: "Boas-vindas e tópicos",
      topics: "Ver as respostas por tópico",
      ask: "Fazer uma pergunta sobre privacidade no WhatsApp",
      privacy: "O que este bot guarda",
      language: "Escolher o idioma das minhas respostas",
      help: "Como usar este bot",
      groupHelp: "Como me fazer perguntas aqui",
    },
    description:
      "Respondo perguntas sobre privacidade e segurança no WhatsApp: criptografia de ponta a ponta, contas invadidas, Meta AI, anúncios, localização, o que é compartilhado com a Meta e suas configurações de privacidade. As respostas vêm de um FAQ com curadoria e fontes. Não oficial: sem vínculo com o WhatsApp nem com a Meta.",
    shortDescription:
      "Respostas sobre privacidade e segurança no WhatsApp, de um FAQ com curadoria e fontes. Não oficial.",
  },
  page: {
    lang: "pt-BR",
    ogLocale: "pt_BR",
    siteName: "FAQ de privacidade do WhatsApp",
    titleSeparator: " · ",
    description:
      "Respostas claras a perguntas sobre a privacidade no WhatsApp, com fontes. Não oficial.",
    skipLink: "Pular para a caixa de pergunta",
    intro:
      "Respostas claras sobre privacidade e segurança no WhatsApp: criptografia, contas invadidas, Meta AI, anúncios, localização, dados compartilhados com a Meta e suas configurações de privacidade, cada uma com suas fontes. Não oficial: sem vínculo com o WhatsApp nem com a Meta.",
    questionLabel: "Sua pergunta",
    questionPlaceholder: "ex.: o Facebook pode ler minhas mensagens?",
    suggestionsLabel: "Perguntas sugeridas",
    askButton: "Perguntar",
    topicsTitle: "Navegue pelos tópicos",
    footer:
      "As respostas vêm de um FAQ com curadoria e fontes públicas; elas não são orientação jurídica.",
    footerDevelopers: "Para desenvolvedores:",
    docsLink: "Documentação da API",
    answer: {
      sources: "Fontes:",
      lastReviewed: "Última revisão: {date}.",
      related: "Perguntas relacionadas",
    },
    share: {
      label: "Link para esta resposta",
    },
    vote: {
      prompt: "Esta resposta ajudou?",
      up: "👍 Sim",
      down: "👎 Não",
      recorded: "Obrigado pelo feedback.",
      changed: "Feedback alterado. Obrigado.",
      unchanged: "Já registrado. Obrigado.",
    },
    outOfScope: {
      tabTitle: "Não é uma pergunta sobre privacidade",
      title: "Só respondo perguntas sobre privacidade e segurança",
    },
    languageSwitcher: {
      label: "Idioma",
      apply: "Alterar",
    },
    noAnswer: {
      tabTitle: "Sem resposta",
      title: "Desculpe, não tenho uma resposta para isso",
      body: "Este FAQ trata de privacidade e segurança no WhatsApp: criptografia, contas invadidas, Meta AI, anúncios, localização, dados compartilhados com a Meta e suas configurações de privacidade. Em vez de tentar adivinhar, prefiro indicar uma pergunta que eu sei responder.",
      didYouMean: "Você quis dizer",
      browseTopics: "Ver todos os tópicos",
    },
    suggest: {
      title: "Sugira esta pergunta",
      body: "O FAQ deveria responder a ela? Envie para as pessoas que cuidam dele. Só o texto é guardado, nada sobre você.",
      label: "Pergunta para incluir",
      button: "Sugerir",
      thanksTitle: "Obrigado",
      thanksBody:
        "Sua pergunta foi encaminhada para as pessoas que cuidam deste FAQ. Ela fica guardada só como texto, sem nada sobre você.",
    },
    problems: {
      unknownId: {
        title: "Essa pergunta não está no FAQ",
        body: "Não existe nenhum item chamado “{id}”. Tente perguntar com suas palavras ou navegue pelos tópicos abaixo.",
      },
      tooLong: {
        title: "Essa pergunta é longa demais",
        body: "As perguntas podem ter até {max} caracteres; a sua tem {length}. Encurte o texto e pergunte de novo.",
      },
      repeated: {
        title: "Uma pergunta por vez",
        body: "O link tem mais de uma pergunta. Faça uma de cada vez na caixa acima.",
      },
      invalid: {
        title: "Tem algo errado nesse link",
        body: "Não foi possível ler uma parte dele. Faça sua pergunta na caixa acima ou navegue pelos tópicos abaixo.",
      },
      badForm: {
        title: "Não foi possível enviar",
        body: "O formulário chegou incompleto. Volte para a resposta e tente de novo.",
      },
      otherSite: {
        title: "Não foi enviado a partir deste FAQ",
        body: "Votos e sugestões só são aceitos na própria página deste FAQ. Abra a página e tente de novo por lá.",
      },
      rateLimited: {
        title: "Muitas perguntas de uma vez",
        body: "Chegaram tantas perguntas da sua rede no último minuto que eu preciso fazer uma pausa. Tente de novo em {seconds} s.",
      },
      busy: {
        title: "Ocupado no momento",
        body: "O serviço está iniciando ou muito ocupado. Tente de novo em alguns segundos.",
      },
      notFound: {
        title: "Página não encontrada",
        body: "Não há nada neste endereço. Faça sua pergunta na caixa acima ou navegue pelos tópicos abaixo.",
      },
      failed: {
        title: "Algo deu errado do nosso lado",
        body: "O erro foi registrado. Tente de novo daqui a pouco.",
      },
    },
    script: {
      networkError: {
        title: "Não foi possível acessar o FAQ",
        body: "Verifique sua conexão e tente de novo.",
      },
      copy: "Copiar link",
      share: "Compartilhar",
      copied: "Link copiado.",
      copyFailed: "Não foi possível copiar: selecione o link e copie.",
    },
  },
};
