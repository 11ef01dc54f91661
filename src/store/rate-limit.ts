/**
 * Rate limits, shared through Redis when `REDIS_URL` is set (so N instances enforce one budget)
 * and in process memory otherwise:
 *
 * - per Telegram user in the bot, via `@grammyjs/ratelimiter` (`bot-rate-limit.ts`, loaded only
 *   with the bot);
 * - per client IP on the question routes ({@link QuestionLimiter}).
 *
 * Keys are HMACs of the user id or IP (see `keyed-hash.ts`), never the values themselves, and
 * the counters expire with their window. Like the insights store, a limiter is never allowed to
 * cost an answer: when Redis is slow or down, requests are let through (fail open), and the
 * failure is reported through `onStoreError`.
 */
import { Address6 } from "ip-address";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
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
  async hit(key: string, windowMs: number): Promise<WindowCount> {
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

/** Hits counted in a key's current window. */
export interface WindowCount {
  readonly count: number;
  /** Milliseconds until the window ends. */
  readonly ttlMs: number;
}

/**
 * A fixed-window counter in this process's memory. Bounded: past `maxKeys` the least recently
 * seen keys are forgotten (their next hit starts a new window), so no one can grow it unbounded.
 */
export class MemoryWindowCounter {
  readonly #windows: LRUCache<string, { count: number; endsAt: number }>;

  constructor(maxKeys = 10_000) {
    this.#windows = new LRUCache({ max: maxKeys });
  }

  /** Counts one hit on `key`. */
  hit(key: string, windowMs: number, now = Date.now()): WindowCount {
    let window = this.#windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count++;
    return { count: window.count, ttlMs: window.endsAt - now };
  }
}

/** Settings of {@link QuestionLimiter}. */
export interface QuestionLimitSettings {
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

/** Addresses are limited per IPv4 address and per IPv6 /64 (what one subscriber usually gets). */
const IPV6_PREFIX = 64;

/** An address as it is counted: IPv4 (also when IPv4-mapped) as is, IPv6 by its /64. */
export function clientKeyOf(ip: string): string {
  if (!ip.includes(":")) return ip;
  try {
    const address = new Address6(ip);
    if (address.isMapped4()) return address.to4().correctForm();
    return new Address6(`${address.correctForm()}/${IPV6_PREFIX}`).startAddress().correctForm();
  } catch {
    return ip.toLowerCase(); // not an address (cannot come from a socket): counted as given
  }
}

/**
 * The per-client budget of questions over HTTP (`GET`/`POST /ask` and the page's questions share
 * it). In memory a verdict is synchronous, so the common case costs no promise; with Redis it is
 * asked with a deadline and fails open.
 */
export class QuestionLimiter {
  readonly #hasher: KeyedHasher;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #keyPrefix: string;
  /** In this process (a verdict at once), or in Redis (a promise). */
  readonly #counter: MemoryWindowCounter | RedisWindowCounter;
  readonly #onStoreError: LimiterErrorHandler | undefined;
  /** Forgotten with the connection (a weak map): no table of addresses builds up. */
  readonly #keyByConnection = new WeakMap<object, { ip: string; key: string }>();

  constructor(settings: QuestionLimitSettings) {
    this.#hasher = new KeyedHasher(settings.secret, "rate-limit:http");
    this.#limit = settings.limit ?? DEFAULT_ASK_REQUESTS_PER_MINUTE;
    this.#windowMs = settings.windowMs ?? 60_000;
    this.#onStoreError = settings.onStoreError;
    if (settings.redis === undefined) {
      this.#keyPrefix = "";
      this.#counter = new MemoryWindowCounter();
    } else {
      this.#keyPrefix = settings.keyPrefix ?? "faq:ratelimit:http:";
      this.#counter = new RedisWindowCounter(settings.redis, { timeoutMs: settings.timeoutMs });
    }
  }

  /**
   * Counts a question from `ip`, which arrived on `connection`: null while within the budget,
   * else the seconds until the client may ask again. A promise only when Redis holds the counts.
   */
  hit(ip: string, connection: object): number | null | Promise<number | null> {
    const count = this.#counter.hit(this.#keyPrefix + this.#keyOf(ip, connection), this.#windowMs);
    if (!(count instanceof Promise)) return this.#verdict(count);
    return count.then(
      (counted) => this.#verdict(counted),
      (error: unknown) => {
        this.#onStoreError?.(error);
        return null;
      },
    );
  }

  #verdict({ count, ttlMs }: WindowCount): number | null {
    return count <= this.#limit ? null : Math.max(1, Math.ceil(ttlMs / 1000));
  }

  /**
   * An HMAC per request costs more than answering from the cache: the key is remembered for the
   * connection (keep-alive clients send many requests on one), checked against the IP, since a
   * proxy may forward several clients over one connection.
   */
  #keyOf(ip: string, connection: object): string {
    const known = this.#keyByConnection.get(connection);
    if (known?.ip === ip) return known.key;
    const key = this.#hasher.hash(clientKeyOf(ip));
    this.#keyByConnection.set(connection, { ip, key });
    return key;
  }
}
