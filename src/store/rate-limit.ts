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
 * cost an answer: Redis gets a short deadline ({@link DEFAULT_LIMITER_TIMEOUT_MS}) behind the
 * connection's circuit breaker (`circuit-breaker.ts`). When Redis fails, times out or the
 * breaker is open, the verdict comes from a counter in this process's memory instead, and the
 * failure is reported through `onStoreError`. Neither failing open (an outage would lift every
 * limit for as long as it lasts, which is when a flood hurts most) nor failing closed (an outage
 * would refuse everyone): each instance then enforces the budget on its own, so N instances
 * allow at most N times the budget until Redis is back.
 */
import { Address6 } from "ip-address";
import type { Redis } from "ioredis";
import { LRUCache } from "lru-cache";
import { breakerOf, CircuitOpenError, type CircuitBreaker } from "./circuit-breaker.js";
import { StoreTimeoutError } from "./insights.js";
import { KeyedHasher } from "./keyed-hash.js";

/** Default budget of questions per IP per minute over HTTP. */
export const DEFAULT_ASK_REQUESTS_PER_MINUTE = 60;
/**
 * Longest a limiter waits for Redis before counting in memory instead, ms. Redis answers a
 * script in well under a millisecond on a local network; this bounds what a hung Redis adds to
 * a request before the breaker opens (after which it adds nothing).
 */
export const DEFAULT_LIMITER_TIMEOUT_MS = 50;

/** Reports a limiter that could not reach its store (the verdict came from memory). */
export type LimiterErrorHandler = (error: unknown) => void;

/**
 * KEYS[1]: counter. ARGV[1]: window (ms), ARGV[2]: cost of the hit. Adds and starts the window
 * atomically (a crash between INCRBY and PEXPIRE would otherwise leave a counter that never
 * expires), and repairs a counter that lost its expiry. Returns {count, remaining ms}.
 */
const HIT_SCRIPT = `
local count = redis.call('INCRBY', KEYS[1], ARGV[2])
local ttl = redis.call('PTTL', KEYS[1])
if count == tonumber(ARGV[2]) or ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}
`;

interface HitRedis extends Redis {
  faqRateLimitHit(key: string, windowMs: number, cost: number): Promise<[number, number]>;
}

/** Options of {@link RedisWindowCounter}. */
export interface RedisWindowCounterOptions {
  /** Deadline of a Redis call, ms. Default {@link DEFAULT_LIMITER_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
  /** The connection's circuit breaker; without it every call is attempted. */
  readonly breaker?: CircuitBreaker;
}

/**
 * A fixed-window counter in Redis with a deadline, shared by both limiters, and the in-memory
 * counter that stands in for it while Redis cannot be asked (see the file comment).
 */
export class RedisWindowCounter {
  readonly #redis: HitRedis;
  readonly #timeoutMs: number;
  readonly #breaker: CircuitBreaker | undefined;
  readonly #local = new MemoryWindowCounter();

  constructor(redis: Redis, options: RedisWindowCounterOptions = {}) {
    redis.defineCommand("faqRateLimitHit", { numberOfKeys: 1, lua: HIT_SCRIPT });
    this.#redis = redis as HitRedis;
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_LIMITER_TIMEOUT_MS;
    this.#breaker = options.breaker;
  }

  /** True while Redis is known to be unavailable: {@link hitLocally} answers at once. */
  get unavailable(): boolean {
    return this.#breaker?.isOpen ?? false;
  }

  /**
   * Counts a hit costing `cost` (default 1) on `key` in Redis; rejects on failure, after the
   * deadline, or while open.
   */
  async hit(key: string, windowMs: number, cost = 1): Promise<WindowCount> {
    const call = () => this.#redis.faqRateLimitHit(key, windowMs, cost);
    const [count, ttlMs] =
      this.#breaker === undefined
        ? await withDeadline(call(), this.#timeoutMs)
        : await this.#breaker.run("rateLimit", call, this.#timeoutMs);
    return { count: Number(count), ttlMs: Number(ttlMs) };
  }

  /** Counts a hit on `key` in this process (while Redis cannot be asked). */
  hitLocally(key: string, windowMs: number, cost = 1): WindowCount {
    return this.#local.hit(key, windowMs, Date.now(), cost);
  }
}

/** `promise`, or a {@link StoreTimeoutError} after `timeoutMs`. */
async function withDeadline<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new StoreTimeoutError("rateLimit", timeoutMs)), timeoutMs);
  });
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
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

  /** Counts a hit costing `cost` (default 1) on `key`. */
  hit(key: string, windowMs: number, now = Date.now(), cost = 1): WindowCount {
    let window = this.#windows.get(key);
    if (window === undefined || window.endsAt <= now) {
      window = { count: 0, endsAt: now + windowMs };
      this.#windows.set(key, window);
    }
    window.count += cost;
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
  /** The Redis connection's circuit breaker (see `circuit-breaker.ts`). */
  readonly breaker?: CircuitBreaker;
  /** Prefix of the Redis keys. Default `faq:ratelimit:http:`. */
  readonly keyPrefix?: string;
  /** Called when Redis could not be asked (the verdict came from this process's memory). */
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
 * What a suggestion costs, in questions: `/suggest` shares the question budget, but suggestions
 * come while people type (after a pause of 120 ms in the page's script) and cost a fraction of
 * an answer, so a client may ask for five of them in place of one question.
 */
export const SUGGESTIONS_PER_QUESTION = 5;

/**
 * The per-client budget of questions over HTTP: `GET`/`POST /ask`, the page's questions and its
 * suggestions share it (a suggestion costs 1/{@link SUGGESTIONS_PER_QUESTION} of a question).
 * Counted in units of a suggestion. In memory a verdict is synchronous, so the common case costs
 * no promise; with Redis it is asked with a deadline, and counted in memory when Redis cannot
 * be asked.
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
      this.#counter = new RedisWindowCounter(settings.redis, {
        timeoutMs: settings.timeoutMs,
        breaker: settings.breaker ?? breakerOf(settings.redis),
      });
    }
  }

  /**
   * Counts a question from `ip`, which arrived on `connection`: null while within the budget,
   * else the seconds until the client may ask again. A promise only when Redis holds the counts.
   */
  hit(
    ip: string,
    connection: object,
    kind: "question" | "suggestion" = "question",
  ): number | null | Promise<number | null> {
    const key = this.#keyPrefix + this.#keyOf(ip, connection);
    const cost = kind === "question" ? SUGGESTIONS_PER_QUESTION : 1;
    const counter = this.#counter;
    const windowMs = this.#windowMs;
    if (counter instanceof MemoryWindowCounter)
      return this.#verdict(counter.hit(key, windowMs, Date.now(), cost));
    // Redis is known to be away: count here at once (no promise, no deadline to wait out).
    if (counter.unavailable) return this.#verdict(counter.hitLocally(key, windowMs, cost));
    return counter.hit(key, windowMs, cost).then(
      (counted) => this.#verdict(counted),
      (error: unknown) => {
        if (!(error instanceof CircuitOpenError)) this.#onStoreError?.(error);
        return this.#verdict(counter.hitLocally(key, windowMs, cost));
      },
    );
  }

  #verdict({ count, ttlMs }: WindowCount): number | null {
    return count <= this.#limit * SUGGESTIONS_PER_QUESTION
      ? null
      : Math.max(1, Math.ceil(ttlMs / 1000));
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
