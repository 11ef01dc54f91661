/**
 * Group commit for the stores' answer records: records are summed in memory by the store and
 * written together, one transaction per group instead of one per question. Every record of a
 * group shares one promise, which settles once the group is written ("acknowledged" still
 * means "stored"); adding a record costs no promise, closure or timer of its own.
 */

/** Options of {@link GroupCommit}. */
export interface GroupCommitOptions {
  /**
   * Writes everything the store has summed since the last commit; may be synchronous. It takes
   * the summed records out at once, so records summed while an asynchronous write is under way
   * belong to the next group, and a failed group's records are simply dropped.
   */
  readonly commit: () => void | Promise<void>;
  /**
   * Longest a record waits for its group to be written, ms. Default 25. 0 writes the group at
   * the end of the current task (a microtask): before a reply that task sends goes out, so
   * "replied" implies "write sent", while records of one task still go together.
   */
  readonly delayMs?: number;
  /** A group is written at once when it holds this many records. Default 512. */
  readonly maxRecords?: number;
}

interface Group {
  readonly promise: Promise<void>;
  readonly resolve: () => void;
  readonly reject: (error: unknown) => void;
}

export class GroupCommit {
  readonly #commit: () => void | Promise<void>;
  readonly #delayMs: number;
  readonly #maxRecords: number;
  #group: Group | undefined;
  #records = 0;
  #timer: NodeJS.Timeout | undefined;
  readonly #onTimer = () => void this.flush().catch(() => undefined); // records see failures

  constructor(options: GroupCommitOptions) {
    this.#commit = options.commit;
    this.#delayMs = options.delayMs ?? 25;
    this.#maxRecords = options.maxRecords ?? 512;
  }

  /** Records waiting for the next commit. */
  get pending(): number {
    return this.#records;
  }

  /**
   * Counts one record the store has just summed; returns the promise of its group's commit.
   * Call it after summing, since a full group is written before this returns.
   */
  add(): Promise<void> {
    let group = this.#group;
    if (group === undefined) {
      let resolve!: () => void;
      let reject!: (error: unknown) => void;
      const promise = new Promise<void>((resolveGroup, rejectGroup) => {
        resolve = resolveGroup;
        reject = rejectGroup;
      });
      group = { promise, resolve, reject };
      this.#group = group;
      if (this.#delayMs === 0) queueMicrotask(this.#onTimer);
      else this.#timer = setTimeout(this.#onTimer, this.#delayMs);
    }
    if (++this.#records >= this.#maxRecords) void this.flush();
    return group.promise;
  }

  /**
   * Writes the waiting group now (reads call it first, so they see every record). A
   * synchronous `commit` has finished when this returns; the promise settles with the group.
   */
  flush(): Promise<void> {
    const group = this.#group;
    if (group === undefined) return Promise.resolve();
    clearTimeout(this.#timer);
    this.#timer = undefined;
    this.#group = undefined;
    this.#records = 0;
    try {
      const written = this.#commit();
      if (written === undefined) group.resolve();
      else written.then(group.resolve, group.reject);
    } catch (error) {
      group.reject(error);
    }
    return group.promise;
  }
}
