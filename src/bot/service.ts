/**
 * Runs the bot inside the service process, in one of two modes:
 *
 * - **webhook** (`WEBHOOK_URL` set): `POST /webhook` is registered on the Fastify app through
 *   {@link TelegramBotService.plugin}; the bot identifies itself (`getMe`) before the server
 *   listens; `setWebhook` is called once the answer engine is ready.
 * - **long polling** (no `WEBHOOK_URL`): any webhook is deleted, then {@link UpdatePoller} polls.
 *
 * Either way every update goes through the durable queue (`store/queue/`): the webhook or the
 * poller stores it and acknowledges it; the queue's workers answer it (`delivery/processor.ts`),
 * exactly once, however long the Bot API is down and across restarts. Start-up calls (getMe, the
 * command menus, setWebhook) go through an API of their own with a few quick retries.
 */
import { autoRetry } from "@grammyjs/auto-retry";
import { Api, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { FastifyInstance } from "fastify";
import type { AnswerServiceHolder } from "../answering/holder.js";
import { CauseLog } from "../ops/cause-log.js";
import type { Metrics } from "../ops/metrics.js";
import { WEBHOOK_PATH, webhookRoutes } from "../http/routes/webhook.js";
import type { InsightsStore } from "../store/insights.js";
import type { EnqueueResult, UpdateQueue } from "../store/queue/types.js";
import { type Clock, systemClock } from "../util/clock.js";
import type { BotLogger } from "./context.js";
import { ApiHealth } from "./delivery/api-health.js";
import { laneOf } from "./delivery/lanes.js";
import { SendPacer } from "./delivery/pacer.js";
import { UpdatePoller } from "./delivery/poller.js";
import { createUpdateProcessor } from "./delivery/processor.js";
import { DEFAULT_API_TIMEOUT_MS, DeliveryRuns } from "./delivery/run.js";
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

/** How queued updates are answered. */
export interface DeliverySettings {
  /** Updates answered at once by this process. Default 8. */
  readonly concurrency?: number;
  /** Messages per second for the whole bot from this process. Default 30. */
  readonly messagesPerSecond?: number;
  /** Longest a single Bot API call may take before it is retried, ms. Default 15 000. */
  readonly apiTimeoutMs?: number;
  /** Time and timers (tests move it by hand). Default the system clock. */
  readonly clock?: Clock;
}

export interface TelegramBotServiceOptions {
  readonly token: string;
  readonly answers: AnswerServiceHolder;
  /** The durable queue every update goes through (opened, and closed, by the caller). */
  readonly queue: UpdateQueue;
  /** Webhook mode when given, long polling otherwise. */
  readonly webhook?: WebhookSettings;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test stand-in). */
  readonly apiRoot?: string;
  readonly delivery?: DeliverySettings;
  /** Statistics and votes (see `BotDependencies.insights`). */
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
  /** Called when long polling stops for good (Telegram refused it) after it had started. */
  readonly onPollingError?: (error: unknown) => void;
  /** Prometheus metrics for updates, the queue, Bot API errors and answers. */
  readonly metrics?: Metrics;
}

export { BotStartError };

export type BotMode = "webhook" | "polling";

/** Owns the bot's lifecycle in the process; see the file comment. */
export class TelegramBotService {
  readonly #options: TelegramBotServiceOptions;
  /** Start-up calls: a few quick retries of 429s, 5xx and network errors. */
  readonly #control: Api;
  readonly #runs = new DeliveryRuns();
  #bot: FaqBot | undefined;
  #logger: BotLogger | undefined;
  #causes: CauseLog | undefined;
  #poller: UpdatePoller | undefined;
  #working = false;

