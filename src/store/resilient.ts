/**
 * Keeps the store off the answer's critical path: every call to the wrapped store gets a short
 * deadline, and a slow or failing store degrades instead of failing the caller. Recording
 * resolves without recording, `claimUpdate` says "yours" (answering a duplicate beats dropping
 * an update), reads come back empty. Each failure is counted in `store_failures_total` and
 * logged (operation and error only: never question text), at most once per `logIntervalMs` per
 * operation so an outage does not flood the log.
 *
 * A timed-out call is not cancelled; it may still complete in the background.
 *
 * Recording is on every answer's path, so it is guarded by promise rather than by call: a store
 * that writes records in groups hands every record of a group the same promise (see
 * `group-commit.ts`), and those records share one deadline timer and one guarded promise. A
 * record joining a group shares the group's deadline, which started with the group's first
 * record. When the group fails, every record in it is counted as a failure.
 */
import type { Counter } from "prom-client";
import { emptyStats } from "./buckets.js";
import {
  HEALTHY_STORE,
  StoreTimeoutError,
  type StoreHealth,
  type AnsweredEvent,
  type FeedbackItem,
  type InsightsStore,
  type InsightStats,
  type PruneResult,
  type StatsQuery,
  type StoreLogger,
  type UnansweredEvent,
  type UnansweredItem,
  type VoteEvent,
  type VoteOutcome,
} from "./insights.js";

/** Default deadline of a store call, ms. */
export const DEFAULT_STORE_TIMEOUT_MS = 250;

/** Options of {@link ResilientInsightsStore}. */
export interface ResilientStoreOptions {
  /** Where failures are logged. */
  readonly logger: StoreLogger;
  /** `store_failures_total{operation}` (see `src/ops/metrics.ts`); optional in tests. */
  readonly failures?: Pick<Counter<"operation">, "inc">;
  /** Deadline of each call, ms. Default {@link DEFAULT_STORE_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** Deadline of `close()`, ms (it may flush). Default 5 000. */
  readonly closeTimeoutMs?: number;
  /** Minimum time between two logged failures of one operation, ms. Default 10 000. */
  readonly logIntervalMs?: number;
  /** Clock for `stats` when degraded, for tests. */
  readonly now?: () => Date;
}

export class ResilientInsightsStore implements InsightsStore {
  readonly #inner: InsightsStore;
  readonly #failed: (operation: string, error: unknown, count?: number) => void;
  readonly #timeoutMs: number;
  readonly #closeTimeoutMs: number;
  readonly #now: () => Date;
  /** The guard of the latest record promise, shared while the store keeps returning it. */
  #recordGuard: RecordGuard | undefined;

  constructor(inner: InsightsStore, options: ResilientStoreOptions) {
    this.#inner = inner;
    this.#failed = createFailureReporter(options);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_STORE_TIMEOUT_MS;
    this.#closeTimeoutMs = options.closeTimeoutMs ?? 5_000;
    this.#now = options.now ?? (() => new Date());
  }

  /** The wrapped store (for callers that want errors rather than degraded results). */
  get inner(): InsightsStore {
    return this.#inner;
  }

  recordAnswered(event: AnsweredEvent): Promise<void> {
    return this.#record("recordAnswered", event);
  }

  recordUnanswered(event: UnansweredEvent): Promise<void> {
    return this.#record("recordUnanswered", event);
  }

