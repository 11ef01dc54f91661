/**
 * The per-user question limit of the Telegram bot, via `@grammyjs/ratelimiter`, in process memory
 * or shared through Redis (see `rate-limit.ts`). Its own module so that HTTP-only mode never
 * loads the grammY plugin.
 */
import { limit } from "@grammyjs/ratelimiter";
import type { Context, MiddlewareFn } from "grammy";
import type { Redis } from "ioredis";
import { KeyedHasher } from "./keyed-hash.js";
import { breakerOf, CircuitOpenError, type CircuitBreaker } from "./circuit-breaker.js";
import { RedisWindowCounter, type LimiterErrorHandler } from "./rate-limit.js";

/** Default budget of questions per user per minute in the bot. */
export const DEFAULT_BOT_QUESTIONS_PER_MINUTE = 20;

/** Options of {@link botRateLimiter}. */
export interface BotRateLimitOptions<C extends Context> {
  /** The configured hashing secret (`HASH_SECRET`); the user id is only ever stored hashed. */
  readonly secret: Uint8Array;
  /** Questions allowed per user per window. Default {@link DEFAULT_BOT_QUESTIONS_PER_MINUTE}. */
  readonly limit?: number;
  /** Window length, ms. Default 60 000. */
  readonly windowMs?: number;
  /** Shared Redis connection; without it the counters live in this process. */
  readonly redis?: Redis;
  /** The Redis connection's circuit breaker (see `circuit-breaker.ts`). */
  readonly breaker?: CircuitBreaker;
  /** Prefix of the Redis keys. Default `faq:ratelimit:bot:`. */
  readonly keyPrefix?: string;
  /**
   * Called once when a user first goes over the limit in a window (send the short notice
   * here); later updates in the same window are dropped silently.
   */
  readonly onLimitExceeded: (ctx: C) => unknown;
  /** Called when Redis could not be asked (the count came from this process's memory). */
  readonly onStoreError?: LimiterErrorHandler;
  /** Deadline of the Redis call, ms. Default {@link DEFAULT_LIMITER_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * grammY middleware limiting each user to `limit` updates per window. Install it on the
 * composer that handles questions; updates without a sender (channel posts) pass.
 */
export function botRateLimiter<C extends Context>(
  options: BotRateLimitOptions<C>,
): MiddlewareFn<C> {
  const hasher = new KeyedHasher(options.secret, "rate-limit:bot");
  const windowMs = options.windowMs ?? 60_000;
  const counter =
    options.redis === undefined
      ? undefined
      : new RedisWindowCounter(options.redis, {
          timeoutMs: options.timeoutMs,
          breaker: options.breaker ?? breakerOf(options.redis),
        });
  // The plugin's own Redis store runs INCR and PEXPIRE as two calls and throws on failure;
  // this adapter makes the pair atomic and counts in this process's memory when Redis cannot
  // be asked (see rate-limit.ts for why neither failing open nor closed).
  const storageClient =
    counter === undefined
      ? ("MEMORY_STORE" as const)
      : {
          incr: async (key: string): Promise<number> => {
            if (counter.unavailable) return counter.hitLocally(key, windowMs).count;
            try {
              return (await counter.hit(key, windowMs)).count;
            } catch (error) {
              if (!(error instanceof CircuitOpenError)) options.onStoreError?.(error);
              return counter.hitLocally(key, windowMs).count;
            }
          },
          // The hit script has already started the window.
          pexpire: async (): Promise<number> => 1,
        };
  return limit<C, Exclude<typeof storageClient, "MEMORY_STORE">>({
    timeFrame: windowMs,
    limit: options.limit ?? DEFAULT_BOT_QUESTIONS_PER_MINUTE,
    storageClient,
    keyPrefix: options.keyPrefix ?? "faq:ratelimit:bot:",
    keyGenerator: (ctx) => (ctx.from === undefined ? undefined : hasher.hash(String(ctx.from.id))),
    onLimitExceeded: (ctx) => options.onLimitExceeded(ctx),
  });
}
