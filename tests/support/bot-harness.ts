/**
 * A bot wired for offline unit tests: known `botInfo` (no getMe), the {@link FakeBotApi}
 * transformer answering every call, an in-memory insights store and a logger that records.
 */
import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";
import { type BotLogger } from "../../src/bot/context.js";
import { ApiHealth } from "../../src/bot/delivery/api-health.js";
import { laneOf } from "../../src/bot/delivery/lanes.js";
import { SendPacer } from "../../src/bot/delivery/pacer.js";
import { createUpdateProcessor } from "../../src/bot/delivery/processor.js";
import { DeliveryRuns } from "../../src/bot/delivery/run.js";
import { type BotDependencies, createBot, type FaqBot } from "../../src/bot/index.js";
import { VoterKeys } from "../../src/bot/voter-key.js";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { type WebhookRouteOptions, webhookRoutes } from "../../src/http/routes/webhook.js";
import type { AnswerService } from "../../src/answering/service.js";
import type { AnswerEngine } from "../../src/search/engine.js";
import { CauseLog } from "../../src/ops/cause-log.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { SqliteUpdateQueue } from "../../src/store/queue/sqlite-queue.js";
import { systemClock } from "../../src/util/clock.js";
import { FakeBotApi } from "./fake-bot-api.js";
import { realEngine, realService } from "./knowledge-base.js";
import { TEST_BOT, TEST_TOKEN } from "./telegram-updates.js";

export interface LogEntry {
  readonly level: "debug" | "info" | "warn" | "error";
  readonly msg: string | undefined;
  readonly fields: Record<string, unknown>;
}

/** A {@link BotLogger} that keeps every entry (with the bindings of its child loggers). */
export class RecordingLogger implements BotLogger {
  constructor(
    readonly entries: LogEntry[] = [],
    readonly bindings: Record<string, unknown> = {},
  ) {}
  debug(obj: object, msg?: string): void {
    this.#push("debug", obj, msg);
  }
  info(obj: object, msg?: string): void {
    this.#push("info", obj, msg);
  }
  warn(obj: object, msg?: string): void {
    this.#push("warn", obj, msg);
  }
  error(obj: object, msg?: string): void {
    this.#push("error", obj, msg);
  }
  child(bindings: Record<string, unknown>): RecordingLogger {
    return new RecordingLogger(this.entries, { ...this.bindings, ...bindings });
  }
  at(level: LogEntry["level"]): LogEntry[] {
    return this.entries.filter((entry) => entry.level === level);
  }
  #push(level: LogEntry["level"], obj: object, msg: string | undefined): void {
    this.entries.push({ level, msg, fields: { ...this.bindings, ...obj } });
  }
}

export interface TestBot {
  readonly bot: FaqBot;
  readonly api: FakeBotApi;
  readonly logger: RecordingLogger;
  readonly answers: AnswerServiceHolder;
  /** Statistics, votes and update claims of this bot. */
  readonly insights: MemoryInsightsStore;
  /** Handles one update the way the webhook does (errors would propagate, none should). */
  send(update: Update): Promise<void>;
}

let cachedEngine: Promise<AnswerEngine> | undefined;
let cachedService: Promise<AnswerService> | undefined;

/** The real knowledge base's English engine, built once per test file. */
export function sharedEngine(): Promise<AnswerEngine> {
  cachedEngine ??= realEngine();
  return cachedEngine;
}

/** The real knowledge base's answer service, built once per test file. */
export function sharedService(): Promise<AnswerService> {
  cachedService ??= realService();
  return cachedService;
}

/**
 * Creates a bot for one test.
 * @param service The answer service; `null` for "index not built yet". Default: the real FAQ.
 */
export async function createTestBot(
  options: {
    service?: AnswerService | null;
    /** Extra bot dependencies (a rate limit, admin ids, ...). */
    deps?: Partial<BotDependencies>;
  } = {},
): Promise<TestBot> {
  const answers = new AnswerServiceHolder();
  const service = options.service === undefined ? await sharedService() : options.service;
  if (service !== null) answers.set(service);
  const api = new FakeBotApi();
  const logger = new RecordingLogger();
  const insights = new MemoryInsightsStore();
  const bot = createBot(TEST_TOKEN, {
    answers,
    insights,
    logger,
    botInfo: TEST_BOT,
    voterKeys: new VoterKeys(Buffer.alloc(32, 7)),
    ...options.deps,
  });
  bot.api.config.use(api.transformer);
  return { bot, api, logger, answers, insights, send: (update) => bot.handleUpdate(update) };
}

/** A test bot answering through the real durable queue (SQLite in memory) and delivery path. */
export interface QueuedTestBot extends TestBot {
  readonly queue: SqliteUpdateQueue;
  /** The HTTP app with `POST /webhook` storing updates in the queue (use `app.inject`). */
  readonly app: FastifyInstance;
  /** Resolves once every queued update is done. */
  settled(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

/**
 * The path of production, offline: webhook -> queue -> processor -> bot -> delivery transformer
 * -> {@link FakeBotApi}. Pacing is set high so tests are not slowed by Telegram's limits.
 */
export async function queuedTestBot(
  options: { secretToken: string; deps?: Partial<BotDependencies> } = {
    secretToken: "s3cret_token-for-tests",
  },
): Promise<QueuedTestBot> {
  const deliveries = new DeliveryRuns();
  const t = await createTestBot({ deps: { deliveries, ...options.deps } });
  const clock = systemClock;
  const queue = new SqliteUpdateQueue({ path: ":memory:", clock });
  const causes = new CauseLog({ logger: t.logger });
  queue.start(
    createUpdateProcessor(t.bot, deliveries, {
      clock,
      pacer: new SendPacer({ clock, perSecond: 1000, chatPerSecond: 1000, chatBurst: 1000 }),
      health: new ApiHealth({ clock }),
      causes,
      apiTimeoutMs: 5_000,
    }),
    { concurrency: 4 },
  );
  const app = await webhookApp({
    secretToken: options.secretToken,
    accept: (update) =>
      queue.enqueue({
        updateId: update.update_id,
        update,
        lane: laneOf(update as unknown as Update),
      }),
  });
  return {
    ...t,
    queue,
    app,
    settled: async (timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (queue.pending > 0) {
        if (Date.now() > deadline) throw new Error(`${queue.pending} updates still queued`);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    },
    close: async () => {
      await app.close();
      await queue.stop(0);
      await queue.close();
    },
  };
}

/** The HTTP app with `POST /webhook` handing updates to `accept` (offline, via `app.inject`). */
export async function webhookApp(options: {
  secretToken: string;
  accept: WebhookRouteOptions["accept"];
  onRefused?: WebhookRouteOptions["onRefused"];
}): Promise<FastifyInstance> {
  return buildApp({
    answers: new AnswerServiceHolder(),
    plugins: [
      async (instance) => {
        await instance.register(webhookRoutes, options);
      },
    ],
  });
}
