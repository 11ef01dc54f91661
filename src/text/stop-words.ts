import type { Language } from "./languages.js";

/**
 * Words that carry no meaning for choosing an FAQ entry. Besides common English function words,
 * this holds conversational filler ("hey", "pls", "wondering") that rambling questions are full
 * of, and "whatsapp" itself: every entry is about WhatsApp, so the word tells entries apart no
 * better than "the" does, and an off-topic WhatsApp question ("whatsapp wallpaper") must not look
 * half-answered because of it.
 *
 * Question words that change meaning (who, where, when, how) are kept out of the list only where
 * entries depend on them; negations are dropped because the FAQ answers both polarities.
 */
export const ENGLISH_STOP_WORDS: ReadonlySet<string> = new Set(
  `a about above actually after again against all also am an and any anyone anybody are aren arent as at
  be because been before being below between both but by can cant cannot could couldnt
  did didnt do does doesnt doing dont down during each either else even ever every few for from further
  get gets getting got gonna had hadnt has hasnt have havent having he her here hers herself him himself his
  how however i id if ill im in into is isnt it its itself ive just kind kinda know knows let lets like
  lot lots may maybe me mean might mine more most much must my myself need needs no nor not now of off
  often on once only or other others our ours ourselves out over own please pls plz pretty probably
  quite rather really right same say says she should shouldnt so some someone something sort still such
  sure than thank thanks thx that thats the their theirs them themselves then there these they theyre
  thing things think this those though through to too totally under until up us very want wanna wants
  was wasnt way we well were werent what whats when where which while who whom whose why will with
  wondering wonder wont would wouldnt yeah yes yet you youd youll your youre yours yourself yourselves
  u ur ya r hi hey youve weve theyve knw kno wat abt hello hiya ok okay guys anyway honestly basically literally tell told question
  ask asking asked wait true heard apparently supposedly seriously curious stuff anything everything hmm um umm
  lol omg btw idk tbh bro dude exactly remember work works working worked nah ngl lmao tho smh tl dr tldr thru n
  annoying annoyed irritating frustrating frustrated
  whatsapp whatsap whatsaap watsapp wa app`
    .split(/\s+/)
    .filter(Boolean),
);

/**
 * The other languages' stop words: the Snowball project's lists as packaged by @orama/stopwords,
 * plus the same kind of conversational filler and names of the app as the English list above
 * (typed as people type them), minus words that tell entries apart here ("cuenta" is the
 * account, "estado" the status, "última" the last seen, "ver" to see).
 */
export const STOP_WORD_CHANGES: Readonly<
  Record<Exclude<Language, "en">, { readonly add: string; readonly keep: string }>
> = {
  es: {
    add: `hola oye buenas gracias porfa favor pregunta preguntar saber alguien whatsapp wasap guasap
      wasa wsp wpp wa app aplicacion aplicación q k xq porq porque pq tb tmb osea o sea bueno
      pa po jaja jajaja jajajaja jeje xd plis porfis che wey güey guey bro oigan vale`,
    keep: "ver cuenta estado última ultima nadie",
  },
  pt: {
    add: `oi olá ola obrigado obrigada valeu pfv gente alguém alguem whatsapp zap zapzap zapp wpp wa
      app aplicativo vc vcs você voce pra pro né ne tá ta q oq pq porque tb tbm aí ai sei saber
      msm mano mana tipo kk kkk kkkk kkkkk rs rsrs slk blz aff socorro gnt`,
    keep: "",
  },
  de: {
    add: `hallo hi hey danke bitte mal eigentlich whatsapp whatsi wa app frage jemand weiß weiss
      wissen gibt eigentlich echt halt ja
      ne ner nem nen iwie irgendwie grad gerade krass digga alter leute hab nich`,
    keep: "",
  },
  fr: {
    add: `salut bonjour coucou merci svp stp whatsapp wa app appli application quelqu savoir
      question est ce estce bah ben bon genre
      jsp jsais chais qqn qq mdr ptdr wsh frr bref franchement qd quil kil wsp wtsp whats
      comment truc enerve énerve relou chiant`,
    keep: "",
  },
  hi: {
    add: `नमस्ते कृपया व्हाट्सएप व्हाट्सऐप वॉट्सऐप वॉट्सएप वाट्सएप whatsapp wa app kya kyaa hai
      hain ho hota hoti hote tha thi the mera mere meri mujhe mujhko main mein me ka ki ke ko se par
      pe aur ya bhi to toh koi kuch kaise kaisa kaisi kyun kyu kab kahan kaun kon ye yeh wo woh is
      us ek hi na nahi nahin nhi sakta sakti sakte skta skte raha rahi rahe karna karu karun kar
      karo karte krna kr bhai yaar plz pls apna apne apni aap ap tum hum batao bataye bata hoga
      hogi hua hui gaya gayi jata jati jaate jaye agar
      kare karein kre kro pata chale chalega hu hoon hun yr`,
    keep: "",
  },
  tr: {
    add: `merhaba selam slm teşekkürler tesekkurler lütfen lutfen whatsapp wp wa uygulama app mı
      mi mu mü mısın misin musun müsün acaba ya yani abi hocam arkadaşlar arkadaslar
      bi lan yaa ama acil`,
    keep: "",
  },
  id: {
    add: `halo hai kak kakak gan min dong sih deh nih ya yg gak ga nggak enggak gimana bagaimana
      apakah apa whatsapp wa aplikasi app aja saja kok kah tuh udah sudah mau kalo kalau
      gmn gmna udh knp kenapa trs terus tp tapi kan dr bgt banget tolong wkwk wkwkwk anjir sm`,
    keep: "",
  },
};
