/**
 * One in-process engine measurement, run in its own child process so heap figures are isolated:
 *
 *   node --expose-gc --import tsx bench/engine-worker.ts real
 *   node --expose-gc --import tsx bench/engine-worker.ts service
 *   node --expose-gc --import tsx bench/engine-worker.ts synthetic 10000
 *
 * Prints progress on stderr and one `RESULT {json}` line on stdout.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { LRUCache } from "lru-cache";
import type * as Language from "../src/answering/language.js";
import type * as Service from "../src/answering/service.js";
import type * as Loader from "../src/faq/loader.js";
import type { Edition, KnowledgeBase } from "../src/faq/types.js";
import type * as Engine from "../src/search/engine.js";
import type * as Detect from "../src/text/detect.js";
import type * as Languages from "../src/text/languages.js";
import { normalizeText } from "../src/text/normalize.js";
import { median, percentile, ROOT, rng, pick, sleep } from "./lib.js";
import {
  ENGLISH_SHARE,
  loadLanguageSets,
  loadQuestionSet,
  misspell,
  mixedPopularQuestions,
  mixedUniqueQuestions,
  type MixedQuestion,
  popularQuestions,
  reword,
  uniqueQuestions,
} from "./questions.js";
import { syntheticKnowledgeBase, toFiles } from "./synthetic-kb.js";

// What is measured is the code as it ships: the build in dist/ (compiled by tsc, which the
// benchmark runs first), not the TypeScript loader's on-the-fly transform of src/.
const dist = (module: string) => pathToFileURL(path.join(ROOT, "dist", module)).href;
const { loadKnowledgeBase, parseKnowledgeBase } = (await import(
  dist("faq/loader.js")
)) as typeof Loader;
const { AnswerEngine, ENGINE_DEFAULTS } = (await import(dist("search/engine.js"))) as typeof Engine;
type AnswerEngine = Engine.AnswerEngine;
type EngineOptions = Engine.EngineOptions;
const { AnswerService, TRANSLATION_CALIBRATION } = (await import(
  dist("answering/service.js")
)) as typeof Service;
type AnswerService = Service.AnswerService;
const { decideLanguage, LanguageVocabulary } = (await import(
  dist("answering/language.js")
)) as typeof Language;
const { textEvidence } = (await import(dist("text/detect.js"))) as typeof Detect;
const { SOURCE_LANGUAGE } = (await import(dist("text/languages.js"))) as typeof Languages;
type Lang = Languages.Language;

const gc = (globalThis as { gc?: () => void }).gc;
const heapMb = () => {
  gc?.();
  gc?.();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
const now = () => process.hrtime.bigint();
const ms = (from: bigint) => Number(now() - from) / 1e6;
const log = (message: string) => process.stderr.write(`  [engine-worker] ${message}\n`);

export interface TimingStats {
  readonly count: number;
  readonly medianUs: number;
  readonly p99Us: number;
  readonly meanUs: number;
  readonly answered: number;
  /** The median of each round, when timed in rounds. */
  readonly roundMediansUs?: readonly number[];
}

/** Where {@link timeQueries} leaves its samples, for {@link combine} (a symbol: not printed). */
const SAMPLES = Symbol("samples");
type Timed = TimingStats & { readonly [SAMPLES]: readonly number[] };

/** Asks every question once, timing each call; stops early after `budgetMs`. */
function timeQueries(
  engine: AnswerEngine,
  questions: readonly string[],
  budgetMs = Infinity,
): Timed {
  const times: number[] = [];
  let answered = 0;
  const start = now();
  for (const q of questions) {
    const t0 = now();
    const answer = engine.ask(q);
    times.push(Number(now() - t0) / 1e3);
    if (answer.answer !== null) answered++;
    if (times.length % 100 === 0 && ms(start) > budgetMs) break;
  }
  return { ...stats(times, answered), [SAMPLES]: times };
}

/**
 * Like {@link timeQueries} for any call: `answered` says whether a result counts as answered.
 * Used for the answering service and the language detector.
 */
function timeCalls<Q, R>(
  questions: readonly Q[],
  call: (question: Q) => R,
  answered: (result: R) => boolean = () => true,
): Timed {
  const times: number[] = [];
  let hits = 0;
  for (const q of questions) {
    const t0 = now();
    const result = call(q);
    times.push(Number(now() - t0) / 1e3);
    if (answered(result)) hits++;
  }
  return { ...stats(times, hits), [SAMPLES]: times };
}

