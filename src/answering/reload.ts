import { watch, type FSWatcher } from "node:fs";
import { KnowledgeBaseError } from "../faq/errors.js";
import type { KnowledgeBase } from "../faq/types.js";
import type { AnswerServiceHolder } from "./holder.js";
import { AnswerService } from "./service.js";

/** What the reloader reports to monitoring (the service's Prometheus metrics fit). */
export interface ReloadMetrics {
  readonly reloads: { inc(labels: { result: "ok" | "invalid" }): void };
  indexServing(version: string, entries: number, loadedAt: Date): void;
}

/** The logging the reloader needs (pino's and Fastify's loggers fit). */
export interface ReloadLogger {
  info(object: object, message: string): void;
  error(object: object, message: string): void;
}

export interface ReloaderOptions {
  /** The knowledge-base folder to read. */
  readonly faqDir: string;
  /** Where the serving answer service lives; replaced as a whole on success. */
  readonly answers: AnswerServiceHolder;
  readonly logger: ReloadLogger;
  readonly metrics?: ReloadMetrics;
  /** Builds a service from a validated knowledge base. Default {@link AnswerService.build}. */
  readonly build?: (knowledgeBase: KnowledgeBase) => AnswerService;
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

  /** Reloads whenever a file in the folder (or a translation's folder) changes (FAQ_WATCH=1). */
  watch(): void {
    if (this.#watcher) return;
    this.#watcher = watch(this.#options.faqDir, { persistent: false, recursive: true }, () => {
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
    const { faqDir, answers, logger, metrics } = this.#options;
    const build = this.#options.build ?? ((kb: KnowledgeBase) => AnswerService.build(kb));
    let knowledgeBase: KnowledgeBase;
    try {
      // Imported here: start-up may not need the validator (see src/faq/snapshot.ts).
      const { loadKnowledgeBase } = await import("../faq/loader.js");
      knowledgeBase = await loadKnowledgeBase(faqDir);
    } catch (error) {
      if (!(error instanceof KnowledgeBaseError)) throw error;
      metrics?.reloads.inc({ result: "invalid" });
      logger.error(
        { reason, problems: error.problems, serving: answers.current?.version },
        `knowledge base reload refused; still serving the previous version. ${error.message}`,
      );
      return "invalid";
    }
    if (knowledgeBase.version === answers.current?.version) return "unchanged";
    const service = build(knowledgeBase);
    // Every language built before the swap: the old service answers meanwhile.
    await service.warmUp();
    answers.set(service);
    const entries = knowledgeBase.entries.length;
    metrics?.reloads.inc({ result: "ok" });
    metrics?.indexServing(service.version, entries, answers.loadedAt ?? new Date());
    logger.info(
      {
        reason,
        version: service.version,
        entries,
        languages: service.languages,
        ...translationGapsOf(knowledgeBase),
      },
      "knowledge base reloaded",
    );
    return "reloaded";
  }
}

/**
 * For the log: translations served in English because they are missing or out of date (a
 * count per language, and the first few, so a long list does not flood the log).
 */
export function translationGapsOf(knowledgeBase: KnowledgeBase): {
  translationGaps?: { count: number; first: string[] };
} {
  const gaps = knowledgeBase.translationGaps;
  if (gaps.length === 0) return {};
  return {
    translationGaps: {
      count: gaps.length,
      first: gaps.slice(0, 5).map((gap) => `${gap.language}/${gap.id} (${gap.reason})`),
    },
  };
}
