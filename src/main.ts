/**
 * Process entry point: read the configuration, load and validate the knowledge base, build the
 * index, serve HTTP (and the Telegram bot when configured), shut down cleanly on signals.
 * A bad configuration or knowledge base prints what is wrong and exits 1, without a stack trace.
 */
import "dotenv/config";
import { ConfigError, loadConfig } from "./config/index.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "./faq/loader.js";
import { buildApp } from "./http/app.js";
import { EngineHolder } from "./http/engine-holder.js";
import { AnswerEngine } from "./search/engine.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const knowledgeBase = await loadKnowledgeBase(config.faqDir);
  const engines = new EngineHolder();
  const app = await buildApp({ engines, logger: { level: config.logLevel } });

  await app.listen({ port: config.port, host: config.host });
  engines.set(AnswerEngine.build(knowledgeBase));
  app.log.info(
    { entries: knowledgeBase.entries.length, version: knowledgeBase.version },
    "knowledge base indexed; ready",
  );
  if (config.botToken === undefined)
    app.log.info("Telegram bot off: BOT_TOKEN is not set (HTTP-only mode)");

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) process.exit(1); // a second signal: stop now
    closing = true;
    app.log.info({ signal }, "shutting down");
    const timer = setTimeout(() => process.exit(1), 10_000);
    timer.unref();
    app.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on("SIGTERM", () => shutdown("SIGTERM"));
  process.on("SIGINT", () => shutdown("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof KnowledgeBaseError)
    console.error(error.message);
  else console.error("Failed to start:", error);
  process.exit(1);
});
