import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from "prom-client";
import type { Answer } from "../search/engine.js";
import type { InsightChannel } from "../store/insights.js";

/** Where a question came from (the same channels the statistics use). */
export type Channel = InsightChannel;

/**
 * The service's Prometheus metrics, on a registry of its own (no global state, so tests and
 * several apps in one process do not collide). Labels are bounded: routes are route patterns,
 * FAQ ids come from the knowledge base, never from user input.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status code",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly answers = new Counter({
    name: "faq_answers_total",
    help: "Questions answered, by channel and outcome (answered or no_answer)",
    labelNames: ["channel", "outcome"] as const,
    registers: [this.registry],
  });

  readonly answersById = new Counter({
    name: "faq_answers_by_entry_total",
    help: "Answers given, by FAQ entry id",
    labelNames: ["faq_id"] as const,
    registers: [this.registry],
  });

  readonly confidence = new Histogram({
    name: "faq_answer_confidence",
    help: "Confidence of the best match for each question (answered or not)",
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [this.registry],
  });

  readonly telegramUpdates = new Counter({
    name: "telegram_updates_total",
    help: "Telegram updates received, by update type",
    labelNames: ["type"] as const,
    registers: [this.registry],
  });

  readonly botApiErrors = new Counter({
    name: "telegram_api_errors_total",
    help: "Failed Bot API calls, by method and error code",
    labelNames: ["method", "code"] as const,
    registers: [this.registry],
  });

  readonly storeFailures = new Counter({
    name: "store_failures_total",
    help: "Store operations that failed or timed out (the answer was still given)",
    labelNames: ["operation"] as const,
    registers: [this.registry],
  });

  readonly indexEntries = new Gauge({
    name: "faq_index_entries",
    help: "Entries in the serving index",
    registers: [this.registry],
  });

  readonly indexLoaded = new Gauge({
    name: "faq_index_loaded_timestamp_seconds",
    help: "When the serving index was built (Unix time)",
    registers: [this.registry],
  });

  readonly indexVersion = new Gauge({
    name: "faq_index_info",
    help: "The serving knowledge-base version (content hash) as a label; value is always 1",
    labelNames: ["version"] as const,
    registers: [this.registry],
  });

  readonly reloads = new Counter({
    name: "faq_reloads_total",
    help: "Knowledge-base reloads, by result (ok or invalid)",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });

  /**
   * Labelled children by label values: prom-client hashes the label object on every call,
   * which on the answer path cost more than the rest of the bookkeeping together.
   */
  readonly #children = new Map<string, { observe(value: number): void } | { inc(): void }>();

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered (or unanswered) question. */
  observeAnswer(channel: Channel, answer: Answer): void {
    const best = answer.answer ?? answer.related[0] ?? null;
    this.confidence.observe(best?.confidence ?? 0);
    const outcome = answer.answer === null ? "no_answer" : "answered";
    this.#counter(`a|${channel}|${outcome}`, () => this.answers.labels(channel, outcome)).inc();
    if (answer.answer !== null) {
      const id = answer.answer.entry.id;
      this.#counter(`e|${id}`, () => this.answersById.labels(id)).inc();
    }
  }

  /** Records one HTTP request's duration. */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    const key = `h|${route}|${method}|${status}`;
    let child = this.#children.get(key) as { observe(value: number): void } | undefined;
    if (child === undefined) {
      child = this.httpDuration.labels(route, method, String(status));
      this.#children.set(key, child);
    }
    child.observe(seconds);
  }

  #counter(key: string, create: () => { inc(): void }): { inc(): void } {
    let child = this.#children.get(key) as { inc(): void } | undefined;
    if (child === undefined) {
      child = create();
      this.#children.set(key, child);
    }
    return child;
  }

  /** Records which index is serving. */
  indexServing(version: string, entries: number, at: Date): void {
    this.indexEntries.set(entries);
    this.indexLoaded.set(at.getTime() / 1000);
    this.indexVersion.reset();
    this.indexVersion.set({ version }, 1);
  }
}
