/**
 * Retention: prunes the store once at start and then every hour, so nothing outlives
 * `RETENTION_DAYS` by more than about an hour (reads ignore expired records meanwhile).
 * The timer is unref'd: it never keeps the process alive.
 */
import type { InsightsStore, StoreLogger } from "./insights.js";

/** Options of {@link scheduleRetention}. */
export interface RetentionOptions {
  readonly logger: StoreLogger;
  /** Time between two prunes, ms. Default one hour. */
  readonly intervalMs?: number;
}

/** A running schedule; `stop()` clears the timer and waits for a prune in progress. */
export interface RetentionSchedule {
  /** Resolves once the first prune has finished (or failed, which is logged). */
  readonly firstPrune: Promise<void>;
  stop(): Promise<void>;
}

export function scheduleRetention(
  store: Pick<InsightsStore, "prune">,
  options: RetentionOptions,
): RetentionSchedule {
  let running: Promise<void> = Promise.resolve();
  const pruneOnce = (): Promise<void> => {
    running = store.prune().then(
      ({ removed }) => {
        if (removed > 0) options.logger.info({ removed }, "pruned records past retention");
      },
      (error: unknown) =>
        options.logger.warn(
          { err: { message: error instanceof Error ? error.message : String(error) } },
          "could not prune old records; will retry at the next interval",
        ),
    );
    return running;
  };
  const firstPrune = pruneOnce();
  const timer = setInterval(() => void pruneOnce(), options.intervalMs ?? 60 * 60 * 1000);
  timer.unref();
  return {
    firstPrune,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
