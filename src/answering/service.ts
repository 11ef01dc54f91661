/**
 * The one answering service every channel uses (the HTTP API, the web page, the bot's chats,
 * groups and inline mode): a question and the channel's language hints in; the language of the
 * reply, the outcome, and the entries to show, in that language, out. Channels never see how a
 * language is detected or analysed, nor which engine answered.
 */
import type { Category, Edition, FaqEntry, KnowledgeBase } from "../faq/types.js";
import {
  AnswerEngine,
  CALIBRATION,
  type Calibration,
  type EngineOptions,
  type Match,
} from "../search/engine.js";
import { Suggester, type Suggestion } from "../search/suggest.js";
import { isDetectorLoaded, loadDetector } from "../text/detect.js";
import { type Language, LANGUAGES, SOURCE_LANGUAGE } from "../text/languages.js";
import {
  decideLanguage,
  type LanguageDecision,
  type LanguageHints,
  LanguageVocabulary,
  replyLanguageOf,
} from "./language.js";

/** What became of a question. */
export type Outcome =
  /** An entry answers it. */
  | "answered"
  /** A privacy question no entry answers confidently: "I don't have an answer for that". */
  | "no-answer"
  /** Not about WhatsApp privacy or security: declined politely. */
  | "out-of-scope";

/** An entry as shown to the asker, in the reply's language where it is translated. */
export interface ShownEntry {
  readonly entry: FaqEntry;
  /** The language of `entry`'s texts: the reply's, or English where no current translation exists. */
  readonly language: Language;
}

/** An entry that matched a question, as shown to the asker. */
export interface ShownMatch extends ShownEntry {
  /** In [0, 1], comparable across questions (see the engine). */
  readonly confidence: number;
  /** Raw BM25 score, for diagnostics only. */
  readonly score: number;
}

/** The service's reply to one question. */
export interface Reply {
  /** The language of the reply's texts (the asker's, where the service speaks it). */
  readonly language: Language;
  readonly decision: LanguageDecision;
  readonly outcome: Outcome;
  readonly answer: ShownMatch | null;
  /** Related questions with an answer; "did you mean" suggestions without one. */
  readonly related: readonly ShownMatch[];
  /** The runner-up is almost as good as the answer (it is then first in `related`). */
  readonly ambiguous: boolean;
  /** The question as the engine that read it normalised it (what statistics may keep). */
  readonly normalized: string;
}

/**
 * The translated editions' confidence: English's, a little more trusting. A translated entry has
 * fewer phrasings (6 to 10 alternates against English's dozens), so a question covers less of its
 * closest one for the same match. Tuned on the languages' own question sets (`npm run eval`);
 * +0.5 raised their mean top-1 from 88% to 93% with off-topic rejection unchanged.
 */
export const TRANSLATION_CALIBRATION: Partial<Calibration> = {
  intercept: CALIBRATION.intercept + 0.5,
};

/** How long {@link AnswerService.warmUp} waits before it starts. */
const WARM_UP_FIRST_PAUSE_MS = 50;

/** Options of {@link AnswerService.build}: the engines' options, for every language. */
export interface AnswerServiceOptions extends EngineOptions {
  /** Overrides of the confidence's calibration for translated editions. */
  readonly translationCalibration?: Partial<Calibration>;
}

/**
 * Answers questions in every language of a knowledge base: an engine per language. Immutable
 * once built, so it is swapped as a whole on reload.
 *
 * Only English's engine is built at once, less its spelling corrector. The rest (that corrector,
 * each other language's engine, the words that tell the languages apart, the language detector)
 * is built when first needed, or ahead of
 * need by {@link warmUp}, which the server runs as soon as it is ready: together they take about
 * a second, which would otherwise all be start-up. A question's language and answer never
 * depend on what is built yet, only how long the first ones take.
 */
export class AnswerService {
  readonly knowledgeBase: KnowledgeBase;
  readonly #options: AnswerServiceOptions;
  readonly #editions: ReadonlyMap<Language, Edition>;
  readonly #engines = new Map<Language, AnswerEngine>();
  #vocabulary: LanguageVocabulary | undefined;
  readonly #suggesters = new Map<Language, Suggester>();
  readonly #available = (language: Language) => this.#editions.has(language);

  private constructor(knowledgeBase: KnowledgeBase, options: AnswerServiceOptions) {
    this.knowledgeBase = knowledgeBase;
    this.#options = options;
    const editions = new Map<Language, Edition>([[SOURCE_LANGUAGE, knowledgeBase]]);
    for (const edition of knowledgeBase.translations.values())
      editions.set(edition.language, edition);
    this.#editions = editions;
    this.#build(SOURCE_LANGUAGE);
  }

