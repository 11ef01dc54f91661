/**
 * Logs a recurring failure once per cause, with a count, instead of once per occurrence: a Bot
 * API outage fails every reply, and thousands of identical lines (with stacks) would bury the
 * one that matters. The first occurrence of a cause is logged at once with its details; later
 * ones within the interval are only counted, and one summary line per cause ("N more") is
 * written when the interval ends. Causes are short fixed strings (an error code and kind,
 * never message text or ids), so the table stays small.
 */

/** The part of a pino logger this needs. */
export interface LevelLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export type CauseLevel = "info" | "warn" | "error";

/** Options of {@link CauseLog}. */
export interface CauseLogOptions {
  readonly logger: LevelLogger;
  /** How long occurrences of a logged cause are only counted, ms. Default 10 000. */
  readonly intervalMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
}

interface CauseState {
  readonly level: CauseLevel;
  readonly msg: string;
  /** When the interval that started with the last logged line ends. */
  until: number;
  /** Occurrences since the last line. */
  unlogged: number;
}

/** Most distinct causes remembered; older ones are forgotten (and may be logged again). */
const MAX_CAUSES = 500;

export class CauseLog {
  readonly #logger: LevelLogger;
  readonly #intervalMs: number;
  readonly #now: () => number;
  readonly #causes = new Map<string, CauseState>();
  #timer: NodeJS.Timeout | undefined;

  constructor(options: CauseLogOptions) {
    this.#logger = options.logger;
    this.#intervalMs = options.intervalMs ?? 10_000;
    this.#now = options.now ?? Date.now;
  }

  /**
   * One occurrence of `cause`. Logged now (with `details`) when the cause is new or its interval
   * is over; otherwise counted for the cause's next summary line.
   */
  report(level: CauseLevel, cause: string, msg: string, details: object = {}): void {
    const now = this.#now();
    const state = this.#causes.get(cause);
    if (state !== undefined && now < state.until) {
      state.unlogged += 1;
      this.#schedule();
      return;
    }
    if (state !== undefined && state.unlogged > 0) this.#summarise(cause, state);
    this.#causes.delete(cause);
    if (this.#causes.size >= MAX_CAUSES) this.flush();
    this.#causes.set(cause, { level, msg, until: now + this.#intervalMs, unlogged: 0 });
    this.#logger[level]({ ...details, cause, count: 1 }, msg);
  }

  /** Writes the summary of every cause with unlogged occurrences (at shutdown, and by the timer). */
  flush(): void {
    const now = this.#now();
    for (const [cause, state] of this.#causes) {
      if (state.unlogged > 0) this.#summarise(cause, state);
      if (now >= state.until) this.#causes.delete(cause);
    }
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    if ([...this.#causes.values()].some((state) => state.unlogged > 0)) this.#schedule();
  }

  #summarise(cause: string, state: CauseState): void {
    this.#logger[state.level](
      { cause, count: state.unlogged, seconds: Math.round(this.#intervalMs / 1000) },
      `${state.msg} (${state.unlogged} more)`,
    );
    state.unlogged = 0;
  }

  #schedule(): void {
    if (this.#timer !== undefined) return;
    this.#timer = setTimeout(() => {
      this.#timer = undefined;
      this.flush();
    }, this.#intervalMs);
    this.#timer.unref();
  }
}
