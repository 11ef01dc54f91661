/**
 * `npx tsx bench/detectors.ts`: language-detection libraries compared on this project's own
 * question sets, for the choice explained in docs/languages.md. Prints Markdown tables and writes
 * them to `bench/detectors.md`.
 *
 * Questions: every `tests/fixtures/i18n/<lang>.json` and `<lang>.holdout.json` (the file names
 * the language), and the English sets `tests/fixtures/questions.json`, `holdout.json` and
 * `holdout-forum.json`. A detection is right when it names the set's language (Malay counts as
 * Indonesian everywhere). Each detector is restricted to our eight languages where the library
 * can be (tinyld `only`, franc `only`, eld `setLanguageSubset`); cld3 cannot, so it chooses among
 * all of its languages.
 *
 * Detectors: tinyld (normal and heavy: the project's dependency) and, when installed, franc-min,
 * eld (its four database sizes) and cld3-asm. Those are not dependencies: they are imported from
 * the folder `DETECTORS_FROM` names, after `npm i --prefix DIR franc-min eld cld3-asm`:
 *
 *     DETECTORS_FROM=/tmp/detectors npx tsx bench/detectors.ts
 *
 * The last row is what ships: `AnswerService.ask`'s language decision (tinyld's scores plus each
 * language's vocabulary, see src/answering/language.ts), with no channel hints.
 *
 * Each detector runs in a child process of its own (with --expose-gc), so its load time (from the
 * import to the first detection done) and memory growth (heap and RSS, after a GC) are its alone.
 * Per-detection time is the median of three timed passes over every question, after a warm-up.
 * Each is measured DETECTORS_RUNS times (default 3), in as many processes; the medians are shown.
 *
 * No library reads romanised Hindi ("kya whatsapp mere message padh sakta hai"), which
 * src/text/detect.ts settles first by its function words: the "Hindi rule first" column is each
 * detector with that rule (and Devanagari) deciding first, as detect.ts does for tinyld.
 */
import { fork } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isLanguage, type Language, LANGUAGES } from "../src/text/languages.js";

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, "..");
const OUTPUT = path.join(BENCH_DIR, "detectors.md");
const EXTRAS_FROM = process.env.DETECTORS_FROM;
const INSTALL_HINT = "npm i --prefix DIR franc-min eld cld3-asm";
/** Questions with fewer letters than this count as short. */
const SHORT_LETTERS = 25;
const CHILD_TIMEOUT_MS = 180_000;
const TIMED_PASSES = 3;
/** Fresh processes per detector: load time and memory are their medians (this machine is noisy). */
const RUNS = Math.max(1, Number(process.env.DETECTORS_RUNS ?? 3));

interface Question {
  readonly q: string;
  readonly language: Language;
  readonly letters: number;
}

/** A loaded detector: the language it reads a text in (any code; ours when it is one of ours). */
type Detect = (text: string) => string;

interface DetectorSpec {
  readonly name: string;
  /** The npm package, for its version and whether it is installed. */
  readonly pkg: string;
  /** Installed in `DETECTORS_FROM` rather than the project. */
  readonly extra: boolean;
  /** Imports the library and gets it ready to detect. */
  readonly load: () => Promise<Detect>;
}

/** What a child process measured for one detector. */
interface Measured {
  readonly predictions: readonly string[];
  readonly loadMs: number;
  readonly heapMb: number;
  readonly rssMb: number;
  readonly medianUs: number;
  readonly note?: string;
}

type Row =
  | ({ readonly name: string; readonly version: string } & Measured)
  | { readonly name: string; readonly version: string; readonly missing: string };

// ---------------------------------------------------------------------------------------------
// Question sets

