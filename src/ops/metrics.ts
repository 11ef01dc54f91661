import { collectDefaultMetrics, Counter, Gauge, Registry } from "prom-client";
import type { RecordableReply } from "../store/record.js";
import type { InsightChannel, StoreHealth } from "../store/insights.js";
import { TallyHistogram, type HistogramTally } from "./tally-histogram.js";
import { innerMap } from "../util/maps.js";

/** Where a question came from (the same channels the statistics use). */
export type Channel = InsightChannel;

/**
 * The service's Prometheus metrics, on a registry of its own (no global state, so tests and
 * several apps in one process do not collide). Labels are bounded: routes are route patterns,
 * FAQ ids come from the knowledge base, never from user input.
 *
 * What is counted per request (durations, answers) is kept as plain numbers: prom-client hashes
 * the label set on every update, which on the answer path cost more than answering from the
 * cache. Durations go to {@link TallyHistogram}s; answer counts are summed here and added to
 * their prom-client counters when the registry is read (the counters' `collect`).
 */
export class Metrics {
  readonly registry = new Registry();

  /** Answers not yet added to `answers`, by channel and outcome. */
  readonly #answerTallies = new Map<Channel, { answered: number; no_answer: number }>();
  /** Answers not yet added to `answersById`, by FAQ id. */
  readonly #entryTallies = new Map<string, number>();
  /** Request-duration tallies by route, method and status (no key string per request). */
  readonly #durationTallies = new Map<string, Map<string, Map<number, HistogramTally>>>();

  readonly httpDuration = new TallyHistogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by route pattern, method and status code",
    labelNames: ["route", "method", "status"] as const,
    buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });

  readonly answers: Counter<"channel" | "outcome"> = new Counter({
    name: "faq_answers_total",
    help: "Questions answered, by channel and outcome (answered or no_answer)",
    labelNames: ["channel", "outcome"] as const,
    registers: [this.registry],
    collect: () => {
      for (const [channel, tally] of this.#answerTallies) {
        if (tally.answered > 0) this.answers.inc({ channel, outcome: "answered" }, tally.answered);
        if (tally.no_answer > 0)
          this.answers.inc({ channel, outcome: "no_answer" }, tally.no_answer);
        tally.answered = tally.no_answer = 0;
      }
    },
  });

  readonly answersById: Counter<"faq_id"> = new Counter({
    name: "faq_answers_by_entry_total",
    help: "Answers given, by FAQ entry id",
    labelNames: ["faq_id"] as const,
    registers: [this.registry],
    collect: () => {
      for (const [faqId, count] of this.#entryTallies)
        this.answersById.inc({ faq_id: faqId }, count);
      this.#entryTallies.clear();
    },
  });

  readonly confidence = new TallyHistogram({
    name: "faq_answer_confidence",
    help: "Confidence of the best match for each question (answered or not)",
    labelNames: [],
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1],
    registers: [this.registry],
  });
  readonly #confidenceTally = this.confidence.labels();

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

  readonly telegramQueue = new Counter({
    name: "telegram_update_queue_total",
    help: "Telegram updates through the durable queue, by event: queued, duplicate, refused (503: not stored), done, retried (postponed), given_up (Telegram refused for good), expired (a query answer skipped)",
    labelNames: ["event"] as const,
    registers: [this.registry],
  });

  readonly storeFailures = new Counter({
    name: "store_failures_total",
    help: "Store operations that failed or timed out (the answer was still given)",
    labelNames: ["operation"] as const,
    registers: [this.registry],
  });

  /** Reads the store's health when the registry is read (see {@link watchStore}). */
  #storeHealth: (() => StoreHealth) | undefined;
  /** The cumulative values last added to the store counters. */
  readonly #storeCounted = { dropped: 0, inDoubt: 0, recoveries: 0 };

  readonly storeDegraded = new Gauge({
    name: "store_degraded",
    help: "1 while the statistics store cannot take records as they come (they wait in memory), else 0",
    registers: [this.registry],
    collect: () => this.#collectStore(),
  });

  readonly storePendingRecords = new Gauge({
    name: "store_pending_records",
    help: "Records waiting in memory for the statistics store",
    registers: [this.registry],
  });

  readonly storeDroppedRecords = new Counter({
    name: "store_records_dropped_total",
    help: "Records given up because the memory waiting for the store was full",
    registers: [this.registry],
  });

  readonly storeInDoubtRecords = new Counter({
    name: "store_records_in_doubt_total",
    help: "Records sent to Redis but not acknowledged in time (applied when it resumes, unless the connection was lost)",
    registers: [this.registry],
  });

  readonly storeCorruptFiles = new Counter({
    name: "store_corrupt_files_total",
    help: "Corrupt SQLite files moved aside and replaced by a fresh one",
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

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Counts one answered (or unanswered) question. */
  observeAnswer(channel: Channel, answer: Omit<RecordableReply, "normalized">): void {
    const best = answer.answer ?? answer.related[0] ?? null;
    this.#confidenceTally.observe(best?.confidence ?? 0);
    let tally = this.#answerTallies.get(channel);
    if (tally === undefined) {
      tally = { answered: 0, no_answer: 0 };
      this.#answerTallies.set(channel, tally);
    }
    if (answer.answer === null) {
      tally.no_answer++;
      return;
    }
    tally.answered++;
    const id = answer.answer.entry.id;
    this.#entryTallies.set(id, (this.#entryTallies.get(id) ?? 0) + 1);
  }

  /** Records one HTTP request's duration. */
  observeRequest(route: string, method: string, status: number, seconds: number): void {
    const byStatus = innerMap(innerMap(this.#durationTallies, route), method);
    let tally = byStatus.get(status);
    if (tally === undefined) {
      tally = this.httpDuration.labels(route, method, String(status));
      byStatus.set(status, tally);
    }
    tally.observe(seconds);
  }

  /** Reports the store's health in the `store_*` metrics whenever the registry is read. */
  watchStore(health: () => StoreHealth): void {
    this.#storeHealth = health;
  }

  #collectStore(): void {
    const health = this.#storeHealth?.();
    if (health === undefined) return;
    this.storeDegraded.set(health.status === "ok" ? 0 : 1);
    this.storePendingRecords.set(health.pendingRecords);
    const counted = this.#storeCounted;
    this.storeDroppedRecords.inc(health.droppedRecords - counted.dropped);
    this.storeInDoubtRecords.inc(health.inDoubtRecords - counted.inDoubt);
    this.storeCorruptFiles.inc(health.recoveries - counted.recoveries);
    counted.dropped = health.droppedRecords;
    counted.inDoubt = health.inDoubtRecords;
    counted.recoveries = health.recoveries;
  }

  /** Records which index is serving. */
  indexServing(version: string, entries: number, at: Date): void {
    this.indexEntries.set(entries);
    this.indexLoaded.set(at.getTime() / 1000);
    this.indexVersion.reset();
    this.indexVersion.set({ version }, 1);
  }
}
