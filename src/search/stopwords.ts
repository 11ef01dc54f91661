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
export const STOP_WORDS: ReadonlySet<string> = new Set(
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
  lol omg btw idk tbh bro dude remember work works working worked
  whatsapp whatsap whatsaap watsapp wa app`
    .split(/\s+/)
    .filter(Boolean),
);