function loadQuestions(): Question[] {
  const questions: Question[] = [];
  const add = (file: string, language: Language) => {
    const items = JSON.parse(readFileSync(file, "utf8")) as { q: string }[];
    for (const { q } of items)
      questions.push({ q, language, letters: q.replace(/[^\p{L}]/gu, "").length });
  };
  for (const name of ["questions.json", "holdout.json", "holdout-forum.json"])
    add(path.join(ROOT, "tests", "fixtures", name), "en");
  const i18n = path.join(ROOT, "tests", "fixtures", "i18n");
  for (const file of readdirSync(i18n).sort()) {
    const match = /^([a-z]{2})(?:\.holdout)?\.json$/.exec(file);
    if (match === null || !isLanguage(match[1]!)) continue;
    add(path.join(i18n, file), match[1]);
  }
  return questions;
}

// ---------------------------------------------------------------------------------------------
// Detectors

/** tinyld and eld read Malay and Indonesian as one language more often than not. */
const MALAY_AS_INDONESIAN = (code: string) => (code === "ms" || code === "zlm" ? "id" : code);

/** ISO 639-3 (franc) to ours. */
const FRANC_CODES: Readonly<Record<string, Language>> = {
  eng: "en",
  spa: "es",
  por: "pt",
  deu: "de",
  fra: "fr",
  hin: "hi",
  tur: "tr",
  ind: "id",
  zlm: "id",
};

function extraDir(pkg: string): string | undefined {
  if (EXTRAS_FROM === undefined) return undefined;
  const dir = path.join(path.resolve(EXTRAS_FROM), "node_modules", pkg);
  return existsSync(path.join(dir, "package.json")) ? dir : undefined;
}

function packageVersion(pkg: string, extra: boolean): string | undefined {
  const dir = extra ? extraDir(pkg) : path.join(ROOT, "node_modules", pkg);
  if (dir === undefined || !existsSync(path.join(dir, "package.json"))) return undefined;
  return (JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as { version: string })
    .version;
}

/**
 * Imports a package installed in `DETECTORS_FROM`: resolved as `require` would (CommonJS and
 * `main` packages), else through its `exports`' `import` entry (ESM-only packages such as eld).
 */
async function importExtra(pkg: string, subpath = ""): Promise<Record<string, unknown>> {
  const dir = extraDir(pkg);
  if (dir === undefined || EXTRAS_FROM === undefined) throw new Error(`${pkg} is not installed`);
  const specifier = pkg + subpath;
  let entry: string;
  try {
    entry = createRequire(path.join(path.resolve(EXTRAS_FROM), "package.json")).resolve(specifier);
  } catch {
    const manifest = JSON.parse(readFileSync(path.join(dir, "package.json"), "utf8")) as {
      exports?: Record<string, { import?: string } | string>;
    };
    const exported = manifest.exports?.[subpath === "" ? "." : `.${subpath}`];
    const target = typeof exported === "string" ? exported : exported?.import;
    if (target === undefined) throw new Error(`cannot resolve ${specifier}`);
    entry = path.join(dir, target);
  }
  const module = (await import(pathToFileURL(entry).href)) as Record<string, unknown>;
  // A CommonJS module's exports may only be on `default`.
  return { ...(module.default as Record<string, unknown> | undefined), ...module };
}

interface TinyldModule {
  detectAll(text: string, options?: { only?: string[] }): { lang: string; accuracy: number }[];
}

function tinyld(variant: "" | "/heavy"): DetectorSpec["load"] {
  const only = [...LANGUAGES, "ms"];
  return async () => {
    const module = (await (variant === ""
      ? import("tinyld")
      : import("tinyld/heavy"))) as unknown as TinyldModule;
    return (text) => MALAY_AS_INDONESIAN(module.detectAll(text, { only })[0]?.lang ?? "und");
  };
}

interface FrancModule {
  franc(text: string, options: { only: string[]; minLength: number }): string;
}

async function loadFranc(): Promise<Detect> {
  const { franc } = (await importExtra("franc-min")) as unknown as FrancModule;
  const only = Object.keys(FRANC_CODES);
  // minLength 1: franc's default (10 characters) would answer "und" to the shortest questions.
  return (text) => {
    const code = franc(text, { only, minLength: 1 });
    return FRANC_CODES[code] ?? code;
  };
}

interface EldInstance {
  load(size: string): Promise<boolean>;
  setLanguageSubset(languages: string[]): unknown;
  detect(text: string): { language: string };
}

