/**
 * Whether the Bot API is answering at all, shared by every update of this process. After a
 * 5xx, a network error or a timeout the API is treated as down until a back-off has passed
 * (1 s, doubling per failed probe, at most a minute, with jitter): updates due meanwhile go back
 * to the queue until then instead of each hammering a server that is down. The first call after
 * the back-off probes; a success reopens the way for all. An outage of hours costs one probe a
 * minute, and every reply is still sent once it is over.
 */
import type { Clock } from "../../util/clock.js";
import { RetryLaterError } from "./errors.js";

/** Options of {@link ApiHealth}. */
export interface ApiHealthOptions {
  readonly clock: Clock;
  /** First back-off, ms. Default 1 000. */
  readonly baseMs?: number;
  /** Longest back-off, ms. Default 60 000. */
  readonly maxMs?: number;
  /** Random number in [0, 1), for jitter. */
  readonly random?: () => number;
}

export class ApiHealth {
  readonly #clock: Clock;
  readonly #baseMs: number;
  readonly #maxMs: number;
  readonly #random: () => number;
  #failures = 0;
  #downUntil = 0;

  constructor(options: ApiHealthOptions) {
    this.#clock = options.clock;
    this.#baseMs = options.baseMs ?? 1_000;
    this.#maxMs = options.maxMs ?? 60_000;
    this.#random = options.random ?? Math.random;
  }

  /** True while the API is considered down. */
  get down(): boolean {
    return this.#clock.now() < this.#downUntil;
  }

  /** Throws {@link RetryLaterError} while the API is considered down. */
  check(): void {
    const now = this.#clock.now();
    if (now < this.#downUntil) throw new RetryLaterError(this.#spread(this.#downUntil), "api down");
  }

  /**
   * A call failed as if the API were down; returns when to try this update again. Only a
   * failure seen while the way was open lengthens the back-off: calls that were already in
   * flight when the outage began do not count as failed probes.
   */
  failed(): number {
    const now = this.#clock.now();
    if (now >= this.#downUntil) {
      this.#failures += 1;
      const backoff = Math.min(this.#maxMs, this.#baseMs * 2 ** (this.#failures - 1));
      this.#downUntil = now + backoff * (0.8 + 0.4 * this.#random());
    }
    return this.#spread(this.#downUntil);
  }

  /** A call got an answer from Telegram: the API is up. */
  succeeded(): void {
    this.#failures = 0;
    this.#downUntil = 0;
  }

  /** A time just after `at`, spread over up to a second so waiting updates do not all probe at once. */
  #spread(at: number): number {
    return at + Math.floor(this.#random() * Math.min(this.#baseMs, 1_000));
  }
}