function stats(times: readonly number[], answered: number): TimingStats {
  return {
    count: times.length,
    medianUs: median(times),
    p99Us: percentile(times, 0.99),
    meanUs: times.reduce((a, b) => a + b, 0) / times.length,
    answered: answered / times.length,
  };
}

/** One set of figures over every round's samples, with each round's median. */
function combine(rounds: readonly Timed[]): TimingStats {
  const times = rounds.flatMap((r) => r[SAMPLES]);
  const answered = rounds.reduce((sum, r) => sum + r.answered * r.count, 0);
  return { ...stats(times, answered), roundMediansUs: rounds.map((r) => r.medianUs) };
}

/** Rounds the never-repeating questions are timed in. */
const ROUNDS = 5;

export interface RealResult {
  readonly gcExposed: boolean;
  readonly entries: number;
  readonly loadMs: number;
  readonly buildMs: number;
  readonly buildRuns: number;
  readonly heapBaseMb: number;
  readonly heapKbMb: number;
  readonly heapEngineMb: number;
  readonly heapAfterQueriesMb: number;
  readonly unique: TimingStats;
  /**
   * Share of the never-repeating questions that read as the terms of an earlier one still among
   * the engine's remembered rankings (served that ranking; the rest were ranked afresh).
   */
  readonly uniqueReadAlike: number;
  readonly uniqueNoCache: TimingStats;
  readonly repeated: TimingStats & { distinct: number };
}

async function real(): Promise<RealResult> {
  const heapBaseMb = heapMb();
  let t = now();
  const kb = await loadKnowledgeBase(path.join(ROOT, "faq"));
  const loadMs = ms(t);
  const heapKbMb = heapMb();

  const buildTimes: number[] = [];
  let engine: AnswerEngine | undefined;
  for (let i = 0; i < 7; i++) {
    engine = undefined;
    t = now();
    engine = AnswerEngine.build(kb);
    buildTimes.push(ms(t));
  }
  const heapEngineMb = heapMb();

  const set = loadQuestionSet();
  const base = set.map((x) => x.q);
  // Steady state, as in a running service: after only 1,500 the JIT is still settling (medians ~5 µs higher).
  const warm = uniqueQuestions(base, { seed: 1, count: 10_000 });
  const warmKeys = new Set(warm.map(normalizeText));
  const questions = uniqueQuestions(base, {
    seed: 2,
    count: ROUNDS * 6_000,
    includeBase: true,
    exclude: warmKeys,
  });
  log(
    `real KB: ${kb.entries.length} entries; ${questions.length} unique questions, ${warm.length} warm-up`,
  );

  // The same never-repeating questions with both caches off (what the search alone costs), timed
  // in rounds alternating with the caches on, a pause between: a run is over in a fraction of a
  // second, and on a shared machine one burst of someone else's work would otherwise be all of it.
  const noCache = AnswerEngine.build(kb, { cacheSize: 0, rankingCacheSize: 0 });
  for (const q of warm) engine!.ask(q);
  for (const q of warm) noCache.ask(q);
  const rounds = { cached: [] as Timed[], uncached: [] as Timed[] };
  const perRound = Math.ceil(questions.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const chunk = questions.slice(round * perRound, (round + 1) * perRound);
    await sleep(250);
    rounds.cached.push(timeQueries(engine!, chunk));
    rounds.uncached.push(timeQueries(noCache, chunk));
  }
  const unique = combine(rounds.cached);
  const uniqueNoCache = combine(rounds.uncached);
  // Which of them the cached engine served a remembered ranking: its keys replayed, in the order
  // it was asked, through an LRU of the same size (no question repeats, so none reached the
  // answer cache before the rankings).
  const remembered = new LRUCache<string, true>({ max: ENGINE_DEFAULTS.rankingCacheSize });
  let readAlike = 0;
  for (const q of warm) remembered.set(noCache.ask(q).key, true);
  for (const q of questions) {
    const key = noCache.ask(q).key;
    if (remembered.get(key) === true) readAlike++;
    else remembered.set(key, true);
  }
  const uniqueReadAlike = readAlike / questions.length;

  const popular = popularQuestions(set, 10);
  const repeatedStream = Array.from({ length: 30_000 }, (_, i) => popular[i % popular.length]!);
  for (const q of popular) engine!.ask(q);
  const repeated = { ...timeQueries(engine!, repeatedStream), distinct: popular.length };

  return {
    gcExposed: gc !== undefined,
    entries: kb.entries.length,
    loadMs,
    buildMs: median(buildTimes),
    buildRuns: buildTimes.length,
    heapBaseMb,
    heapKbMb,
    heapEngineMb,
    heapAfterQueriesMb: heapMb(),
    unique,
    uniqueReadAlike,
    uniqueNoCache,
    repeated,
  };
}

