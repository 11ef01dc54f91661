/**
 * Opens the configured insights store: Redis when `REDIS_URL` is set (several instances share
 * it), else the SQLite file in `DATA_DIR` (one instance). The caller wraps the result in
 * {@link ResilientInsightsStore} for the request paths and schedules retention.
 */
import type { Redis } from "ioredis";
import { StoreSchemaError, type InsightsStore, type StoreLogger } from "./insights.js";

export * from "./insights.js";
export { ResilientInsightsStore, type ResilientStoreOptions } from "./resilient.js";
export { scheduleRetention, type RetentionSchedule } from "./retention.js";

/** The part of the configuration the store needs. */
export interface StoreSettings {
  /** Folder of the SQLite file (used when `redisUrl` is not set). */
  readonly dataDir: string;
  /** Redis connection URL; selects the Redis store. */
  readonly redisUrl: string | undefined;
  /** Records older than this many days are pruned. */
  readonly retentionDays: number;
  /** Most rows the unanswered log keeps. Default 10 000 (`DEFAULT_MAX_UNANSWERED_ROWS`). */
  readonly unansweredMaxRows?: number;
  /** Seconds between two integrity checks of the SQLite file while running (0: none). Default 600. */
  readonly sqliteCheckIntervalSeconds?: number;
  /** Prefix of every Redis key. Default `faq:`. */
  readonly redisKeyPrefix?: string;
}

/** What {@link createStore} needs besides the settings. */
export interface StoreDependencies {
  readonly logger: StoreLogger;
  /** How long start-up waits for Redis before carrying on degraded, ms. Default 5 000. */
  readonly redisConnectTimeoutMs?: number;
  /** Open the SQLite file read-only (the report CLI). */
  readonly readonly?: boolean;
}

/** An opened store and what it runs on. */
export interface OpenedStore {
  /** The raw store: errors surface (wrap it before using it on a request path). */
  readonly store: InsightsStore;
  readonly backend: "redis" | "sqlite";
  /** The shared Redis connection (for the rate limiters), when the backend is Redis. */
  readonly redis: Redis | undefined;
  /** Where the data lives, for logs (never contains a password). */
  readonly location: string;
}

/** The store could not be opened (a configuration problem: the message says what to fix). */
export class StoreOpenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "StoreOpenError";
  }
}

/**
 * Opens the store. Only the chosen backend's client library is loaded (ioredis or
 * better-sqlite3), which keeps start-up quick.
 */
export async function createStore(
  settings: StoreSettings,
  deps: StoreDependencies,
): Promise<OpenedStore> {
  if (settings.redisUrl !== undefined) {
    const [{ connectRedis, createRedisClient }, { DEFAULT_REDIS_KEY_PREFIX, RedisInsightsStore }] =
      await Promise.all([import("./redis-client.js"), import("./redis.js")]);
    const redis = createRedisClient(settings.redisUrl, { logger: deps.logger });
    const location = redactedRedisUrl(settings.redisUrl);
    if (!(await connectRedis(redis, deps.redisConnectTimeoutMs))) {
      deps.logger.warn(
        { redis: location },
        "Redis is not reachable yet; answering without statistics or shared limits until it is",
      );
    }
    const store = new RedisInsightsStore({
      client: redis,
      keyPrefix: settings.redisKeyPrefix ?? DEFAULT_REDIS_KEY_PREFIX,
      retentionDays: settings.retentionDays,
      maxUnansweredRows: settings.unansweredMaxRows,
      ownsClient: true,
    });
    return { store, backend: "redis", redis, location };
  }
  const { isCorruption, SqliteInsightsStore, sqlitePathIn } = await import("./sqlite.js");
  const path = sqlitePathIn(settings.dataDir);
  try {
    const store = new SqliteInsightsStore({
      path,
      retentionDays: settings.retentionDays,
      maxUnansweredRows: settings.unansweredMaxRows,
      readonly: deps.readonly,
      logger: deps.logger,
      integrityCheckMs:
        settings.sqliteCheckIntervalSeconds === undefined
          ? undefined
          : settings.sqliteCheckIntervalSeconds * 1000,
    });
    return { store, backend: "sqlite", redis: undefined, location: path };
  } catch (error) {
    if (error instanceof StoreSchemaError) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    // Only an access problem is the folder's fault (a corrupt file was moved aside already,
    // except when opening read-only for a report, which never changes the file).
    const code = String((error as { code?: unknown } | null)?.code ?? "");
    const access = /^(SQLITE_(CANTOPEN|READONLY|PERM|AUTH)|EACCES|EPERM|EROFS|ENOTDIR)/.test(code);
    const advice = access
      ? "Check DATA_DIR (it must be a writable folder)."
      : isCorruption(error)
        ? "The file is corrupt; the service moves it aside and starts a fresh one when it starts."
        : "";
    throw new StoreOpenError(
      `Cannot open the statistics database ${path}: ${reason}. ${advice}`.trimEnd(),
      { cause: error },
    );
  }
}

/** The URL without its password, for logs. */
export function redactedRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== "") parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(invalid URL)";
  }
}
