/**
 * The one Redis connection of a process, shared by the insights store and both rate limiters.
 * Tuned to fail fast rather than to queue: while Redis is unreachable every command is
 * rejected at once (no offline queue), so callers degrade immediately instead of piling up
 * requests that wait for a reconnect. ioredis keeps reconnecting in the background.
 *
 * The connection carries its circuit breaker (`circuit-breaker.ts`), so every user of the
 * connection (the store, both rate limiters) shares one view of whether Redis is there.
 */
import { Redis } from "ioredis";
import { CircuitBreaker, type GuardedRedis } from "./circuit-breaker.js";
import type { StoreLogger } from "./insights.js";

/** Options of {@link createRedisClient}. */
export interface RedisClientOptions {
  /** Where the connection problems are reported (at most one line per `logIntervalMs`). */
  readonly logger: StoreLogger;
  /** Longest wait for a TCP connection, ms. Default 2 000. */
  readonly connectTimeoutMs?: number;
  /** A command without a reply after this long fails, ms. Default 2 000. */
  readonly commandTimeoutMs?: number;
  /** Minimum time between two logged connection errors, ms. Default 30 000. */
  readonly logIntervalMs?: number;
  /** Failed calls in a row that open the circuit breaker. Default 3. */
  readonly failureThreshold?: number;
  /** Time between two probes while the breaker is open, ms. Default 500. */
  readonly probeIntervalMs?: number;
}

/**
 * Creates the client without connecting; {@link connectRedis} connects. The URL may carry a
 * password and a database (`redis://:secret@host:6379/0`); it is never logged.
 */
export function createRedisClient(url: string, options: RedisClientOptions): GuardedRedis {
  const redis = new Redis(url, {
    lazyConnect: true,
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: options.connectTimeoutMs ?? 2_000,
    commandTimeout: options.commandTimeoutMs ?? 2_000,
    // Back off up to 2 s between attempts, forever: Redis coming back must heal the service.
    retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
  });
  const breaker = new CircuitBreaker({
    probe: () => redis.ping(),
    failureThreshold: options.failureThreshold,
    probeIntervalMs: options.probeIntervalMs,
    onChange: (open, cause) => {
      if (open)
        options.logger.warn(
          { err: { message: cause instanceof Error ? cause.message : String(cause) } },
          "Redis unavailable (circuit open): rate limits count in this process, records wait in memory until it is back",
        );
      else options.logger.info({}, "Redis available again (circuit closed)");
    },
  });
  const client = Object.assign(redis, { breaker }) as GuardedRedis;
  client.once("end", () => breaker.stop());
  const logInterval = options.logIntervalMs ?? 30_000;
  let lastLogged = -Infinity;
  let suppressed = 0;
  // Without an "error" listener ioredis prints every failed attempt to stderr.
  client.on("error", (error: Error) => {
    const now = Date.now();
    if (now - lastLogged < logInterval) {
      suppressed += 1;
      return;
    }
    options.logger.warn(
      { err: { message: error.message, code: (error as { code?: unknown }).code }, suppressed },
      "Redis connection problem; statistics and rate limits degrade until it is back",
    );
    lastLogged = now;
    suppressed = 0;
  });
  client.on("ready", () => {
    if (lastLogged !== -Infinity) options.logger.info({}, "Redis connection restored");
  });
  return client;
}

/**
 * Connects, waiting at most `timeoutMs`. Resolves true once ready; false if Redis is not
 * reachable yet (the client keeps retrying; the service starts degraded rather than not at all).
 */
export async function connectRedis(client: Redis, timeoutMs = 5_000): Promise<boolean> {
  if (client.status === "ready") return true;
  const ready = new Promise<boolean>((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
    client.once("ready", () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
  // connect() rejects on the first failed attempt; the retry strategy carries on regardless.
  if (client.status === "wait") client.connect().catch(() => undefined);
  return ready;
}