/** The answering service's figures for the questions of one language of the mixed stream. */
export interface LanguageBreakdown {
  readonly language: string;
  readonly count: number;
  /** Median µs of `service.ask`, of `decideLanguage` and of `textEvidence` on its questions. */
  readonly serviceUs: number;
  readonly decideUs: number;
  readonly evidenceUs: number;
  /** Share of its questions the service read in the language of the set they came from. */
  readonly readAsOwn: number;
  /** Share of its questions answered. */
  readonly answered: number;
}

export interface ServiceResult {
  readonly gcExposed: boolean;
  readonly languages: readonly string[];
  readonly entries: Readonly<Record<string, number>>;
  readonly englishShare: number;
  readonly buildMs: number;
  readonly buildRuns: number;
  readonly heapKbMb: number;
  readonly heapServiceMb: number;
  readonly heapAfterQueriesMb: number;
  readonly warmUp: number;
  /** `AnswerService.ask(q)` without hints: language decided from the text, then its engine. */
  readonly unique: TimingStats;
  /**
   * The same questions straight to the engine of the language the service decides on (decided
   * beforehand, untimed), with the service's English fallback: the service without its decision.
   */
  readonly direct: TimingStats;
  /** `decideLanguage(q, {})`, the service's whole decision (tinyld, vocabulary shares, priors). */
  readonly decide: TimingStats;
  /** `textEvidence(q)`, the text detector alone (script, romanised Hindi, tinyld). */
  readonly evidence: TimingStats;
  readonly byLanguage: readonly LanguageBreakdown[];
  readonly repeated: TimingStats & { distinct: number; english: number };
  /**
   * Memory locality, reported: other never-repeating mixed questions, each straight to its own
   * set's language engine (caches off: every question is a full search), asked as they come
   * (languages interleaved, as traffic is) and grouped by language (runs of
   * {@link LOCALITY_RUN} questions of one language), alternating in rounds on the same engines.
   */
  readonly locality: { interleaved: TimingStats; grouped: TimingStats; run: number };
}

/** An edition's engine with the service's options (translations trust a little more). */
function engineAsTheServiceBuildsIt(edition: Edition, options: EngineOptions = {}): AnswerEngine {
  return AnswerEngine.build(
    edition,
    edition.language === SOURCE_LANGUAGE
      ? options
      : { ...options, calibration: { ...TRANSLATION_CALIBRATION } },
  );
}

/** Questions of one language in a row, in the locality measure's grouped order. */
const LOCALITY_RUN = 500;
/**
 * Rounds of the locality measure: even, so each order goes first equally often (the second finds
 * the round's words already read: their stems and spelling fixes are remembered).
 */
const LOCALITY_ROUNDS = 6;

