/**
 * Process entry point: read the configuration, load and validate the knowledge base, build the
 * index, serve HTTP (and the Telegram bot when configured), shut down cleanly on signals.
 * A bad configuration or knowledge base prints what is wrong and exits 1, without a stack trace.
 *
 * Telegram modes: no BOT_TOKEN -> HTTP only; BOT_TOKEN -> long polling; BOT_TOKEN and
 * WEBHOOK_URL -> webhook at `${WEBHOOK_URL}/webhook` (see src/bot/service.ts).
 */
import "dotenv/config";
import { BotStartError, TelegramBotService } from "./bot/service.js";
import { ConfigError, loadConfig } from "./config/index.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "./faq/loader.js";
import { buildApp } from "./http/app.js";
import { EngineHolder } from "./http/engine-holder.js";
import { Metrics } from "./ops/metrics.js";
import { KnowledgeBaseReloader } from "./ops/reload.js";
import { AnswerEngine } from "./search/engine.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledgeBase = await loadKnowledgeBase(config.faqDir);
  const engines = new EngineHolder();
  const metrics = new Metrics();

  let shutdown: (signal: string, exitCode?: number) => void = () => process.exit(1);
  const telegram =
    config.botToken === undefined
      ? undefined
      : new TelegramBotService({
          token: config.botToken,
          engines,
          apiRoot: config.telegramApiRoot,
          webhook:
            config.webhookUrl !== undefined && config.webhookSecret !== undefined
              ? { url: config.webhookUrl, secret: config.webhookSecret }
              : undefined,
          onPollingError: () => shutdown("polling error", 1),
          metrics,
        });

  const app = await buildApp({
    engines,
    logger: { level: config.logLevel },
    metrics,
    corsOrigins: config.corsOrigins,
    onAnswer: (_question, answer) => metrics.observeAnswer("http", answer),
    plugins: telegram === undefined ? [] : [telegram.plugin],
  });
  // Webhook mode: the bot knows who it is before the server accepts a single update.
  if (telegram?.mode === "webhook") await telegram.init();

  await app.listen({ port: config.port, host: config.host });
  engines.set(AnswerEngine.build(knowledgeBase));
  metrics.indexServing(knowledgeBase.version, knowledgeBase.entries.length, engines.loadedAt!);
  app.log.info(
    { entries: knowledgeBase.entries.length, version: knowledgeBase.version },
    "knowledge base indexed; ready",
  );

  // Knowledge-base edits go live without a restart: SIGHUP, or file changes with FAQ_WATCH=1.
  const reloader = new KnowledgeBaseReloader({
    faqDir: config.faqDir,
    engines,
    metrics,
    logger: app.log,
  });
  process.on("SIGHUP", () => void reloader.reload("SIGHUP"));
  if (config.faqWatch) reloader.watch();

  let closing = false;
  shutdown = (signal: string, exitCode = 0) => {
    if (closing) process.exit(1); // a second signal: stop now
    closing = true;
    app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    reloader
      .close()
      .then(() => telegram?.stop())
      .catch((error: unknown) =>
        app.log.warn({ err: error }, "could not stop the Telegram bot cleanly"),
      )
      .then(() => app.close())
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
    await app.close().catch(() => undefined);
    throw error;
  }
}

main().catch((error: unknown) => {
  if (
    error instanceof ConfigError ||
    error instanceof KnowledgeBaseError ||
    error instanceof BotStartError
  ) {
    console.error(error.message);
  } else console.error("Failed to start:", error);
  process.exit(1);
});
