import type { Messages } from "../catalog.js";

/** Türkçe, kişiye "siz" diye hitap ederek (WhatsApp'ın Türkçe Yardım Merkezi gibi). */
export const tr: Messages = {
  outcome: {
    noAnswer:
      "Bu soruya bir yanıtım yok. Yanıtlarım WhatsApp'ta gizlilik ve güvenlikle ilgili; başka kelimelerle deneyin ya da konulara göz atın.",
    noAnswerWithSuggestions: "Bu soruya bir yanıtım yok. Bildiğim en yakın konular şunlar:",
    outOfScope:
      "Yalnızca WhatsApp'ta gizlilik ve güvenlikle ilgili soruları yanıtlıyorum. WhatsApp'ı kullanmayla ilgili yardım için WhatsApp Yardım Merkezi'ne bakın (faq.whatsapp.com).",
    unsupportedLanguage: (languages) =>
      `Henüz sizin dilinizde yanıt veremiyorum; yanıtı İngilizce veriyorum. Yanıtların bulunduğu diller: ${languages}.`,
    untranslated: "Bu yanıt henüz sizin dilinizde yok; İngilizcesini gösteriyorum.",
  },
  languageName: "Türkçe",
  bot: {
    unofficial: "Resmi değil: WhatsApp veya Meta ile bir bağlantısı yok.",
    answer: {
      sources: "Kaynaklar:",
      lastReviewed: (date) => `Son gözden geçirme: ${date}.`,
    },
    deepLinkIntro:
      "👋 Açtığınız yanıt burada. WhatsApp gizliliğiyle ilgili başka ne merak ediyorsanız kendi cümlelerinizle sorun ya da /topics ile konulara göz atın.",
    noAnswer:
      "Bu sorunun yanıtı SSS'de yok. Başka kelimelerle deneyin ya da /topics ile tüm yanıtlara göz atın.",
    noAnswerWithSuggestions:
      "Bu soruya emin olduğum bir yanıtım yok. Şunlardan birini mi demek istediniz? Ya da /topics ile tüm yanıtlara göz atın.",
    groupNoAnswer:
      "Bu sorunun yanıtı SSS'de yok. Başka kelimelerle deneyin ya da bana özel sohbetten sorun.",
    groupNoAnswerWithSuggestions:
      "Bu soruya emin olduğum bir yanıtım yok. Bildiğim en yakın sorular aşağıda.",
    welcome: {
      title: "👋 <b>Merhaba! WhatsApp gizliliğiyle ilgili soruları yanıtlıyorum.</b>",
      body: (count, topics) =>
        `Özenle derlenmiş bir SSS'den ${count} yanıt biliyorum; her birinde kaynaklarının bağlantısı var. Konular: ${topics}.`,
      prompt:
        "Sorunuzu kendi cümlelerinizle gönderin, örneğin <i>WhatsApp mesajlarımı okuyabilir mi?</i> Ya da bir konu seçin:",
    },
    unknownDeepLink:
      "Bu bağlantı artık bende olmayan bir yanıta gidiyor. Sorunuzu kendi cümlelerinizle sorun ya da /topics ile konulara göz atın.",
    help: {
      title: "<b>Bu bot nasıl kullanılır?</b>",
      intro:
        "WhatsApp gizliliğiyle ilgili sorunuzu kendi cümlelerinizle gönderin, örneğin <i>WhatsApp konumumu görebilir mi?</i>",
      commands: [
        "/topics – tüm yanıtlara konu konu göz atın",
        "/ask &lt;soru&gt; – soru sorun (gruplarda da çalışır)",
        "/language – yanıtlarımın dilini seçin",
        "/privacy – bu botun sizinle ilgili neleri sakladığı",
        "/help – bu mesaj",
      ],
      inGroups: (bot) =>
        `<b>Gruplarda:</b> beni gruba ekleyin, sonra <code>/ask sorunuz</code> yazın, sorunuzu ${bot} etiketiyle yazın ya da mesajlarımdan birini yanıtlayın. Bunların dışındaki her şeyi görmezden gelirim.`,
      inAnyChat: (bot) =>
        `<b>Herhangi bir sohbette:</b> ${bot} yazıp ardından sorunuzu ekleyin, paylaşmak istediğiniz yanıtı seçin.`,
    },
    groupIntro: {
      about: "👋 WhatsApp gizliliğiyle ilgili soruları özenle derlenmiş bir SSS'den yanıtlıyorum.",
      howTo: (bot) =>
        `Soru sormak için <code>/ask sorunuz</code> yazın, sorunuzu ${bot} etiketiyle yazın ya da mesajlarımdan birini yanıtlayın. Bunun dışında sessiz kalırım.`,
    },
    privacy: {
      title: "<b>Bu bot neleri saklıyor?</b>",
      kept: (days) => [
        "Kullanıcı kimliğinizi, adınızı, kullanıcı adınızı, telefon numaranızı, sohbet kimliklerini ya da IP adresinizi <b>saklamaz</b>; yanıtladığı soruların metnini de saklamaz.",
        "Güvenilir bir şekilde yanıt verebilmek için gönderdiğiniz her mesaj (Telegram'ın ilettiği hâliyle, kullanıcı ve sohbet kimliğinizle birlikte) yanıt gönderilene kadar bir kuyrukta tutulur, sonra silinir. Aynı mesaj tekrar iletilirse iki kez yanıtlanmasın diye yalnızca mesajın güncelleme numarası 24 saat saklanır.",
        "Verdiği her yanıt için: hangi SSS maddesi olduğu, nerede verildiği (özel sohbet, grup, satır içi ya da web) ve saati. Kimin sorduğuna dair hiçbir şey saklanmaz.",
        "Yanıtlayamadığı sorular için: küçük harfe çevrilmiş, noktalama işaretleri kaldırılmış, e-posta adresleri, bağlantılar, @kullanıcı adları ve uzun sayılar (telefon numaraları, kimlikler) çıkarılmış metinleri; ne sıklıkla soruldukları, ilk ve son ne zaman soruldukları; SSS'yi geliştirmek için de en yakın madde. Bu türden en fazla 10.000 soru saklanır (botu işleten kişi başka bir sınır belirlemediyse): ilk önce en az sorulanlar silinir. Kimin sorduğuna dair hiçbir şey saklanmaz.",
        "👍 / 👎 için: madde, oy ve saat. Oyunuzu değiştirebilmeniz için sizden ve mesajdan türetilen tek yönlü bir kodu da (kimliğinizi değil, bir HMAC'i) 48 saat boyunca saklar.",
        "Aşırı yoğun mesaj gönderimini önlemek için dakikada kaç soru sorduğunuzu başka bir tek yönlü kodla sayar; bu sayım dakika dolunca unutulur.",
        "/language ile bir dil seçerseniz bu seçimi, kullanıcı kimliğinizden türetilen tek yönlü bir kod (kimliğiniz değil, bir HMAC) altında bir yıl boyunca ya da yeniden Otomatik seçeneğini seçene kadar saklar.",
        `Bunların hepsi ${days} gün sonra silinir (dil seçimi ise bir yıl sonra).`,
      ],
      goodToKnow:
        "<b>Bilmenizde fayda var:</b> Telegram'da botlarla yapılan sohbetler <b>uçtan uca şifreli değildir</b>. Her Telegram bulut sohbetinde olduğu gibi, buraya gönderdiklerinizi Telegram'ın sunucuları okuyabilir. Herkese açık bir SSS'ye koymayacağınız hiçbir şeyi göndermeyin.",
    },
    topics: {
      title: "<b>Konular</b>",
      pickTopic: "Sorularını görmek için bir konu seçin:",
      pickQuestion: "Bir soru seçin:",
      inGroup: "Konulara en rahat benimle özel sohbette göz atabilirsiniz:",
    },
    askUsage:
      "Sorunuzu komuttan sonra yazın, örneğin: <code>/ask WhatsApp mesajlarımı okuyabilir mi?</code>",
    groupEmptyQuestion:
      "Efendim? Sorunuzu etiketle birlikte yazın, örneğin: <i>WhatsApp konumumu görebilir mi?</i>",
    textOnly:
      "Yalnızca metin okuyabiliyorum. Sorunuzu mesaj olarak gönderin ya da /topics ile konulara göz atın.",
    unknownCommand: "Bu komutu tanımıyorum. Bana bir soru gönderin ya da /help yazın.",
    startingUp: "Şu an başlatılıyorum. Lütfen birkaç saniye sonra tekrar deneyin.",
    staleButton: "Bu düğme artık geçerli değil. Yeniden sorun ya da /topics gönderin.",
    rateLimit:
      "Yetişebileceğimden daha hızlı soru soruyorsunuz. Lütfen bir dakika bekleyip tekrar sorun.",
    buttons: {
      allTopics: "« Tüm konular",
      back: "« Geri",
      askTheBot: "Bota sor",
      openInBot: "Botta aç",
    },
    feedback: {
      recorded: (emoji) => `Geri bildiriminiz için teşekkürler ${emoji}`,
      changed: (emoji) => `Geri bildiriminiz ${emoji} olarak değiştirildi`,
      unchanged: (emoji) => `Zaten kaydedildi ${emoji}`,
    },
    inline: {
      noAnswerTitle: "Yanıt bulunamadı",
      noAnswerDescription:
        "WhatsApp gizlilik SSS'sinde buna uyan bir şey yok. Başka kelimelerle deneyin.",
      noAnswerMessage:
        "WhatsApp gizlilik SSS'sinde buna bir yanıt bulamadım. Doğrudan bota sorun ya da konularına göz atın.",
    },
    smallTalk: {
      greeting:
        "👋 Merhaba! WhatsApp'ta gizlilik ve güvenlikle ilgili her şeyi bana sorabilirsiniz, örneğin <i>WhatsApp mesajlarımı okuyabilir mi?</i> Ya da /topics ile konulara göz atın.",
      thanks:
        "Rica ederim! WhatsApp gizliliğiyle ilgili başka bir sorunuz olursa istediğiniz zaman sorabilirsiniz.",
      whoAreYou:
        "WhatsApp'ta gizlilik ve güvenlikle ilgili soruları özenle derlenmiş bir SSS'den yanıtlayan, resmi olmayan bir botum; her yanıtımda kaynakları da var. Başlamak için /help, neleri sakladığımı görmek için /privacy yazın.",
    },
    language: {
      prompt: (current) =>
        `Sorunuz hangi dildeyse o dilde yanıt veririm. Menülerde ve kısa sorularda <b>${current}</b> kullanıyorum. Başka bir dil seçin:`,
      chosen: (name) => `Tamam: Artık size <b>${name}</b> dilinde yanıt vereceğim.`,
      automatic: "Otomatik (uygulamamın dili)",
      forgotten:
        "Tamam: Yeniden Telegram uygulamanızın dilini izleyeceğim ve seçiminizi artık saklamıyorum.",
    },
    commands: {
      start: "Karşılama ve konular",
      topics: "Yanıtlara konuya göre göz atın",
      ask: "WhatsApp gizliliğiyle ilgili soru sorun",
      privacy: "Bu bot neleri saklıyor",
      language: "Yanıtlarımın dilini seçin",
      help: "Bu bot nasıl kullanılır",
      groupHelp: "Burada bana nasıl soru sorabilirsiniz",
    },
    description:
      "WhatsApp gizliliği ve güvenliğiyle ilgili soruları yanıtlıyorum: uçtan uca şifreleme, ele geçirilen hesaplar, Meta AI, reklamlar, konum, Meta ile neler paylaşıldığı ve gizlilik ayarlarınız. Yanıtlar, kaynakları belirtilmiş, özenle derlenmiş bir SSS'den gelir. Resmi değil: WhatsApp veya Meta ile bir bağlantısı yok.",
    shortDescription:
      "Özenle derlenmiş bir SSS'den, kaynaklarıyla WhatsApp gizlilik ve güvenlik yanıtları. Resmi değil.",
  },
  page: {
    lang: "tr",
    ogLocale: "tr_TR",
    siteName: "WhatsApp gizlilik SSS'si",
    titleSeparator: " · ",
    description:
      "WhatsApp gizliliğiyle ilgili sorulara kaynaklarıyla birlikte sade yanıtlar. Resmi değil.",
    skipLink: "Soru kutusuna geç",
    intro:
      "WhatsApp gizliliği ve güvenliğiyle ilgili sade yanıtlar: şifreleme, ele geçirilen hesaplar, Meta AI, reklamlar, konum, Meta ile paylaşılan veriler ve gizlilik ayarlarınız; her biri kaynaklarıyla. Resmi değil: WhatsApp veya Meta ile bir bağlantısı yok.",
    questionLabel: "Sorunuz",
    questionPlaceholder: "ör. Facebook mesajlarımı okuyabilir mi?",
    suggestionsLabel: "Önerilen sorular",
    askButton: "Sor",
    topicsTitle: "Konulara göz atın",
    footer:
      "Yanıtlar, herkese açık kaynaklara dayanan, özenle derlenmiş bir SSS'den gelir; hukuki tavsiye değildir.",
    footerDevelopers: "Geliştiriciler için:",
    docsLink: "API belgeleri",
    answer: {
      sources: "Kaynaklar:",
      lastReviewed: "Son gözden geçirme: {date}.",
      related: "İlgili sorular",
    },
    share: {
      label: "Bu yanıtın bağlantısı",
    },
    vote: {
      prompt: "Bu yanıt işinize yaradı mı?",
      up: "👍 Evet",
      down: "👎 Hayır",
      recorded: "Geri bildiriminiz için teşekkürler.",
      changed: "Geri bildiriminiz değiştirildi. Teşekkürler.",
      unchanged: "Zaten kaydedildi. Teşekkürler.",
    },
    outOfScope: {
      tabTitle: "Gizlilikle ilgili bir soru değil",
      title: "Yalnızca gizlilik ve güvenlik sorularını yanıtlıyorum",
    },
    languageSwitcher: {
      label: "Dil",
      apply: "Değiştir",
    },
    noAnswer: {
      tabTitle: "Yanıt yok",
      title: "Üzgünüm, bu soruya bir yanıtım yok",
      body: "Bu SSS, WhatsApp'ta gizlilik ve güvenliği kapsar: şifreleme, ele geçirilen hesaplar, Meta AI, reklamlar, konum, Meta ile paylaşılan veriler ve gizlilik ayarlarınız. Tahminde bulunmak yerine sizi yanıtlayabileceğim bir soruya yönlendirmeyi tercih ederim.",
      didYouMean: "Şunu mu demek istediniz?",
      browseTopics: "Tüm konulara göz atın",
    },
    suggest: {
      title: "Bu soruyu önerin",
      body: "SSS bu soruyu yanıtlamalı mı? Soruyu SSS'yi hazırlayanlara gönderin. Yalnızca sorunun metni saklanır, sizinle ilgili hiçbir şey saklanmaz.",
      label: "Eklenecek soru",
      button: "Öner",
      thanksTitle: "Teşekkürler",
      thanksBody:
        "Sorunuz bu SSS'yi hazırlayanlara iletildi. Yalnızca metin olarak saklanır; sizinle ilgili hiçbir bilgi saklanmaz.",
    },
    problems: {
      unknownId: {
        title: "Bu soru SSS'de yok",
        body: "“{id}” adlı bir madde yok. Sorunuzu kendi cümlelerinizle sormayı deneyin ya da aşağıdaki konulara göz atın.",
      },
      tooLong: {
        title: "Bu soru çok uzun",
        body: "Sorular en fazla {max} karakter olabilir; sizinki {length} karakter. Lütfen kısaltıp tekrar sorun.",
      },
      repeated: {
        title: "Her seferinde tek soru",
        body: "Bağlantıda birden fazla soru var. Bunları yukarıdaki kutuda tek tek sorun.",
      },
      invalid: {
        title: "Bu bağlantıda bir sorun var",
        body: "Bağlantının bir kısmı okunamadı. Sorunuzu yukarıdaki kutuya yazın ya da aşağıdaki konulara göz atın.",
      },
      badForm: {
        title: "Gönderilemedi",
        body: "Form eksik ulaştı. Lütfen yanıta geri dönüp tekrar deneyin.",
      },
      otherSite: {
        title: "Bu SSS'den gönderilmedi",
        body: "Oylar ve öneriler yalnızca bu SSS'nin kendi sayfasından kabul edilir. Lütfen sayfayı açıp orada tekrar deneyin.",
      },
      rateLimited: {
        title: "Aynı anda çok fazla soru",
        body: "Son bir dakikada ağınızdan o kadar çok soru geldi ki ara vermem gerekiyor. Lütfen {seconds} sn sonra tekrar deneyin.",
      },
      busy: {
        title: "Şu an çok yoğun",
        body: "Hizmet başlatılıyor ya da çok yoğun. Lütfen birkaç saniye sonra tekrar deneyin.",
      },
      notFound: {
        title: "Sayfa bulunamadı",
        body: "Bu adreste bir şey yok. Sorunuzu yukarıdaki kutuya yazın ya da aşağıdaki konulara göz atın.",
      },
      failed: {
        title: "Bizim tarafımızda bir sorun oluştu",
        body: "Sorun kaydedildi. Lütfen biraz sonra tekrar deneyin.",
      },
    },
    script: {
      networkError: {
        title: "SSS'ye ulaşılamadı",
        body: "Bağlantınızı kontrol edip tekrar deneyin.",
      },
      copy: "Bağlantıyı kopyala",
      share: "Paylaş",
      copied: "Bağlantı kopyalandı.",
      copyFailed: "Kopyalanamadı: bağlantıyı seçip kendiniz kopyalayın.",
    },
  },
};