async function service(): Promise<ServiceResult> {
  const kb = await loadKnowledgeBase(path.join(ROOT, "faq"));
  const heapKbMb = heapMb();
  const buildTimes: number[] = [];
  let answers: AnswerService | undefined;
  for (let i = 0; i < 5; i++) {
    answers = undefined;
    const t = now();
    answers = AnswerService.build(kb);
    await answers.warmUp(false); // every language, as the server has it once warm
    buildTimes.push(ms(t));
  }
  const svc = answers!;
  const heapServiceMb = heapMb();

  // The service's engines again, built as it builds them, to ask the decided language's engine
  // directly, and the vocabulary its decision reads (both are private to the service).
  const editions: Edition[] = [kb, ...kb.translations.values()];
  const engines = new Map<Lang, AnswerEngine>();
  const vocabulary = new LanguageVocabulary();
  for (const edition of editions) {
    engines.set(edition.language, engineAsTheServiceBuildsIt(edition));
    vocabulary.add(edition.language, AnswerEngine.languageWords(edition));
  }
  const available = (language: Lang) => engines.has(language);
  const english = engines.get(SOURCE_LANGUAGE)!;
  const direct = ({ q, query }: { q: string; query: Lang }) => {
    let found = (engines.get(query) ?? english).ask(q);
    if (found.answer === null && found.declined === null && query !== SOURCE_LANGUAGE) {
      const fallback = english.ask(q);
      if (fallback.answer !== null || fallback.declined !== null) found = fallback;
    }
    return found;
  };
  const decide = (q: string) => decideLanguage(q, {}, vocabulary, available);

  const sets = loadLanguageSets();
  const warm = mixedUniqueQuestions(sets, { seed: 1, count: 10_000 });
  const warmKeys = new Set(warm.map((x) => normalizeText(x.q)));
  const questions = mixedUniqueQuestions(sets, {
    seed: 2,
    count: ROUNDS * 6_000,
    includeBase: true,
    exclude: warmKeys,
  });
  // The direct path's language, decided untimed, once per question; `i` numbers the timed ones.
  const decided = (list: readonly MixedQuestion[]) =>
    list.map((x, i) => ({ ...x, i, query: decide(x.q).query }));
  const warmDecided = decided(warm);
  const timed = decided(questions);
  log(
    `service: ${editions.length} languages; ${questions.length} mixed unique questions, ${warm.length} warm-up`,
  );

  for (const x of warm) svc.ask(x.q);
  for (const x of warmDecided) direct(x);
  for (const x of warm) textEvidence(x.q);
  for (const x of warm) decide(x.q);

  const answeredAt = new Uint8Array(timed.length);
  const measures = {
    service: (chunk: typeof timed) =>
      timeCalls(
        chunk,
        (x) => {
          const reply = svc.ask(x.q);
          if (reply.answer !== null) answeredAt[x.i] = 1;
          return reply;
        },
        (r) => r.answer !== null,
      ),
    direct: (chunk: typeof timed) => timeCalls(chunk, direct, (r) => r.answer !== null),
    evidence: (chunk: typeof timed) => timeCalls(chunk, (x) => textEvidence(x.q)),
    decide: (chunk: typeof timed) => timeCalls(chunk, (x) => decide(x.q)),
  };
  type Measure = keyof typeof measures;
  const order = Object.keys(measures) as Measure[];
  const rounds: Record<Measure, Timed[]> = { service: [], direct: [], evidence: [], decide: [] };
  const perRound = Math.ceil(timed.length / ROUNDS);
  for (let round = 0; round < ROUNDS; round++) {
    const chunk = timed.slice(round * perRound, (round + 1) * perRound);
    await sleep(250);
    for (const m of round % 2 === 0 ? order : [...order].reverse())
      rounds[m].push(measures[m](chunk));
  }

  // Per language: the rounds' samples, one after the other, are in the questions' order.
  const samples = (m: Measure) => rounds[m].flatMap((r) => r[SAMPLES]);
  const all = {
    service: samples("service"),
    decide: samples("decide"),
    evidence: samples("evidence"),
  };
  const byLanguage: LanguageBreakdown[] = [...sets.keys()].map((language) => {
    const at = timed.filter((x) => x.language === language);
    const medianOf = (list: readonly number[]) => median(at.map((x) => list[x.i]!));
    return {
      language,
      count: at.length,
      serviceUs: medianOf(all.service),
      decideUs: medianOf(all.decide),
      evidenceUs: medianOf(all.evidence),
      readAsOwn: at.filter((x) => x.query === language).length / at.length,
      answered: at.filter((x) => answeredAt[x.i] === 1).length / at.length,
    };
  });

  const popular = mixedPopularQuestions(sets);
  const repeatedStream = Array.from({ length: 30_000 }, (_, i) => popular[i % popular.length]!.q);
  for (const x of popular) svc.ask(x.q);
  const repeated = {
    ...timeCalls(
      repeatedStream,
      (q) => svc.ask(q),
      (r) => r.answer !== null,
    ),
    distinct: popular.length,
    english: popular.filter((x) => x.language === "en").length,
  };

  // Taken before the locality measure, whose engines are not the service's.
  const heapAfterQueriesMb = heapMb();
  const locality = measureLocality(
    editions,
    sets,
    new Set([...warmKeys, ...timed.map((x) => normalizeText(x.q))]),
  );

  return {
    gcExposed: gc !== undefined,
    languages: editions.map((e) => e.language),
    entries: Object.fromEntries(editions.map((e) => [e.language, e.entries.length])),
    englishShare: ENGLISH_SHARE,
    buildMs: median(buildTimes),
    buildRuns: buildTimes.length,
    heapKbMb,
    heapServiceMb,
    heapAfterQueriesMb,
    warmUp: warm.length,
    unique: combine(rounds.service),
    direct: combine(rounds.direct),
    decide: combine(rounds.decide),
    evidence: combine(rounds.evidence),
    byLanguage,
    repeated,
    locality,
  };
}

