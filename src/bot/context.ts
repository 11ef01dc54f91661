import { type Api, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import type { AnswerServiceHolder } from "../answering/holder.js";
import type { LanguageHints } from "../answering/language.js";
import type { AnswerService, Reply, ShownMatch } from "../answering/service.js";
import type { Category, FaqEntry } from "../faq/types.js";
import type { CauseLog } from "../ops/cause-log.js";
import type { Metrics } from "../ops/metrics.js";
import { messagesFor } from "../i18n/messages.js";
import type { BotTexts } from "../i18n/catalog.js";
import { type Language, languageOfTag, SOURCE_LANGUAGE } from "../text/languages.js";
import type { InsightsStore } from "../store/insights.js";
import type { DeliveryRuns } from "./delivery/run.js";
import type { VoterKeys } from "./voter-key.js";

/**
 * The part of a pino logger the bot uses. Fastify's `app.log` fits; so does a recording fake in
 * tests. Log objects never carry user ids, names or message text.
 */
export interface BotLogger {
  debug(obj: object, msg?: string): void;
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
  child(bindings: Record<string, unknown>): BotLogger;
}

/** What handlers need besides the update itself; shared by every update of one bot. */
export interface BotServices {
  /** The answer service currently serving (replaced as a whole on reload). */
  readonly answers: AnswerServiceHolder;
  /**
   * Anonymous answer counts, unanswered questions, votes and update claims. Calls on the
   * answer path are not awaited (or are bounded by the resilient wrapper in production).
   */
  readonly insights: InsightsStore;
  /** Where `/stats` reads: the raw store, so a failure is reported rather than shown as zeros. */
  readonly adminInsights: InsightsStore;
  readonly voterKeys: VoterKeys;
  /** Telegram user ids allowed to use `/stats`. */
  readonly adminUserIds: ReadonlySet<number>;
  /** How long statistics are kept (stated by `/privacy`). */
  readonly retentionDays: number;
  /** Prometheus metrics, when the process exposes them. */
  readonly metrics?: Metrics;
  /** Failures logged once per cause with a count (not once per update). */
  readonly causes: CauseLog;
  /** The queued updates being answered, each with its delivery run (see `delivery/run.ts`). */
  readonly deliveries: DeliveryRuns;
}

/** Properties this bot adds to grammY's context. */
export interface BotContextFlavor {
  readonly services: BotServices;
  /** Logger bound to this update's id. */
  readonly logger: BotLogger;
  /**
   * The FAQ as this user sees it: in their language, from the answer service currently serving.
   * Throws `ServiceNotReadyError` (src/answering/holder.ts) before the first build.
   */
  readonly faq: UserFaq;
  /**
   * True when this update is being answered again (after a retry, a crash or a restart): what
   * the first run counted (statistics, the rate limit) is not counted twice.
   */
  readonly replay: boolean;
  /**
   * The language this user chose with /language (loaded before the features run by the
   * `languageChoice` middleware); undefined when they chose none.
   */
  chosenLanguage?: string;
  /** The bot's texts in this user's language (their choice, else their app's, else English). */
  readonly texts: BotTexts;
}

/** The answer service seen from one update: its user's language hints applied. */
export class UserFaq {
  readonly service: AnswerService;
  readonly hints: LanguageHints;
  /** The language of texts sent without a question to read (menus, browsing). */
  readonly language: Language;

  constructor(service: AnswerService, hints: LanguageHints) {
    this.service = service;
    this.hints = hints;
    this.language = service.languageFor(hints);
  }

  /** A question's reply, in the language its text and the user call for. */
  ask(question: string): Reply {
    return this.service.ask(question, this.hints);
  }

  /** Entries matching a question as it is typed (inline mode), best first. */
  search(question: string, limit?: number): ShownMatch[] {
    return this.service.search(question, this.hints, limit);
  }

  /** An entry in {@link language} (or in `language`), if the id exists. */
  entry(id: string, language: Language = this.language): FaqEntry | undefined {
    return this.service.entry(id, language)?.entry;
  }

  get entries(): FaqEntry[] {
    return this.service.entries(this.language).map((shown) => shown.entry);
  }

  get categories(): readonly Category[] {
    return this.service.categories(this.language);
  }
}

/** The context every handler of this bot receives. */
export type BotContext = Context & BotContextFlavor;

/** A grammY `ContextConstructor` that gives each update the services and a bound logger. */
export function createContextConstructor(services: BotServices, logger: BotLogger) {
  return class FaqBotContext extends Context implements BotContextFlavor {
    readonly services: BotServices = services;
    readonly logger: BotLogger;

    constructor(update: Update, api: Api, me: UserFromGetMe) {
      super(update, api, me);
      this.logger = logger.child({ update_id: update.update_id });
    }

    #faq: UserFaq | undefined;

    get faq(): UserFaq {
      const service = this.services.answers.serving;
      if (this.#faq?.service !== service)
        this.#faq = new UserFaq(service, {
          chosen: this.chosenLanguage,
          client: this.from?.language_code,
        });
      return this.#faq;
    }

    chosenLanguage?: string;

    get texts(): BotTexts {
      // Before the first index is built there is no service to ask: the tags decide alone.
      const language =
        this.services.answers.current !== undefined
          ? this.faq.language
          : (languageOfTag(this.chosenLanguage ?? this.from?.language_code ?? "") ??
            SOURCE_LANGUAGE);
      return messagesFor(language).bot;
    }

    get replay(): boolean {
      return this.services.deliveries.get(this.update)?.replay ?? false;
    }
  };
}