function eld(size: "extrasmall" | "small" | "medium" | "large"): DetectorSpec["load"] {
  return async () => {
    const module = (await importExtra("eld")) as { eld: { newInstance(): EldInstance } };
    const detector = module.eld.newInstance();
    if (!(await detector.load(size))) throw new Error(`eld could not load its ${size} database`);
    // eld has Malay, not Indonesian.
    detector.setLanguageSubset(LANGUAGES.map((language) => (language === "id" ? "ms" : language)));
    return (text) => MALAY_AS_INDONESIAN(detector.detect(text).language || "und");
  };
}

interface Cld3Module {
  loadModule(): Promise<{
    create(
      minBytes?: number,
      maxBytes?: number,
    ): { findLanguage(text: string): { language: string } };
  }>;
}

async function loadCld3(): Promise<Detect> {
  const { loadModule } = (await importExtra("cld3-asm")) as unknown as Cld3Module;
  const identifier = (await loadModule()).create(0, 1000);
  // cld3 cannot be restricted to a subset: it chooses among all of its 107 languages. Its codes
  // are BCP 47 ("hi-Latn" for romanised Hindi): the primary subtag is ours.
  return (text) =>
    MALAY_AS_INDONESIAN(identifier.findLanguage(text).language.split("-")[0] ?? "und");
}

const DETECTORS: readonly DetectorSpec[] = [
  { name: "tinyld", pkg: "tinyld", extra: false, load: tinyld("") },
  { name: "tinyld/heavy", pkg: "tinyld", extra: false, load: tinyld("/heavy") },
  { name: "franc-min", pkg: "franc-min", extra: true, load: loadFranc },
  { name: "eld (extrasmall)", pkg: "eld", extra: true, load: eld("extrasmall") },
  { name: "eld (small)", pkg: "eld", extra: true, load: eld("small") },
  { name: "eld (medium)", pkg: "eld", extra: true, load: eld("medium") },
  { name: "eld (large)", pkg: "eld", extra: true, load: eld("large") },
  { name: "cld3-asm", pkg: "cld3-asm", extra: true, load: loadCld3 },
];

const SHIPPED = "tinyld + vocabulary (what ships)";

// ---------------------------------------------------------------------------------------------
// Measuring, in a child process per detector

const gc = (globalThis as { gc?: () => void }).gc;
const memory = () => {
  gc?.();
  return process.memoryUsage();
};
const mb = (bytes: number) => bytes / 1024 / 1024;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timePerDetection(questions: readonly Question[], detect: Detect): number {
  for (const { q } of questions) detect(q);
  const times: number[] = [];
  for (let pass = 0; pass < TIMED_PASSES; pass++)
    for (const { q } of questions) {
      const start = performance.now();
      detect(q);
      times.push((performance.now() - start) * 1000);
    }
  return median(times);
}

async function measureLibrary(spec: DetectorSpec, questions: readonly Question[]) {
  const before = memory();
  const start = performance.now();
  const detect = await spec.load();
  const first = detect(questions[0]!.q);
  const loadMs = performance.now() - start;
  const after = memory();
  const predictions = [first, ...questions.slice(1).map(({ q }) => detect(q))];
  return {
    predictions,
    loadMs,
    heapMb: mb(after.heapUsed - before.heapUsed),
    rssMb: mb(after.rss - before.rss),
    medianUs: timePerDetection(questions, detect),
  } satisfies Measured;
}

/**
 * The language decision as the service makes it, read from `AnswerService.ask`. Its per-question
 * time is `decideLanguage`'s alone (ask would add the search), with a vocabulary built from the
 * same engines the service builds; the two are checked to agree on every question.
 */