/**
 * The same engine work in two orders (see {@link ServiceResult.locality}). Each language's engine
 * holds its own index, vocabulary and spelling tables: asked in turn, eight of them share the
 * CPU's caches; asked one language at a time, one has them to itself.
 */
function measureLocality(
  editions: readonly Edition[],
  sets: ReturnType<typeof loadLanguageSets>,
  exclude: ReadonlySet<string>,
): ServiceResult["locality"] {
  const engines = new Map<string, AnswerEngine>();
  for (const edition of editions) {
    const engine = engineAsTheServiceBuildsIt(edition, { cacheSize: 0, rankingCacheSize: 0 });
    engine.prepare();
    engines.set(edition.language, engine);
  }
  const questions = mixedUniqueQuestions(sets, {
    seed: 3,
    count: LOCALITY_ROUNDS * 2_000,
    exclude,
  });
  const ask = (x: MixedQuestion) => engines.get(x.language)!.ask(x.q);
  for (const x of mixedUniqueQuestions(sets, { seed: 4, count: 4_000, exclude })) ask(x);
  /** `chunk` reordered into runs of {@link LOCALITY_RUN} questions of one language. */
  const grouped = (chunk: readonly MixedQuestion[]) => {
    const perLanguage = new Map<string, MixedQuestion[]>();
    for (const x of chunk) {
      const list = perLanguage.get(x.language);
      if (list === undefined) perLanguage.set(x.language, [x]);
      else list.push(x);
    }
    const out: MixedQuestion[] = [];
    for (let at = 0; out.length < chunk.length; at += LOCALITY_RUN)
      for (const list of perLanguage.values()) out.push(...list.slice(at, at + LOCALITY_RUN));
    return out;
  };
  const rounds = { interleaved: [] as Timed[], grouped: [] as Timed[] };
  const perRound = Math.ceil(questions.length / LOCALITY_ROUNDS);
  for (let round = 0; round < LOCALITY_ROUNDS; round++) {
    const chunk = questions.slice(round * perRound, (round + 1) * perRound);
    const asTheyCome = () => rounds.interleaved.push(timeCalls(chunk, ask));
    const oneLanguageAtATime = () => rounds.grouped.push(timeCalls(grouped(chunk), ask));
    if (round % 2 === 0) {
      asTheyCome();
      oneLanguageAtATime();
    } else {
      oneLanguageAtATime();
      asTheyCome();
    }
  }
  return {
    interleaved: combine(rounds.interleaved),
    grouped: combine(rounds.grouped),
    run: LOCALITY_RUN,
  };
}

export interface SyntheticResult {
  readonly gcExposed: boolean;
  readonly size: number;
  readonly generateMs: number;
  readonly parseMs: number | null;
  readonly heapKbMb: number;
  readonly heapTotalMb: number;
  readonly heapIndexMb: number;
  readonly rssMb: number;
  /** Median of {@link buildRuns} builds. */
  readonly buildMs: number | null;
  /** Builds timed (one at the largest size), and the first of them (cold: a fresh process). */
  readonly buildRuns?: number;
  readonly firstBuildMs?: number;
  /** Milliseconds per build phase of the median build, from the engine itself. */
  readonly buildPhases?: Readonly<Record<string, number>>;
  readonly queries: TimingStats | null;
}

/** Prints what is known so far: a time-boxed worker killed later still reports its build. */
const partial = (result: unknown) => process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);

