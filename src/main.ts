/**
 * Process entry point: read the configuration, load and validate the knowledge base, build the
 * index, serve HTTP (and the Telegram bot when configured), shut down cleanly on signals.
 * A bad configuration or knowledge base prints what is wrong and exits 1, without a stack trace.
 *
 * Telegram modes: no BOT_TOKEN -> HTTP only; BOT_TOKEN -> long polling; BOT_TOKEN and
 * WEBHOOK_URL -> webhook at `${WEBHOOK_URL}/webhook` (see src/bot/service.ts).
 *
 * Statistics go to Redis when REDIS_URL is set (several instances), else to SQLite in DATA_DIR.
 * The store sits behind the resilient wrapper: it never delays or fails an answer. With a bot,
 * Telegram's updates go through a durable queue in the same place (src/store/queue/).
 *
 * Shutdown (SIGTERM/SIGINT): every request is answered 503 with `Connection: close` from then
 * on; polling stops; updates being answered get SHUTDOWN_GRACE_SECONDS to finish, the rest stay
 * queued for the next start; then the server, the stores and the queue close.
 */
import "dotenv/config";
import { randomBytes } from "node:crypto";
import { BotStartError } from "./bot/errors.js";
import { VoterKeys } from "./bot/voter-key.js";
import { ConfigError, loadConfig } from "./config/index.js";
import { KnowledgeBaseError } from "./faq/errors.js";
import { loadKnowledgeBaseAtStart } from "./faq/snapshot.js";
import { buildApp, DEFAULT_PRESSURE } from "./http/app.js";
import { AnswerServiceHolder } from "./answering/holder.js";
import { KnowledgeBaseReloader, translationGapsOf } from "./answering/reload.js";
import { AnswerService } from "./answering/service.js";
import { DrainSwitch } from "./http/drain.js";
import { listen, ListenError } from "./http/listen.js";
import { Metrics } from "./ops/metrics.js";
import { DeferredLogger } from "./ops/deferred-logger.js";
import { loggerOptions } from "./ops/log-output.js";
import {
  createStore,
  redactedRedisUrl,
  ResilientInsightsStore,
  scheduleRetention,
  StoreOpenError,
  StoreSchemaError,
} from "./store/index.js";
import { deriveSecret } from "./store/keyed-hash.js";
import { createUpdateQueue } from "./store/queue/index.js";
import { QuestionLimiter } from "./store/rate-limit.js";
import { recordAnswer } from "./store/record.js";
import { createFailureReporter } from "./store/resilient.js";
import { UnansweredBudget } from "./store/unanswered-budget.js";