async function measureShipped(questions: readonly Question[]): Promise<Measured> {
  const { loadKnowledgeBase } = await import("../src/faq/loader.js");
  const { AnswerService } = await import("../src/answering/service.js");
  const { AnswerEngine } = await import("../src/search/engine.js");
  const { decideLanguage, LanguageVocabulary } = await import("../src/answering/language.js");
  const knowledgeBase = await loadKnowledgeBase(path.join(ROOT, "faq"));
  const service = AnswerService.build(knowledgeBase);
  const predictions = questions.map(({ q }) => service.ask(q).decision.query);

  const vocabulary = new LanguageVocabulary();
  const available = new Set<Language>();
  for (const edition of [knowledgeBase, ...knowledgeBase.translations.values()]) {
    vocabulary.add(edition.language, AnswerEngine.languageWords(edition));
    available.add(edition.language);
  }
  const decide = (text: string) =>
    decideLanguage(text, {}, vocabulary, (language) => available.has(language)).query;
  const disagreements = questions.filter(({ q }, i) => decide(q) !== predictions[i]).length;
  return {
    predictions,
    loadMs: NaN,
    heapMb: NaN,
    rssMb: NaN,
    medianUs: timePerDetection(questions, decide),
    ...(disagreements > 0
      ? { note: `decideLanguage disagreed with ask on ${disagreements} questions` }
      : {}),
  };
}

async function child(name: string): Promise<void> {
  const questions = loadQuestions();
  const spec = DETECTORS.find((detector) => detector.name === name);
  const measured =
    spec === undefined ? await measureShipped(questions) : await measureLibrary(spec, questions);
  process.send!(measured);
}