async function synthetic(size: number): Promise<SyntheticResult> {
  const realKb = await loadKnowledgeBase(path.join(ROOT, "faq"));
  let t = now();
  const kb: KnowledgeBase = syntheticKnowledgeBase(realKb, size);
  const generateMs = ms(t);
  log(`synthetic ${size}: generated in ${generateMs.toFixed(0)} ms`);

  // Parse + validation, as loadKnowledgeBase would do it: linear in entries, so 1,000 is enough.
  let parseMs: number | null = null;
  if (size <= Number(process.env.BENCH_PARSE_UP_TO ?? 1_000)) {
    const realFiles = new Map(
      ["categories.yaml", "thesaurus.yaml"].map(
        (n) => [n, readFileSync(path.join(ROOT, "faq", n), "utf8")] as const,
      ),
    );
    const files = toFiles(kb, realFiles);
    t = now();
    const parsed = parseKnowledgeBase(files);
    parseMs = ms(t);
    if (parsed.entries.length !== size)
      throw new Error(`parse kept ${parsed.entries.length} of ${size} entries`);
    log(`synthetic ${size}: parse + validation ${parseMs.toFixed(0)} ms`);
  }

  const heapKbMb = heapMb();
  const known = { gcExposed: gc !== undefined, size, generateMs, parseMs, heapKbMb };
  partial({
    ...known,
    heapTotalMb: NaN,
    heapIndexMb: NaN,
    rssMb: NaN,
    buildMs: null,
    queries: null,
  });
  // Up to 10,000 entries the build is timed three times (median, as everywhere in the bench; the
  // first, cold one is reported too); at 100,000 once, which is what the time box allows.
  const buildRuns = size <= 10_000 ? 3 : 1;
  const builds: { ms: number; phases: Readonly<Record<string, number>> }[] = [];
  let engine: AnswerEngine | undefined;
  for (let run = 0; run < buildRuns; run++) {
    engine = undefined; // one index at a time
    gc?.();
    t = now();
    // Caches off: the queries below measure the search as the index grows.
    engine = AnswerEngine.build(kb, { cacheSize: 0, rankingCacheSize: 0 });
    const built = ms(t);
    t = now();
    engine.prepare(); // the spelling corrector, otherwise built by the first question
    const spelling = ms(t);
    builds.push({ ms: built + spelling, phases: { ...engine.buildTimings, spelling } });
    log(`synthetic ${size}: built in ${builds.at(-1)!.ms.toFixed(0)} ms`);
  }
  const firstBuildMs = builds[0]!.ms;
  // An odd number of builds, so the median is one of them, whose phases are reported.
  const medianBuild = [...builds].sort((a, b) => a.ms - b.ms)[builds.length >> 1]!;
  const buildMs = medianBuild.ms;
  const index = engine!;
  const heapTotalMb = heapMb();
  const rssMb = process.memoryUsage().rss / 1024 / 1024;
  const built = {
    ...known,
    heapTotalMb,
    heapIndexMb: heapTotalMb - heapKbMb,
    rssMb,
    buildMs,
    buildRuns,
    firstBuildMs,
    buildPhases: medianBuild.phases,
  };
  partial({ ...built, queries: null });

  // Never-repeating questions: phrasings of random entries, misspelt and/or reworded.
  const make = (seed: number, count: number) => {
    const random = rng(seed);
    const seen = new Set<string>();
    const out: string[] = [];
    while (out.length < count) {
      const entry = pick(random, kb.entries);
      const phrasing = random() < 0.3 ? entry.question : pick(random, entry.alternates);
      const roll = random();
      const q =
        roll < 0.33
          ? misspell(random, phrasing)
          : roll < 0.66
            ? reword(random, phrasing)
            : misspell(random, reword(random, phrasing));
      const key = normalizeText(q);
      if (!seen.has(key)) {
        seen.add(key);
        out.push(q);
      }
    }
    return out;
  };
  const count = size >= 100_000 ? 1_000 : 2_000;
  const budgetMs = Number(process.env.BENCH_QUERY_BUDGET_MS ?? 10_000);
  timeQueries(index, make(7, 200), budgetMs / 5);
  const queries = timeQueries(index, make(8, count), budgetMs);
  return { ...built, queries };
}

const [mode, arg] = process.argv.slice(2);
const result =
  mode === "synthetic"
    ? await synthetic(Number(arg))
    : mode === "service"
      ? await service()
      : await real();
process.stdout.write(`RESULT ${JSON.stringify(result)}\n`);
