/**
 * Opens the durable update queue of the Telegram bot: BullMQ on Redis when `REDIS_URL` is set
 * (several instances share it), else a SQLite file in `DATA_DIR` (one instance). Only the chosen
 * backend's library is loaded. See `types.ts` for what every backend guarantees.
 */
import { StoreOpenError } from "../index.js";
import type { QueueErrorHandler, UpdateQueue } from "./types.js";

export * from "./types.js";

/** The part of the configuration the queue needs. */
export interface QueueSettings {
  readonly dataDir: string;
  readonly redisUrl: string | undefined;
  readonly redisKeyPrefix: string;
}

/** An opened queue and where it lives (for logs; never a password). */
export interface OpenedQueue {
  readonly queue: UpdateQueue;
  readonly location: string;
}

export async function createUpdateQueue(
  settings: QueueSettings,
  deps: { readonly onError: QueueErrorHandler; readonly redisLocation?: string },
): Promise<OpenedQueue> {
  if (settings.redisUrl !== undefined) {
    const { RedisUpdateQueue } = await import("./redis-queue.js");
    return {
      queue: new RedisUpdateQueue({
        url: settings.redisUrl,
        keyPrefix: settings.redisKeyPrefix,
        onError: deps.onError,
      }),
      location: deps.redisLocation ?? "redis",
    };
  }
  const { SqliteUpdateQueue, queuePathIn } = await import("./sqlite-queue.js");
  const path = queuePathIn(settings.dataDir);
  try {
    return { queue: new SqliteUpdateQueue({ path, onError: deps.onError }), location: path };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new StoreOpenError(
      `Cannot open the update queue ${path}: ${reason}. Check DATA_DIR (it must be a writable folder).`,
      { cause: error },
    );
  }
}