function runChild(name: string): Promise<Measured> {
  return new Promise((resolve, reject) => {
    const proc = fork(fileURLToPath(import.meta.url), [], {
      env: { ...process.env, DETECTOR_CHILD: name },
      execArgv: [...process.execArgv, "--expose-gc"],
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    let result: Measured | undefined;
    const timer = setTimeout(() => proc.kill(), CHILD_TIMEOUT_MS);
    proc.on("message", (message) => (result = message as Measured));
    proc.on("exit", (code, signal) => {
      clearTimeout(timer);
      if (result !== undefined) resolve(result);
      else reject(new Error(`${name}: the child exited (${signal ?? code}) without a result`));
    });
  });
}

/** RUNS fresh processes: the first one's predictions, the medians of the costs. */
async function measure(name: string): Promise<Measured> {
  const runs: Measured[] = [];
  for (let run = 0; run < RUNS; run++) runs.push(await runChild(name));
  const of = (key: "loadMs" | "heapMb" | "rssMb" | "medianUs") =>
    median(runs.map((run) => run[key]));
  return {
    ...runs[0]!,
    loadMs: of("loadMs"),
    heapMb: of("heapMb"),
    rssMb: of("rssMb"),
    medianUs: of("medianUs"),
  };
}

// ---------------------------------------------------------------------------------------------
// Report

const percent = (right: number, total: number) =>
  total === 0 ? "n/a" : `${((100 * right) / total).toFixed(1)}%`;
const number = (value: number, digits: number) =>
  Number.isFinite(value) ? value.toFixed(digits) : "—";

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(" | ")} |`;
  return [line(header), line(header.map(() => "---")), ...rows.map(line)].join("\n");
}

function accuracy(
  predictions: readonly string[],
  questions: readonly Question[],
  settled: readonly (Language | undefined)[],
) {
  const of = (keep: (question: Question) => boolean, hindiRule = false) => {
    let right = 0;
    let total = 0;
    questions.forEach((question, i) => {
      if (!keep(question)) return;
      total++;
      const predicted = (hindiRule ? settled[i] : undefined) ?? predictions[i];
      if (predicted === question.language) right++;
    });
    return percent(right, total);
  };
  return {
    perLanguage: LANGUAGES.map((language) => of((question) => question.language === language)),
    native: of((question) => question.language !== "en"),
    nativeHindiRule: of((question) => question.language !== "en", true),
    english: of((question) => question.language === "en"),
    short: of((question) => question.letters < SHORT_LETTERS),
  };
}

async function report(rows: readonly Row[], questions: readonly Question[]): Promise<string> {
  // Imported here, not at the top: it loads tinyld, which each child must load on the clock.
  const { textEvidence } = await import("../src/text/detect.js");
  const count = (keep: (question: Question) => boolean) => questions.filter(keep).length;
  const native = count((question) => question.language !== "en");
  const short = count((question) => question.letters < SHORT_LETTERS);
  // What src/text/detect.ts settles before asking tinyld: Devanagari, romanised Hindi.
  const settled = questions.map(({ q }) => textEvidence(q)?.settled);
  const accuracyRows: string[][] = [];
  const costRows: string[][] = [];
  const notes: string[] = [];
  for (const row of rows) {
    if ("missing" in row) {
      accuracyRows.push([row.name, ...LANGUAGES.map(() => "—")]);
      costRows.push([row.name, row.missing, "—", "—", "—", "—", "—", "—", "—", "—"]);
      continue;
    }
    const scores = accuracy(row.predictions, questions, settled);
    accuracyRows.push([row.name, ...scores.perLanguage]);
    costRows.push([
      row.name,
      row.version,
      scores.native,
      scores.nativeHindiRule,
      scores.english,
      scores.short,
      number(row.loadMs, 0),
      number(row.heapMb, 1),
      number(row.rssMb, 1),
      number(row.medianUs, 1),
    ]);
    if (row.note !== undefined) notes.push(`- ${row.name}: ${row.note}`);
  }
  const sets = LANGUAGES.map(
    (language) => `${language} ${count((question) => question.language === language)}`,
  ).join(", ");
  return [
    "# Language detectors on our question sets",
    "",
    `Generated by \`DETECTORS_FROM=/tmp/detectors npx tsx bench/detectors.ts\` on ` +
      `${new Date().toISOString().slice(0, 10)} (Node ${process.version}). ` +
      `${questions.length} questions: ${sets}; ${native} in the native (non-English) sets, ` +
      `${short} short (fewer than ${SHORT_LETTERS} letters).`,
    "",
    "Accuracy per language (the language the question set is written in):",
    "",
    table(["detector", ...LANGUAGES], accuracyRows),
    "",
    "Overall, and what it costs:",
    "",
    table(
      [
        "detector",
        "version",
        "native sets",
        "native, Hindi rule first",
        "English",
        `short (< ${SHORT_LETTERS} letters)`,
        "load ms",
        "heap +MB",
        "RSS +MB",
        "µs / detection",
      ],
      costRows,
    ),
    "",
    `Load: from the import to the first detection done, in a fresh process; heap and RSS: growth ` +
      `over that time, after a GC (median of ${RUNS} process${RUNS === 1 ? "" : "es"}). "Hindi rule first": Devanagari ` +
      "and romanised Hindi function words (src/text/detect.ts) decide before the library. tinyld, franc and eld are restricted to our eight languages " +
      "(Malay read as Indonesian); cld3 cannot be, and chooses among all of its own. The last row " +
      "is `AnswerService.ask`'s decision with no hints (its load is part of the service's " +
      "start-up, see bench/results.md; its time is `decideLanguage`'s).",
    ...(notes.length > 0 ? ["", ...notes] : []),
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const questions = loadQuestions();
  const rows: Row[] = [];
  for (const spec of DETECTORS) {
    const version = packageVersion(spec.pkg, spec.extra);
    if (version === undefined) {
      rows.push({ name: spec.name, version: "", missing: `not installed (${INSTALL_HINT})` });
      continue;
    }
    process.stderr.write(`measuring ${spec.name} ...\n`);
    rows.push({ name: spec.name, version, ...(await measure(spec.name)) });
  }
  process.stderr.write(`measuring ${SHIPPED} ...\n`);
  try {
    rows.push({ name: SHIPPED, version: "—", ...(await measure(SHIPPED)) });
  } catch (error) {
    // The knowledge base may be mid-edit (invalid): the libraries' rows still stand.
    rows.push({ name: SHIPPED, version: "—", missing: `failed: ${(error as Error).message}` });
  }
  const markdown = await report(rows, questions);
  console.log(markdown);
  writeFileSync(OUTPUT, markdown);
  console.log(`written to ${path.relative(process.cwd(), OUTPUT)}`);
}

const childName = process.env.DETECTOR_CHILD;
await (childName === undefined ? main() : child(childName));