  /** Every language's words, for telling which language a question is in (built once). */
  get #words(): LanguageVocabulary {
    if (this.#vocabulary !== undefined) return this.#vocabulary;
    const vocabulary = new LanguageVocabulary();
    for (const [language, edition] of this.#editions)
      vocabulary.add(language, AnswerEngine.languageWords(edition));
    return (this.#vocabulary = vocabulary);
  }

  static build(knowledgeBase: KnowledgeBase, options: AnswerServiceOptions = {}): AnswerService {
    return new AnswerService(knowledgeBase, options);
  }

  /** Every language's engine and words are built, and the language detector loaded. */
  get warm(): boolean {
    return (
      this.#vocabulary !== undefined &&
      this.#engines.size === this.#editions.size &&
      [...this.#engines.values()].every((engine) => engine.prepared) &&
      isDetectorLoaded()
    );
  }

  /**
   * Builds what is not built yet (see the class), one piece at a time, each followed by a pause
   * as long as it took: requests are answered in between, and the event loop is never so busy
   * that the server's load shedding mistakes the warm-up for a queue of requests. Resolves when
   * the service is {@link warm}.
   *
   * @param paced false: no pauses, for timing the build (the benchmark)
   */
  async warmUp(paced = true): Promise<void> {
    const steps: (() => unknown)[] = [
      () => this.#engine(SOURCE_LANGUAGE).prepare(),
      () => this.#words,
      ...[...this.#editions.keys()]
        .filter((language) => language !== SOURCE_LANGUAGE)
        .flatMap((language) => [
          () => this.#engine(language),
          () => this.#engine(language).prepare(),
        ]),
      loadDetector,
    ];
    // The first pause lets whatever came in with the service's readiness be answered first.
    let pause = WARM_UP_FIRST_PAUSE_MS;
    for (const step of steps) {
      if (paced) await new Promise((resolve) => setTimeout(resolve, pause));
      const started = performance.now();
      step();
      pause = performance.now() - started;
    }
  }

  get version(): string {
    return this.knowledgeBase.version;
  }

  /** Languages with at least one translated entry (English always). */
  get languages(): readonly Language[] {
    return LANGUAGES.filter(this.#available);
  }

  /** Answers a question, in the language the hints and the text call for. */
  ask(question: string, hints: LanguageHints = {}): Reply {
    const decision = decideLanguage(question, hints, this.#words, this.#available);
    const engine = this.#engine(decision.query);
    let found = engine.ask(question);
    // People mix English words into their questions: a question the language's own entries
    // cannot answer may still be answered by the English ones.
    if (found.answer === null && found.declined === null && decision.query !== SOURCE_LANGUAGE) {
      const english = this.#engine(SOURCE_LANGUAGE).ask(question);
      if (english.answer !== null || english.declined !== null) found = english;
    }
    const language = decision.reply;
    const show = (match: Match) => this.#shownMatch(match, language);
    return {
      language,
      decision,
      outcome:
        found.answer !== null
          ? "answered"
          : found.declined?.reason === "not-privacy"
            ? "out-of-scope"
            : "no-answer",
      answer: found.answer === null ? null : show(found.answer),
      related: found.related.map(show),
      ambiguous: found.ambiguous,
      normalized: found.normalized,
    };
  }

  /** Entries matching a question as it is typed, best first (inline mode), in its language. */
  search(question: string, hints: LanguageHints = {}, limit = 10): ShownMatch[] {
    const decision = decideLanguage(question, hints, this.#words, this.#available);
    return this.#engine(decision.query)
      .search(question, limit)
      .map((match) => this.#shownMatch(match, decision.reply));
  }

  /** How the engine of `language` reads a question and scores every entry (diagnostics). */
  explain(question: string, language: Language = SOURCE_LANGUAGE) {
    return this.#engine(language).explain(question);
  }

  /** Questions to offer while someone types, in the reply's language. */
  suggest(text: string, hints: LanguageHints = {}, limit?: number): Suggestion[] {
    const language = decideLanguage(text, hints, this.#words, this.#available).reply;
    let suggester = this.#suggesters.get(language);
    if (suggester === undefined) {
      suggester = new Suggester(this.#engine(language).entries);
      this.#suggesters.set(language, suggester);
    }
    return suggester.suggest(text, limit);
  }

  /** The language to speak when there is no question to read (welcome texts, menus). */
  languageFor(hints: LanguageHints): Language {
    return replyLanguageOf(hints, this.#available);
  }

  /** An entry by id in `language` (English where it has no current translation). */
  entry(id: string, language: Language = SOURCE_LANGUAGE): ShownEntry | undefined {
    if (this.#engine(SOURCE_LANGUAGE).get(id) === undefined) return undefined;
    return this.#shown(id, language);
  }

  /** Every entry, in the knowledge base's order, in `language` where translated. */
  entries(language: Language = SOURCE_LANGUAGE): ShownEntry[] {
    return this.knowledgeBase.entries.map((entry) => this.#shown(entry.id, language));
  }

  /** The categories, named in `language`. */
  categories(language: Language = SOURCE_LANGUAGE): readonly Category[] {
    return this.#engine(language).categories;
  }

  /** `language`'s engine, built now if it is not yet; English's for a language without one. */
  #engine(language: Language): AnswerEngine {
    return (
      this.#engines.get(language) ??
      (this.#available(language) ? this.#build(language) : this.#engines.get(SOURCE_LANGUAGE)!)
    );
  }

  #build(language: Language): AnswerEngine {
    const options = this.#options;
    const engine = AnswerEngine.build(
      this.#editions.get(language)!,
      language === SOURCE_LANGUAGE
        ? options
        : {
            ...options,
            calibration: {
              ...options.calibration,
              ...(options.translationCalibration ?? TRANSLATION_CALIBRATION),
            },
          },
    );
    this.#engines.set(language, engine);
    return engine;
  }

  /** A match as shown in `language`; built field by field (a spread cost ~6 µs a question). */
  #shownMatch(match: Match, language: Language): ShownMatch {
    const shown = this.#shown(match.entry.id, language);
    return {
      entry: shown.entry,
      language: shown.language,
      confidence: match.confidence,
      score: match.score,
    };
  }

  #shown(id: string, language: Language): ShownEntry {
    const translated = this.#available(language) ? this.#engine(language).get(id) : undefined;
    if (translated !== undefined) return { entry: translated, language };
    return { entry: this.#engine(SOURCE_LANGUAGE).get(id)!, language: SOURCE_LANGUAGE };
  }
}
