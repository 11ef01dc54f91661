/**
 * A circuit breaker for the Redis connection, shared by everything that calls Redis (the
 * insights store and both rate limiters): after a few failed or timed-out calls in a row it
 * opens, and every call fails at once with {@link CircuitOpenError} (callers fall back: a local
 * rate limit, buffered records) instead of waiting out a deadline each. While it is open a probe
 * (a PING) runs in the background every `probeIntervalMs`; the first one that succeeds closes
 * it. No caller's request is ever the half-open trial, so a hung Redis costs a request at most
 * one deadline, and only before the breaker has opened.
 *
 * opossum and cockatiel were compared: both let the first call after the reset timeout through
 * as the trial, so a request waits the full deadline every reset period while Redis hangs, and
 * both add timers and events per call on the answer path. This one is a counter and a flag.
 */
import type { Redis } from "ioredis";
import { StoreTimeoutError } from "./insights.js";

/** A Redis connection with its circuit breaker (made by `createRedisClient`). */
export interface GuardedRedis extends Redis {
  readonly breaker: CircuitBreaker;
}

/** The breaker of a connection, if it has one (a type-only import: loads no ioredis). */
export function breakerOf(redis: Redis | undefined): CircuitBreaker | undefined {
  return (redis as { breaker?: CircuitBreaker } | undefined)?.breaker;
}

/** A call refused because the breaker is open: it was never sent, so it surely did nothing. */
export class CircuitOpenError extends Error {
  constructor(readonly operation: string) {
    super(`${operation} not attempted: Redis is unavailable (circuit open)`);
    this.name = "CircuitOpenError";
  }
}

/** Options of {@link CircuitBreaker}. */
export interface CircuitBreakerOptions {
  /** Checks the service while the breaker is open; resolves when it answers. */
  readonly probe: () => Promise<unknown>;
  /** Failed calls in a row that open the breaker. Default 3. */
  readonly failureThreshold?: number;
  /** Time between two probes while open, ms. Default 500. */
  readonly probeIntervalMs?: number;
  /** Deadline of a probe, ms. Default 250. */
  readonly probeTimeoutMs?: number;
  /** Told when the breaker opens (`true`) or closes (`false`). */
  readonly onChange?: (open: boolean, cause?: unknown) => void;
}

export class CircuitBreaker {
  readonly #probe: () => Promise<unknown>;
  readonly #threshold: number;
  readonly #probeIntervalMs: number;
  readonly #probeTimeoutMs: number;
  readonly #listeners: ((open: boolean, cause?: unknown) => void)[] = [];
  #failures = 0;
  #open = false;
  #timer: NodeJS.Timeout | undefined;
  #stopped = false;

  constructor(options: CircuitBreakerOptions) {
    this.#probe = options.probe;
    this.#threshold = options.failureThreshold ?? 3;
    this.#probeIntervalMs = options.probeIntervalMs ?? 500;
    this.#probeTimeoutMs = options.probeTimeoutMs ?? 250;
    if (options.onChange) this.#listeners.push(options.onChange);
  }

  /** True while calls are refused. */
  get isOpen(): boolean {
    return this.#open;
  }

  /** Adds a listener told when the breaker opens (`true`) or closes (`false`). */
  onChange(listener: (open: boolean, cause?: unknown) => void): void {
    this.#listeners.push(listener);
  }

  /**
   * Runs `call` with a deadline: rejects at once with {@link CircuitOpenError} while open, with
   * {@link StoreTimeoutError} after `timeoutMs`; failures and timeouts count towards opening.
   */
  run<T>(operation: string, call: () => Promise<T>, timeoutMs: number): Promise<T> {
    if (this.#open) return Promise.reject(new CircuitOpenError(operation));
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        const error = new StoreTimeoutError(operation, timeoutMs);
        this.failed(error);
        reject(error);
      }, timeoutMs);
      call().then(
        (value) => {
          clearTimeout(timer);
          this.#failures = 0;
          resolve(value);
        },
        (error: unknown) => {
          clearTimeout(timer);
          this.failed(error);
          reject(error);
        },
      );
    });
  }

  /** Counts a failure seen outside {@link run} (e.g. a lost connection). */
  failed(cause: unknown): void {
    if (this.#open || this.#stopped || ++this.#failures < this.#threshold) return;
    this.#open = true;
    this.#emit(true, cause);
    this.#scheduleProbe();
  }

  /** Stops probing (the connection is being closed). */
  stop(): void {
    this.#stopped = true;
    clearTimeout(this.#timer);
  }

  #scheduleProbe(): void {
    if (this.#stopped) return;
    this.#timer = setTimeout(() => void this.#runProbe(), this.#probeIntervalMs);
    this.#timer.unref();
  }

  async #runProbe(): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.#probe(),
        new Promise((_resolve, reject) => {
          timer = setTimeout(() => reject(new Error("probe timed out")), this.#probeTimeoutMs);
        }),
      ]);
    } catch {
      this.#scheduleProbe();
      return;
    } finally {
      clearTimeout(timer);
    }
    if (this.#stopped) return;
    this.#open = false;
    this.#failures = 0;
    this.#emit(false);
  }

  #emit(open: boolean, cause?: unknown): void {
    for (const listener of this.#listeners) listener(open, cause);
  }
}