async function main(): Promise<void> {
  const config = loadConfig();
  // Validated in full unless the build's snapshot is of these exact files and this exact code.
  const startup = await loadKnowledgeBaseAtStart(config.faqDir);
  const { knowledgeBase } = startup;
  const answers = new AnswerServiceHolder();
  const metrics = new Metrics();

  // The store opens before Fastify creates the process logger; its early lines are replayed.
  const storeLog = new DeferredLogger();
  const opened = await createStore(config, { logger: storeLog });
  const insights = new ResilientInsightsStore(opened.store, {
    logger: storeLog,
    failures: metrics.storeFailures,
  });
  const storeHealth = () => insights.health();
  metrics.watchStore(storeHealth);
  const reportLimiterFailure = createFailureReporter({
    logger: storeLog,
    failures: metrics.storeFailures,
  });
  const onLimiterError = (error: unknown) => reportLimiterFailure("rateLimit", error);
  // With Redis every instance must hash alike, so the config requires HASH_SECRET there.
  const hashSecret =
    config.hashSecret === undefined ? randomBytes(32) : Buffer.from(config.hashSecret, "utf8");
  const rateLimitKeys = `${config.redisKeyPrefix}ratelimit:`;
  const unansweredBudget = new UnansweredBudget({ secret: hashSecret });

  let shutdown: (signal: string, exitCode?: number) => void = () => process.exit(1);
  // The bot's durable update queue: only with a bot (HTTP-only mode creates no queue file).
  const reportQueueFailure = createFailureReporter({
    logger: storeLog,
    failures: metrics.storeFailures,
  });
  const openedQueue =
    config.botToken === undefined
      ? undefined
      : await createUpdateQueue(config, {
          onError: (operation, error) => reportQueueFailure(`queue:${operation}`, error),
          redisLocation:
            config.redisUrl === undefined ? undefined : redactedRedisUrl(config.redisUrl),
        });
  // grammY is loaded only when there is a bot to run: HTTP-only mode starts faster without it.
  const telegram =
    config.botToken === undefined || openedQueue === undefined
      ? undefined
      : new (await import("./bot/service.js")).TelegramBotService({
          token: config.botToken,
          answers,
          queue: openedQueue.queue,
          delivery: {
            concurrency: config.queueConcurrency,
            messagesPerSecond: config.telegramMessagesPerSecond,
            apiTimeoutMs: config.telegramApiTimeoutSeconds * 1000,
          },
          apiRoot: config.telegramApiRoot,
          webhook:
            config.webhookUrl !== undefined && config.webhookSecret !== undefined
              ? { url: config.webhookUrl, secret: config.webhookSecret }
              : undefined,
          onPollingError: () => shutdown("polling error", 1),
          metrics,
          insights,
          adminInsights: opened.store,
          voterKeys: new VoterKeys(deriveSecret(hashSecret, "voter-key")),
          rateLimit: {
            secret: hashSecret,
            perMinute: config.rateLimitBotPerMinute,
            redis: opened.redis,
            keyPrefix: rateLimitKeys,
            onStoreError: onLimiterError,
          },
          adminUserIds: config.adminUserIds,
          retentionDays: config.retentionDays,
        });

  const drain = new DrainSwitch();
  const app = await buildApp({
    answers,
    drain,
    logger: await loggerOptions(config.logLevel, config.logFormat),
    // ACCESS_LOG=1 logs every request at info; debugging (LOG_LEVEL=debug) shows them anyway.
    accessLog:
      config.accessLog || config.logLevel === "debug" || config.logLevel === "trace"
        ? { level: config.accessLog ? "info" : "debug", secret: hashSecret }
        : undefined,
    metrics,
    opsToken: config.metricsToken,
    storeHealth,
    pressure:
      config.shedLoadDelayMs === 0
        ? undefined
        : { ...DEFAULT_PRESSURE, maxEventLoopDelay: config.shedLoadDelayMs },
    corsOrigins: config.corsOrigins,
    onAnswer: (_question, answer, request) => {
      metrics.observeAnswer("http", answer);
      // Not awaited: never delays the response.
      void recordAnswer(insights, "http", answer, () => unansweredBudget.allowsIp(request.ip));
    },
    questionRateLimit: new QuestionLimiter({
      secret: hashSecret,
      limit: config.rateLimitAskPerMinute,
      redis: opened.redis,
      keyPrefix: `${rateLimitKeys}http:`,
      onStoreError: onLimiterError,
    }),
    // Votes and suggested questions from the page, counted like the bot's (no identity kept).
    pageFeedback: { insights, secret: hashSecret },
    // The raw store: an admin read that fails is a 503, not a misleading empty report.
    admin: { token: config.adminToken, store: opened.store },
    trustProxy: config.trustProxy,
    plugins: telegram === undefined ? [] : [telegram.plugin],
  });
  storeLog.attach(app.log.child({ component: "store" }));
  if (startup.warning !== undefined) app.log.warn(startup.warning);
  app.log.info(
    {
      backend: opened.backend,
      location: opened.location,
      retentionDays: config.retentionDays,
      admin: config.adminToken === undefined ? "off" : "on",
    },
    "statistics store open",
  );
  if (openedQueue !== undefined)
    app.log.info(
      { backend: openedQueue.queue.backend, location: openedQueue.location },
      "update queue open",
    );
  if (config.hashSecret === undefined)
    app.log.info(
      "HASH_SECRET is not set: generated a random one for this run (vote guards and rate-limit counters start afresh at each restart)",
    );
  const retention = scheduleRetention(opened.store, { logger: storeLog });
  // Webhook mode: the bot knows who it is before the server accepts a single update.
  if (telegram?.mode === "webhook") await telegram.init();

  await listen(app, config.port, config.host);
  const service = AnswerService.build(knowledgeBase);
  answers.set(service);
  metrics.indexServing(knowledgeBase.version, knowledgeBase.entries.length, answers.loadedAt!);
  app.log.info(
    {
      entries: knowledgeBase.entries.length,
      version: knowledgeBase.version,
      languages: answers.current?.languages,
      ...translationGapsOf(knowledgeBase),
      validation: startup.validation,
      ...(startup.snapshotMiss === undefined ? {} : { snapshot: startup.snapshotMiss }),
    },
    "knowledge base indexed; ready",
  );
  // The other languages' engines and the language detector, built while requests are answered.
  const warmingStarted = performance.now();
  service
    .warmUp()
    .then(() =>
      app.log.info(
        { ms: Math.round(performance.now() - warmingStarted) },
        "every language indexed and the language detector loaded",
      ),
    )
    .catch((error: unknown) =>
      app.log.error({ err: error }, "building the other languages failed; built when asked"),
    );

  // Knowledge-base edits go live without a restart: SIGHUP, or file changes with FAQ_WATCH=1.
  const reloader = new KnowledgeBaseReloader({
    faqDir: config.faqDir,
    answers,
    metrics,
    logger: app.log,
  });
  process.on("SIGHUP", () => void reloader.reload("SIGHUP"));
  if (config.faqWatch) reloader.watch();

  let closing = false;
  shutdown = (signal: string, exitCode = 0) => {
    if (closing) process.exit(1); // a second signal: stop now
    closing = true;
    drain.start(); // from now on every request gets 503 + Connection: close
    // Keep answering so for a moment at least: clients on kept-alive connections get a 503 and
    // a closed connection (closing an idle one under a client about to use it is a reset).
    const drainedAWhile = new Promise((resolve) => setTimeout(resolve, 1_000));
    app.log.info({ signal }, "shutting down");
    const graceMs = config.shutdownGraceSeconds * 1000;
    // The grace, plus time to close what is open; past it, stop regardless.
    const timer = setTimeout(() => process.exit(1), graceMs + 4_000);
    timer.unref();
    reloader
      .close()
      .then(() => telegram?.stop(graceMs))
      .catch((error: unknown) =>
        app.log.warn({ err: error }, "could not stop the Telegram bot cleanly"),
      )
      .then(() => drainedAWhile)
      .then(() => app.close())
      .then(() => retention.stop())
      .then(() => insights.close())
      .then(() => openedQueue?.queue.close())
      .then(
        () => process.exit(exitCode),
        () => process.exit(1),
      );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));

  if (telegram === undefined) {
    app.log.info("Telegram bot off: BOT_TOKEN is not set (HTTP-only mode)");
    return;
  }
  try {
    await telegram.start();
  } catch (error) {
    await telegram.stop(0).catch(() => undefined);
    await app.close().catch(() => undefined);
    await insights.close();
    await openedQueue?.queue.close();
    throw error;
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof KnowledgeBaseError ||
    error instanceof BotStartError ||
    error instanceof StoreOpenError ||
    error instanceof StoreSchemaError ||
    error instanceof ListenError
  ) {
    console.error(error.message);
  } else console.error("Failed to start:", error);
  process.exit(1);
});
