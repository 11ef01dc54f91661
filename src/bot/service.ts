/**
 * Runs the bot inside the service process, in one of two modes:
 *
 * - **webhook** (`WEBHOOK_URL` set): `POST /webhook` is registered on the Fastify app through
 *   {@link TelegramBotService.plugin}; the bot is initialised (`getMe`) before the server
 *   listens; `setWebhook` is called once the answer engine is ready.
 * - **long polling** (no `WEBHOOK_URL`): grammY deletes any webhook, then polls.
 *
 * Either way the command menus and descriptions are registered at start.
 */
import { GrammyError, HttpError } from "grammy";
import type { FastifyInstance } from "fastify";
import type { AnswerServiceHolder } from "../answering/holder.js";
import type { Metrics } from "../ops/metrics.js";
import { WEBHOOK_PATH, webhookRoutes } from "../http/routes/webhook.js";
import type { InsightsStore } from "../store/insights.js";
import type { BotLogger } from "./context.js";
import { loggableError } from "./error-boundary.js";
import { BotStartError } from "./errors.js";
import { createBot, type FaqBot } from "./index.js";
import type { QuestionRateLimitSettings } from "./middlewares/rate-limit.js";
import { ALLOWED_UPDATES, registerBotProfile } from "./profile.js";
import type { VoterKeys } from "./voter-key.js";

/** Webhook settings; their presence selects webhook mode. */
export interface WebhookSettings {
  /** Public base URL (https://faq.example.com); Telegram posts to `${url}/webhook`. */
  readonly url: string;
  /** Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token` (16-256 of A-Z a-z 0-9 _ -). */
  readonly secret: string;
}

export interface TelegramBotServiceOptions {
  readonly token: string;
  readonly answers: AnswerServiceHolder;
  /** Webhook mode when given, long polling otherwise. */
  readonly webhook?: WebhookSettings;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test stand-in). */
  readonly apiRoot?: string;
  /** Statistics, votes and the duplicate-update window (see `BotDependencies.insights`). */
  readonly insights?: InsightsStore;
  /** Where `/stats` reads (the raw store; see `BotDependencies.adminInsights`). */
  readonly adminInsights?: InsightsStore;
  /** Keys votes anonymously; give every instance the same secret. */
  readonly voterKeys?: VoterKeys;
  /** Per-user question limit. */
  readonly rateLimit?: QuestionRateLimitSettings;
  /** Telegram user ids allowed to use `/stats`. */
  readonly adminUserIds?: readonly number[];
  /** Retention stated by `/privacy`, in days. */
  readonly retentionDays?: number;
  /** Called when long polling stops with an error after it had started. */
  readonly onPollingError?: (error: unknown) => void;
  /** Prometheus metrics for updates, Bot API errors and answers. */
  readonly metrics?: Metrics;
}

export { BotStartError };

export type BotMode = "webhook" | "polling";

/** Owns the bot's lifecycle in the process; see the file comment. */
export class TelegramBotService {
  readonly #options: TelegramBotServiceOptions;
  #bot: FaqBot | undefined;
  #logger: BotLogger | undefined;
  #polling: Promise<void> | undefined;

  constructor(options: TelegramBotServiceOptions) {
    this.#options = options;
  }

  get mode(): BotMode {
    return this.#options.webhook === undefined ? "polling" : "webhook";
  }

  /** The bot, once {@link plugin} has run. */
  get bot(): FaqBot {
    if (this.#bot === undefined)
      throw new Error("TelegramBotService.plugin has not been registered yet");
    return this.#bot;
  }

  /**
   * For `buildApp({ plugins })`: creates the bot with the app's logger and, in webhook mode,
   * registers `POST /webhook` (503 until the answer engine is ready, so Telegram redelivers).
   */
  readonly plugin = async (app: FastifyInstance): Promise<void> => {
    const logger: BotLogger = app.log.child({ component: "telegram" });
    this.#logger = logger;
    this.#bot = createBot(this.#options.token, {
      answers: this.#options.answers,
      insights: this.#options.insights,
      adminInsights: this.#options.adminInsights,
      voterKeys: this.#options.voterKeys,
      rateLimit: this.#options.rateLimit,
      adminUserIds: this.#options.adminUserIds,
      retentionDays: this.#options.retentionDays,
      metrics: this.#options.metrics,
      logger,
      apiRoot: this.#options.apiRoot,
    });
    const webhook = this.#options.webhook;
    if (webhook !== undefined) {
      await app.register(webhookRoutes, {
        bot: this.#bot,
        secretToken: webhook.secret,
        isReady: () => this.#options.answers.current !== undefined,
      });
    }
  };

  /** Fetches the bot's identity (`getMe`); call before the server accepts updates. */
  async init(): Promise<void> {
    try {
      await this.bot.init();
    } catch (error) {
      throw startError("could not reach Telegram to identify the bot (getMe)", error);
    }
    this.#log().info(
      { username: this.bot.botInfo.username, mode: this.mode },
      "Telegram bot identified",
    );
  }

  /**
   * Registers the profile, then sets the webhook or starts long polling. Resolves once the bot
   * receives updates; rejects with {@link BotStartError} when Telegram refuses.
   */
  async start(): Promise<void> {
    const bot = this.bot;
    if (!bot.isInited()) await this.init();
    await registerBotProfile(bot.api, this.#log());
    const webhook = this.#options.webhook;
    if (webhook !== undefined) {
      const url = `${webhook.url}${WEBHOOK_PATH}`;
      try {
        await bot.api.setWebhook(url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
      } catch (error) {
        throw startError("Telegram refused the webhook (setWebhook)", error);
      }
      this.#log().info({ url }, "Telegram bot on: webhook mode");
      return;
    }
    await new Promise<void>((resolve, reject) => {
      let started = false;
      // grammY deletes any webhook first, then calls onStart and begins polling.
      this.#polling = bot
        .start({
          allowed_updates: [...ALLOWED_UPDATES],
          onStart: () => {
            started = true;
            this.#log().info({}, "Telegram bot on: long polling mode");
            resolve();
          },
        })
        .catch((error: unknown) => {
          if (!started) reject(startError("could not start long polling", error));
          else {
            this.#log().error({ err: loggableError(error) }, "long polling stopped with an error");
            this.#options.onPollingError?.(error);
          }
        });
    });
  }

  /** Stops long polling (the last offset is confirmed to Telegram). The webhook stays set. */
  async stop(): Promise<void> {
    const bot = this.#bot;
    if (bot === undefined || !bot.isRunning()) return;
    await bot.stop();
    await this.#polling;
  }

  #log(): BotLogger {
    if (this.#logger === undefined)
      throw new Error("TelegramBotService.plugin has not been registered yet");
    return this.#logger;
  }
}

function startError(what: string, error: unknown): BotStartError {
  if (error instanceof GrammyError) {
    const hint =
      error.error_code === 401 || error.error_code === 404
        ? " Check BOT_TOKEN (from @BotFather)."
        : "";
    return new BotStartError(
      `Telegram bot: ${what}: ${error.error_code} ${error.description}.${hint}`,
      { cause: error },
    );
  }
  if (error instanceof HttpError) {
    return new BotStartError(
      `Telegram bot: ${what}: network error (${error.message}). Check TELEGRAM_API_ROOT and connectivity.`,
      {
        cause: error,
      },
    );
  }
  return new BotStartError(
    `Telegram bot: ${what}: ${error instanceof Error ? error.message : String(error)}`,
    { cause: error },
  );
}