  /** Hands a record to the inner store at once; a throw or a failed group is counted, not raised. */
  #record<K extends "recordAnswered" | "recordUnanswered">(
    operation: K,
    event: Parameters<InsightsStore[K]>[0],
  ): Promise<void> {
    let recorded: Promise<void>;
    try {
      recorded = this.#inner[operation](event as AnsweredEvent & UnansweredEvent);
    } catch (error) {
      this.#failed(operation, error);
      return RESOLVED;
    }
    return this.#guardRecord(recorded, operation);
  }

  /** Degrades to "recorded": the person is thanked either way; the failure is counted. */
  recordVote(event: VoteEvent): Promise<VoteOutcome> {
    return this.#guard("recordVote", () => this.#inner.recordVote(event), "recorded");
  }

  /** Rejects: the bot then says the choice could not be kept, rather than pretend it was. */
  chooseLanguage(userKey: string, language: string | null): Promise<void> {
    return this.#inner.chooseLanguage(userKey, language);
  }

  /** Degrades to null: the language then follows the app's and the question's. */
  chosenLanguage(userKey: string): Promise<string | null> {
    return this.#guard("chosenLanguage", () => this.#inner.chosenLanguage(userKey), null);
  }

  /** Degrades to true: better to answer a rare duplicate than to drop an update. */
  claimUpdate(updateId: number): Promise<boolean> {
    return this.#guard("claimUpdate", () => this.#inner.claimUpdate(updateId), true);
  }

  mostAsked(limit: number): Promise<string[]> {
    return this.#guard("mostAsked", () => this.#inner.mostAsked(limit), []);
  }

  stats(query: StatsQuery): Promise<InsightStats> {
    return this.#guard(
      "stats",
      () => this.#inner.stats(query),
      () => emptyStats(this.#now(), query.days),
    );
  }

  unanswered(limit: number): Promise<UnansweredItem[]> {
    return this.#guard("unanswered", () => this.#inner.unanswered(limit), []);
  }

  feedback(): Promise<FeedbackItem[]> {
    return this.#guard("feedback", () => this.#inner.feedback(), []);
  }

  prune(now?: Date): Promise<PruneResult> {
    return this.#guard("prune", () => this.#inner.prune(now), { removed: 0 });
  }

  /** The wrapped store's health (a store that reports none is taken as healthy). */
  health(): StoreHealth {
    return this.#inner.health?.() ?? HEALTHY_STORE;
  }

  close(): Promise<void> {
    return this.#guard("close", () => this.#inner.close(), undefined, this.#closeTimeoutMs);
  }

  /**
   * Guards a record's promise; records sharing a promise share the guard (see the file comment).
   * The guarded promise always resolves: by the store, or by the deadline or a failure, which
   * are counted once per record.
   */
  #guardRecord(recorded: Promise<void>, operation: RecordOperation): Promise<void> {
    const shared = this.#recordGuard;
    if (shared !== undefined && shared.recorded === recorded) {
      shared.records[operation]++;
      return shared.guarded;
    }
    const guard: RecordGuard = {
      recorded,
      records: { recordAnswered: 0, recordUnanswered: 0 },
      guarded: new Promise<void>((resolve) => {
        let settled = false;
        const settle = (error?: unknown, failed = false) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          if (this.#recordGuard === guard) this.#recordGuard = undefined;
          if (failed)
            for (const name of RECORD_OPERATIONS)
              if (guard.records[name] > 0) this.#failed(name, error, guard.records[name]);
          resolve();
        };
        const timeoutMs = this.#timeoutMs + (this.#inner.recordLatencyMs ?? 0);
        const timer = setTimeout(
          () => settle(new StoreTimeoutError(operation, timeoutMs), true),
          timeoutMs,
        );
        timer.unref();
        recorded.then(
          () => settle(),
          (error: unknown) => settle(error, true),
        );
      }),
    };
    guard.records[operation] = 1;
    this.#recordGuard = guard;
    return guard.guarded;
  }

  async #guard<T>(
    operation: string,
    call: () => Promise<T>,
    fallback: T | (() => T),
    timeoutMs = this.#timeoutMs,
  ): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const deadline = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new StoreTimeoutError(operation, timeoutMs)), timeoutMs);
        timer.unref();
      });
      // `call()` may throw synchronously (SQLite): Promise.resolve().then turns that into a rejection.
      return await Promise.race([Promise.resolve().then(call), deadline]);
    } catch (error) {
      this.#failed(operation, error);
      return typeof fallback === "function" ? (fallback as () => T)() : fallback;
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The recording operations, guarded by promise (see {@link ResilientInsightsStore}). */
type RecordOperation = "recordAnswered" | "recordUnanswered";
const RECORD_OPERATIONS: readonly RecordOperation[] = ["recordAnswered", "recordUnanswered"];
const RESOLVED: Promise<void> = Promise.resolve();

/** One guarded record promise and how many records of each kind share it. */
interface RecordGuard {
  readonly recorded: Promise<void>;
  readonly records: Record<RecordOperation, number>;
  readonly guarded: Promise<void>;
}

/** Options of {@link createFailureReporter}. */
export interface FailureReporterOptions {
  readonly logger: StoreLogger;
  /** `store_failures_total{operation}`; optional in tests. */
  readonly failures?: Pick<Counter<"operation">, "inc">;
  /** Minimum time between two logged failures of one operation, ms. Default 10 000. */
  readonly logIntervalMs?: number;
}

/**
 * Counts every failure of a store operation (`count` at once for a failed group of records)
 * and logs it, at most once per interval per operation (with how many were not logged since), so an outage does not flood the log. Only
 * the operation and the error's name and message are logged: never the data.
 */
export function createFailureReporter(
  options: FailureReporterOptions,
): (operation: string, error: unknown, count?: number) => void {
  const interval = options.logIntervalMs ?? 10_000;
  const logged = new Map<string, { at: number; suppressed: number }>();
  return (operation, error, count = 1) => {
    options.failures?.inc({ operation }, count);
    const now = Date.now();
    const last = logged.get(operation);
    if (last !== undefined && now - last.at < interval) {
      last.suppressed += count;
      return;
    }
    // One line for `count` failures: the others count as not logged.
    logged.set(operation, { at: now, suppressed: count - 1 });
    options.logger.warn(
      {
        operation,
        err: {
          name: error instanceof Error ? error.name : "Error",
          message: error instanceof Error ? error.message : String(error),
        },
        suppressed: last?.suppressed ?? 0,
      },
      "store call failed; carrying on without it",
    );
  };
}
