/**
 * Telegram may deliver the same update more than once (a webhook response that got lost, a
 * restart during long polling). The bot claims each `update_id` before handling it; only the
 * first claim wins. The in-memory window below serves one process; the storage issue adds a
 * Redis-backed one shared by every instance.
 */

/** Decides whether an update is seen for the first time. */
export interface UpdateDeduplicator {
  /** True the first time `updateId` is claimed, false for every later delivery of it. */
  claim(updateId: number): boolean | Promise<boolean>;
}

/** Options of {@link MemoryUpdateWindow}. */
export interface MemoryUpdateWindowOptions {
  /** How many recent update ids are remembered. Default 10 000. */
  readonly size?: number;
}

/** Remembers the last `size` update ids seen by this process. */
export class MemoryUpdateWindow implements UpdateDeduplicator {
  readonly #size: number;
  /** Set keeps insertion order, so the first element is the oldest id. */
  readonly #seen = new Set<number>();

  constructor(options: MemoryUpdateWindowOptions = {}) {
    this.#size = Math.max(1, options.size ?? 10_000);
  }

  claim(updateId: number): boolean {
    if (this.#seen.has(updateId)) return false;
    this.#seen.add(updateId);
    if (this.#seen.size > this.#size) {
      const oldest = this.#seen.values().next().value;
      if (oldest !== undefined) this.#seen.delete(oldest);
    }
    return true;
  }
}