  constructor(options: TelegramBotServiceOptions) {
    this.#options = options;
    const client = options.apiRoot !== undefined ? { apiRoot: options.apiRoot } : undefined;
    this.#control = new Api(options.token, client);
    this.#control.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 30 }));
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
   * registers `POST /webhook`, which stores each update in the queue and acknowledges it.
   */
  readonly plugin = async (app: FastifyInstance): Promise<void> => {
    const logger: BotLogger = app.log.child({ component: "telegram" });
    this.#logger = logger;
    this.#causes = new CauseLog({ logger });
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
      causes: this.#causes,
      deliveries: this.#runs,
    });
    if (this.#options.webhook !== undefined) {
      const causes = this.#causes;
      await app.register(webhookRoutes, {
        secretToken: this.#options.webhook.secret,
        accept: (update) => this.enqueue(update as unknown as Update),
        onRefused: (error) => {
          this.#options.metrics?.telegramQueue.inc({ event: "refused" });
          causes.report(
            "warn",
            "webhook refused",
            "update not stored; answered 503 (Telegram delivers it again)",
            {
              err: { message: error instanceof Error ? error.message : String(error) },
            },
          );
        },
      });
    }
  };

  /** Stores an update in the queue (a duplicate is found, not stored twice). */
  async enqueue(update: Update): Promise<EnqueueResult> {
    const result = await this.#options.queue.enqueue({
      updateId: update.update_id,
      update,
      lane: laneOf(update),
    });
    this.#options.metrics?.telegramQueue.inc({ event: result });
    if (result === "duplicate")
      this.#causes?.report(
        "info",
        "duplicate delivery",
        "duplicate delivery of an update ignored",
        {
          update_id: update.update_id,
        },
      );
    return result;
  }

  /** Fetches the bot's identity (`getMe`); call before the server accepts updates. */
  async init(): Promise<void> {
    try {
      this.bot.botInfo = await this.#control.getMe();
    } catch (error) {
      throw startError("could not reach Telegram to identify the bot (getMe)", error);
    }
    this.#log().info(
      { username: this.bot.botInfo.username, mode: this.mode },
      "Telegram bot identified",
    );
  }

  /**
   * Starts answering queued updates, registers the profile, then sets the webhook or starts long
   * polling. Resolves once the bot receives updates; rejects with {@link BotStartError} when
   * Telegram refuses.
   */
  async start(): Promise<void> {
    const bot = this.bot;
    if (!bot.isInited()) await this.init();
    this.#startWorkers();
    await registerBotProfile(this.#control, this.#log());
    const webhook = this.#options.webhook;
    if (webhook !== undefined) {
      const url = `${webhook.url}${WEBHOOK_PATH}`;
      try {
        await this.#control.setWebhook(url, {
          secret_token: webhook.secret,
          allowed_updates: [...ALLOWED_UPDATES],
        });
      } catch (error) {
        throw startError("Telegram refused the webhook (setWebhook)", error);
      }
      this.#log().info({ url }, "Telegram bot on: webhook mode");
      return;
    }
    const pollingApi = new Api(
      this.#options.token,
      this.#options.apiRoot !== undefined ? { apiRoot: this.#options.apiRoot } : undefined,
    );
    const poller = new UpdatePoller({
      api: pollingApi,
      enqueue: (update) => this.enqueue(update),
      allowedUpdates: ALLOWED_UPDATES,
      causes: this.#causes!,
    });
    let stopped: Promise<void>;
    try {
      ({ stopped } = await poller.start());
    } catch (error) {
      throw startError("could not start long polling", error);
    }
    this.#poller = poller;
    this.#log().info({}, "Telegram bot on: long polling mode");
    stopped.catch((error: unknown) => {
      this.#log().error(
        { err: { message: error instanceof Error ? error.message : String(error) } },
        "long polling stopped with an error",
      );
      this.#options.onPollingError?.(error);
    });
  }

  /**
   * Stops taking work: long polling stops (confirming what was queued); the workers finish
   * their updates for up to `graceMs`, then hand the rest back to the queue. The webhook stays set.
   */
  async stop(graceMs: number): Promise<void> {
    await this.#poller?.stop();
    if (this.#working) await this.#options.queue.stop(graceMs);
    this.#causes?.flush();
  }

  #startWorkers(): void {
    if (this.#working) return;
    this.#working = true;
    const settings = this.#options.delivery ?? {};
    const clock = settings.clock ?? systemClock;
    const processor = createUpdateProcessor(this.bot, this.#runs, {
      clock,
      pacer: new SendPacer({ clock, perSecond: settings.messagesPerSecond }),
      health: new ApiHealth({ clock }),
      causes: this.#causes!,
      apiTimeoutMs: settings.apiTimeoutMs ?? DEFAULT_API_TIMEOUT_MS,
      metrics: this.#options.metrics,
    });
    this.#options.queue.start(processor, { concurrency: settings.concurrency ?? 8 });
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
