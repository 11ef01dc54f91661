import { watch, type FSWatcher } from "node:fs";
import { KnowledgeBaseError } from "../faq/errors.js";
import type { KnowledgeBase } from "../faq/types.js";
import type { EngineHolder } from "../http/engine-holder.js";
import { AnswerEngine } from "../search/engine.js";
import type { Metrics } from "./metrics.js";

/** The logging the reloader needs (pino's and Fastify's loggers fit). */
export interface ReloadLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ReloaderOptions {
  /** The knowledge-base folder to read. */
  readonly faqDir: string;
  /** Where the serving engine lives; replaced as a whole on success. */
  readonly engines: EngineHolder;
  readonly logger: ReloadLogger;
  readonly metrics?: Metrics;
  /** Builds an engine from a validated knowledge base. Default {@link AnswerEngine.build}. */
  readonly build?: (knowledgeBase: KnowledgeBase) => AnswerEngine;
  /** Quiet time after the last file change before reloading (editors write in bursts). Default 250 ms. */
  readonly debounceMs?: number;
}

export type ReloadResult = "reloaded" | "unchanged" | "invalid";

/**
 * Reloads the knowledge base without a restart: the new index is loaded, validated and built off
 * to the side, then swapped in at once. An invalid edit leaves the old index serving and logs
 * exactly what is wrong. Reloads never overlap: a request during one runs after it.
 */
export class KnowledgeBaseReloader {
  readonly #options: ReloaderOptions;
  #queue: Promise<unknown> = Promise.resolve();
  #watcher: FSWatcher | undefined;
  #timer: NodeJS.Timeout | undefined;

  constructor(options: ReloaderOptions) {
    this.#options = options;
  }

  /** Loads, validates and swaps in the knowledge base; `reason` is logged. */
  reload(reason: string): Promise<ReloadResult> {
    const run = this.#queue.then(() => this.#reloadNow(reason));
    this.#queue = run.catch(() => undefined);
    return run;
  }

  /** Reloads whenever a file in the folder changes (FAQ_WATCH=1). */
  watch(): void {
    if (this.#watcher) return;
    this.#watcher = watch(this.#options.faqDir, { persistent: false }, () => {
      clearTimeout(this.#timer);
      this.#timer = setTimeout(
        () => void this.reload("file change"),
        this.#options.debounceMs ?? 250,
      );
    });
    this.#watcher.on("error", (error) =>
      this.#options.logger.error({ err: error }, "watching the knowledge base failed"),
    );
  }

  /** Stops watching; waits for a reload in progress. */
  async close(): Promise<void> {
    clearTimeout(this.#timer);
    this.#watcher?.close();
    this.#watcher = undefined;
    await this.#queue;
  }

  async #reloadNow(reason: string): Promise<ReloadResult> {
    const { faqDir, engines, logger, metrics } = this.#options;
    const build = this.#options.build ?? ((kb: KnowledgeBase) => AnswerEngine.build(kb));
    let knowledgeBase: KnowledgeBase;
    try {
      // Imported here: start-up may not need the validator (see src/faq/snapshot.ts).
      const { loadKnowledgeBase } = await import("../faq/loader.js");
      knowledgeBase = await loadKnowledgeBase(faqDir);
    } catch (error) {
      if (!(error instanceof KnowledgeBaseError)) throw error;
      metrics?.reloads.inc({ result: "invalid" });
      logger.error(
        { reason, problems: error.problems, serving: engines.current?.version },
        `knowledge base reload refused; still serving the previous version. ${error.message}`,
      );
      return "invalid";
    }
    if (knowledgeBase.version === engines.current?.version) return "unchanged";
    const engine = build(knowledgeBase);
    engines.set(engine);
    metrics?.reloads.inc({ result: "ok" });
    metrics?.indexServing(engine.version, engine.entries.length, engines.loadedAt ?? new Date());
    logger.info(
      { reason, version: engine.version, entries: engine.entries.length },
      "knowledge base reloaded",
    );
    return "reloaded";
  }
}
