/**
 * Rate limits, shared through Redis when `REDIS_URL` is set (so N instances enforce one budget)
 * and in process memory otherwise:
 *
 * - per Telegram user in the bot, via `@grammyjs/ratelimiter` (`bot-rate-limit.ts`, loaded only
 *   with the bot);
 * - per client IP on the question routes, via `@fastify/rate-limit` ({@link askRateLimitOptions}).
 *
 * Keys are HMACs of the user id or IP (see `keyed-hash.ts`), never the values themselves, and
 * the counters expire with their window. Like the insights store, a limiter is never allowed to
 * cost an answer: when Redis is slow or down, requests are let through (fail open), and the
 * failure is reported through `onStoreError`.
 */
import { normalizeIP, type RateLimitPluginOptions } from "@fastify/rate-limit";
import type { FastifyRequest } from "fastify";
import type { Redis } from "ioredis";
import { StoreTimeoutError } from "./insights.js";
import { KeyedHasher } from "./keyed-hash.js";

/** Default budget of questions per IP per minute over HTTP. */
export const DEFAULT_ASK_REQUESTS_PER_MINUTE = 60;
/** Longest a limiter waits for Redis before letting the request through, ms. */
export const DEFAULT_LIMITER_TIMEOUT_MS = 250;

/** Reports a limiter that could not reach its store (the request was let through). */
export type LimiterErrorHandler = (error: unknown) => void;

/**
 * KEYS[1]: counter. ARGV[1]: window (ms). Increments and starts the window atomically (a crash
 * between INCR and PEXPIRE would otherwise leave a counter that never expires), and repairs a
 * counter that lost its expiry. Returns {count, remaining ms}.
 */
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if count == 1 or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

interface HitRedis extends Redis {
  faqRateLimitHit(key: string, windowMs: number): Promise<[number, number]>;
}

/** A fixed-window counter in Redis with a deadline; shared by both limiters. */
export class RedisWindowCounter {
  readonly #redis: HitRedis;
  readonly #timeoutMs: number;

  constructor(redis: Redis, options: { readonly timeoutMs?: number } = {}) {
    redis.defineCommand("faqRateLimitHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.#redis = redis as HitRedis;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_LIMITER_TIMEOUT_MS;
  }

  /** Counts one hit on `key`; rejects on failure or after the deadline. */
  async hit(key: string, windowMs: number): Promise<{ count: number; ttlMs: number }> {
    let timer: NodeJS.Timeout | undefined;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(new StoreTimeoutError("rateLimit", this.#timeoutMs)),
        this.#timeoutMs,
      );
    });
    try {
      const [count, ttlMs] = await Promise.race([
        this.#redis.faqRateLimitHit(key, windowMs),
        deadline,
      ]);
      return { count: Number(count), ttlMs: Number(ttlMs) };
    } finally {
      clearTimeout(timer);
    }
  }
}

/** The 429 a client gets over the HTTP limit; rendered as `{"error":"too_many_requests",...}`. */
export class TooManyRequestsError extends Error {
  readonly statusCode = 429;

  constructor(readonly retryAfterSeconds: number) {
    super(
      `Too many questions from your address; try again in ${retryAfterSeconds} second${retryAfterSeconds === 1 ? "" : "s"}.`,
    );
    this.name = "TooManyRequestsError";
  }
}

/** Options of {@link askRateLimitOptions}. */
export interface AskRateLimitSettings {
  /** The configured hashing secret (`HASH_SECRET`); IPs are only ever stored hashed. */
  readonly secret: Uint8Array;
  /** Questions allowed per IP per window. Default {@link DEFAULT_ASK_REQUESTS_PER_MINUTE}. */
  readonly limit?: number;
  /** Window length, ms. Default 60 000. */
  readonly windowMs?: number;
  /** Shared Redis connection; without it the counters live in this process. */
  readonly redis?: Redis;
  /** Prefix of the Redis keys. Default `faq:ratelimit:http:`. */
  readonly keyPrefix?: string;
  /** Called when Redis could not be asked (the request was let through). */
  readonly onStoreError?: LimiterErrorHandler;
  /** Deadline of the Redis call, ms. Default {@link DEFAULT_LIMITER_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * Options for `app.register(rateLimit, ...)`: not global (apply it to the question routes with
 * `app.rateLimit()`, which shares one budget across them), keyed by an HMAC of the client IP
 * (IPv6 by /64, as the plugin does), 429 with `Retry-After` and our error body.
 */
export function askRateLimitOptions(settings: AskRateLimitSettings): RateLimitPluginOptions {
  const hasher = new KeyedHasher(settings.secret, "rate-limit:http");
  const keyPrefix = settings.keyPrefix ?? "faq:ratelimit:http:";
  /** Forgotten with the connection (a weak map): no table of addresses builds up. */
  const keyByConnection = new WeakMap<object, { ip: string; key: string }>();
  const redis = settings.redis;
  return {
    global: false,
    max: settings.limit ?? DEFAULT_ASK_REQUESTS_PER_MINUTE,
    timeWindow: settings.windowMs ?? 60_000,
    hook: "onRequest",
    keyGenerator: (request: FastifyRequest) => {
      // An HMAC per request costs more than answering from the cache: remember it for the
      // connection (keep-alive clients send many requests on one). Checked against the IP,
      // since a proxy may forward several clients over one connection; the raw IP, since
      // normalising it (IPv6 to its /64) runs a long regular expression.
      const ip = request.ip;
      const socket = request.raw.socket;
      const known = keyByConnection.get(socket);
      if (known?.ip === ip) return known.key;
      const key = hasher.hash(normalizeIP(ip));
      keyByConnection.set(socket, { ip, key });
      return key;
    },
    // A failing store lets the request through (see the file comment).
    skipOnError: true,
    errorResponseBuilder: (_request, context) =>
      new TooManyRequestsError(Math.max(1, Math.ceil(context.ttl / 1000))),
    ...(redis === undefined
      ? {}
      : {
          store: redisRateLimitStore(
            new RedisWindowCounter(redis, { timeoutMs: settings.timeoutMs }),
            keyPrefix,
            settings.onStoreError,
          ),
        }),
  };
}

/** A `@fastify/rate-limit` store on {@link RedisWindowCounter}; every child shares the budget. */
function redisRateLimitStore(
  counter: RedisWindowCounter,
  keyPrefix: string,
  onStoreError: LimiterErrorHandler | undefined,
): NonNullable<RateLimitPluginOptions["store"]> {
  const store = {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      counter.hit(keyPrefix + key, timeWindow).then(
        ({ count, ttlMs }) => callback(null, { current: count, ttl: ttlMs }),
        (error: unknown) => {
          onStoreError?.(error);
          callback(error instanceof Error ? error : new Error(String(error)));
        },
      );
    },
    child() {
      return store;
    },
  };
  return class {
    constructor() {
      return store;
    }
  } as unknown as NonNullable<RateLimitPluginOptions["store"]>;
}
