/**
 * {@link UpdateQueue} in an embedded SQLite file (`DATA_DIR/queue.sqlite`, its own file beside
 * the statistics): the default, for one instance. Like the statistics store, one file serves one
 * process; several instances use the Redis queue.
 *
 * Durability: WAL with `synchronous = NORMAL`, so an enqueued update is in the WAL file before
 * `enqueue` resolves and survives a crash or `kill -9` of the process; only an operating-system
 * crash or power loss could lose the last ones (see README "Data kept and retention").
 *
 * One table holds the jobs: a row per update, its update JSON until it is done, then only its
 * id and when it was done (the duplicate check) for {@link UPDATE_ID_TTL_MS}. Lanes need no table
 * of their own: a lane's head is its pending job with the smallest update id, and a lane waiting
 * out a `retry_after` is a head whose `run_at` lies in the future. Which lanes are running is kept
 * in memory: this process is the only one using the file.
 */
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import { type Clock, sleep, systemClock } from "../../util/clock.js";
import {
  type EffectLog,
  type EnqueueResult,
  type JobOutcome,
  type JobProcessor,
  type QueueErrorHandler,
  QueueUnavailableError,
  UNEXPECTED_FAILURE_RETRY_MS,
  UPDATE_ID_TTL_MS,
  type UpdateJob,
  type UpdateJobInput,
  type UpdateQueue,
  type WorkerOptions,
} from "./types.js";

/** File name of the queue inside `DATA_DIR`. */
export const QUEUE_FILE_NAME = "queue.sqlite";

/** The queue's path for a data folder. */
export function queuePathIn(dataDir: string): string {
  return join(dataDir, QUEUE_FILE_NAME);
}

/** Options of {@link SqliteUpdateQueue}. */
export interface SqliteUpdateQueueOptions {
  /** The database file (its folder is created); `:memory:` for tests that need no file. */
  readonly path: string;
  /** Time and timers; a test clock makes long waits instant. Default the system clock. */
  readonly clock?: Clock;
  /** Told about failed writes while running jobs (the job is tried again later). */
  readonly onError?: QueueErrorHandler;
  /** How often done ids and old effects are pruned, ms. Default one hour. */
  readonly pruneIntervalMs?: number;
}

const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE jobs (
    update_id INTEGER PRIMARY KEY,
    lane TEXT NOT NULL,
    -- The update as Telegram sent it; NULL once the job is done.
    payload TEXT,
    received_at INTEGER NOT NULL,
    -- Not to be run before this time (ms): a retry_after, or a back-off.
    run_at INTEGER NOT NULL,
    -- Runs started so far.
    attempts INTEGER NOT NULL DEFAULT 0,
    -- When the job finished; the row is then only the duplicate check, pruned after 24 h.
    done_at INTEGER
  );
  CREATE INDEX jobs_pending_by_lane ON jobs (lane, update_id) WHERE done_at IS NULL;
  CREATE INDEX jobs_pending_by_run_at ON jobs (run_at) WHERE done_at IS NULL;
  CREATE INDEX jobs_done ON jobs (done_at) WHERE done_at IS NOT NULL;

  -- Bot API calls already made per update (see EffectLog): position and method only.
  CREATE TABLE effects (
    update_id INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    method TEXT NOT NULL,
    at INTEGER NOT NULL,
    PRIMARY KEY (update_id, seq)
  ) WITHOUT ROWID;
  `,
];

interface JobRow {
  update_id: number;
  lane: string;
  payload: string;
  received_at: number;
  attempts: number;
}

function prepare(db: Database.Database) {
  return {
    insert: db.prepare<[number, string, string, number, number]>(
      `INSERT INTO jobs (update_id, lane, payload, received_at, run_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (update_id) DO NOTHING`,
    ),
    // Heads of lanes that are due: no pending job of the same lane comes before them.
    ready: db.prepare<[number, number], JobRow>(
      `SELECT update_id, lane, payload, received_at, attempts FROM jobs AS j
       WHERE done_at IS NULL AND run_at <= ?
         AND NOT EXISTS (SELECT 1 FROM jobs AS e
                         WHERE e.lane = j.lane AND e.done_at IS NULL AND e.update_id < j.update_id)
       ORDER BY run_at, update_id LIMIT ?`,
    ),
    nextRunAt: db.prepare<[number], { at: number | null }>(
      `SELECT min(run_at) AS at FROM jobs WHERE done_at IS NULL AND run_at > ?`,
    ),
    started: db.prepare<[number]>(`UPDATE jobs SET attempts = attempts + 1 WHERE update_id = ?`),
    // A done job keeps only its update id (the duplicate guard): the update and its lane, which
    // names the chat (a user's id, in a private chat), go.
    done: db.prepare<[number, number]>(
      `UPDATE jobs SET payload = NULL, lane = '', done_at = ? WHERE update_id = ?`,
    ),
    retry: db.prepare<[number, number]>(`UPDATE jobs SET run_at = ? WHERE update_id = ?`),
    effects: db.prepare<[number], { seq: number }>(`SELECT seq FROM effects WHERE update_id = ?`),
    effect: db.prepare<[number, number, string, number]>(
      `INSERT INTO effects (update_id, seq, method, at) VALUES (?, ?, ?, ?)
       ON CONFLICT DO NOTHING`,
    ),
    pending: db.prepare<[], { count: number }>(
      `SELECT count(*) AS count FROM jobs WHERE done_at IS NULL`,
    ),
    pruneDone: db.prepare<[number]>(`DELETE FROM jobs WHERE done_at IS NOT NULL AND done_at <= ?`),
    // The effects of an update still queued stay, however old: its rerun needs them.
    pruneEffects: db.prepare<[number]>(
      `DELETE FROM effects WHERE at <= ?
         AND update_id NOT IN (SELECT update_id FROM jobs WHERE done_at IS NULL)`,
    ),
  };
}

function migrate(db: Database.Database): void {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length)
    throw new Error(
      `the queue file has schema version ${version}, newer than this release knows (${MIGRATIONS.length})`,
    );
  for (let next = version; next < MIGRATIONS.length; next++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[next]!);
      db.pragma(`user_version = ${next + 1}`);
    }).immediate();
  }
}

export class SqliteUpdateQueue implements UpdateQueue {
  readonly backend = "sqlite";
  readonly #db: Database.Database;
  readonly #sql: ReturnType<typeof prepare>;
  readonly #clock: Clock;
  readonly #onError: QueueErrorHandler;
  readonly #pruneTimer: NodeJS.Timeout;
  #processor: JobProcessor | undefined;
  #concurrency = 0;
  /** Lanes with a job running in this process, and the run. */
  readonly #running = new Map<string, Promise<void>>();
  /** Lanes whose last write failed: not taken again before this time (ms). */
  readonly #cooling = new Map<string, number>();
  #stopping = false;
  readonly #abort = new AbortController();
  #pumpQueued = false;
  #cancelWake: (() => void) | undefined;
  #wakeAt = Infinity;

  constructor(options: SqliteUpdateQueueOptions) {
    this.#clock = options.clock ?? systemClock;
    this.#onError = options.onError ?? (() => undefined);
    if (options.path !== ":memory:") mkdirSync(dirname(options.path), { recursive: true });
    this.#db = new Database(options.path, { timeout: 200 });
    try {
      this.#db.pragma("journal_mode = WAL");
      this.#db.pragma("synchronous = NORMAL");
      migrate(this.#db);
      this.#sql = prepare(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    this.prune();
    this.#pruneTimer = setInterval(() => this.prune(), options.pruneIntervalMs ?? 60 * 60 * 1000);
    this.#pruneTimer.unref();
  }

  /** Updates queued and not yet done (for tests and logs). */
  get pending(): number {
    return this.#sql.pending.get()!.count;
  }

  enqueue(input: UpdateJobInput): Promise<EnqueueResult> {
    const now = this.#clock.now();
    let changes: number;
    try {
      const payload = JSON.stringify(input.update);
      changes = this.#sql.insert.run(input.updateId, input.lane, payload, now, now).changes;
    } catch (error) {
      return Promise.reject(
        new QueueUnavailableError(`the update queue could not store the update: ${reason(error)}`, {
          cause: error,
        }),
      );
    }
    if (changes === 1) this.#schedulePump();
    return Promise.resolve(changes === 1 ? "queued" : "duplicate");
  }

  start(processor: JobProcessor, options: WorkerOptions): void {
    this.#processor = processor;
    this.#concurrency = Math.max(1, options.concurrency);
    this.#schedulePump();
  }

  async stop(graceMs: number): Promise<void> {
    this.#stopping = true;
    this.#cancelWake?.();
    const all = () => Promise.all([...this.#running.values()]);
    if (this.#running.size > 0) {
      await Promise.race([all(), sleep(systemClock, graceMs)]);
    }
    this.#abort.abort(new Error("the process is stopping"));
    await all();
  }

  async close(): Promise<void> {
    clearInterval(this.#pruneTimer);
    this.#cancelWake?.();
    if (this.#db.open) this.#db.close();
  }

  /** Forgets ids and effects of updates done more than 24 h ago. */
  prune(): void {
    const cutoff = this.#clock.now() - UPDATE_ID_TTL_MS;
    try {
      this.#sql.pruneDone.run(cutoff);
      this.#sql.pruneEffects.run(cutoff);
    } catch (error) {
      this.#onError("prune", error);
    }
  }

  #schedulePump(): void {
    if (this.#pumpQueued || this.#processor === undefined || this.#stopping) return;
    this.#pumpQueued = true;
    setImmediate(() => {
      this.#pumpQueued = false;
      this.#pump();
    });
  }

  /** Starts due lane heads while there is room, then sets a timer for the next due one. */
  #pump(): void {
    if (this.#stopping || this.#processor === undefined) return;
    const now = this.#clock.now();
    for (const [lane, until] of this.#cooling) if (until <= now) this.#cooling.delete(lane);
    const room = this.#concurrency - this.#running.size;
    if (room > 0) {
      let rows: JobRow[];
      try {
        // Running and cooling lanes' heads come back too: ask for enough to skip them.
        rows = this.#sql.ready.all(now, room + this.#running.size + this.#cooling.size);
      } catch (error) {
        this.#onError("claim", error);
        this.#wake(now + UNEXPECTED_FAILURE_RETRY_MS);
        return;
      }
      let started = 0;
      for (const row of rows) {
        if (started >= room) break;
        if (this.#running.has(row.lane) || this.#cooling.has(row.lane)) continue;
        this.#begin(row);
        started++;
      }
    }
    let next: number | null = null;
    try {
      next = this.#sql.nextRunAt.get(now)?.at ?? null;
    } catch (error) {
      this.#onError("claim", error);
    }
    const cooling = Math.min(...this.#cooling.values());
    this.#wake(Math.min(next ?? Infinity, cooling));
  }

  /** Runs the pump at `at` (ms), unless an earlier wake is already set. */
  #wake(at: number): void {
    if (!Number.isFinite(at) || this.#stopping) return;
    if (this.#cancelWake !== undefined && this.#wakeAt <= at) return;
    this.#cancelWake?.();
    this.#wakeAt = at;
    this.#cancelWake = this.#clock.setTimer(() => {
      this.#cancelWake = undefined;
      this.#wakeAt = Infinity;
      this.#pump();
    }, at - this.#clock.now());
  }

  #begin(row: JobRow): void {
    const run = this.#run(row).finally(() => {
      this.#running.delete(row.lane);
      this.#schedulePump();
    });
    this.#running.set(row.lane, run);
  }

  async #run(row: JobRow): Promise<void> {
    let job: UpdateJob;
    try {
      this.#sql.started.run(row.update_id);
      job = {
        updateId: row.update_id,
        update: JSON.parse(row.payload) as unknown,
        lane: row.lane,
        receivedAt: row.received_at,
        attempt: row.attempts + 1,
        effects: this.#effectLog(row.update_id),
        signal: this.#abort.signal,
      };
    } catch (error) {
      this.#fail(row.lane, "start", error);
      return;
    }
    let outcome: JobOutcome;
    try {
      outcome = await this.#processor!(job);
    } catch (error) {
      this.#onError("process", error);
      outcome = { kind: "retry", at: this.#clock.now() + UNEXPECTED_FAILURE_RETRY_MS };
    }
    try {
      if (outcome.kind === "done") this.#sql.done.run(this.#clock.now(), row.update_id);
      else this.#sql.retry.run(outcome.at, row.update_id);
    } catch (error) {
      this.#fail(row.lane, "finish", error);
    }
  }

  /** A write failed: the job stays as it was, and its lane rests before it is tried again. */
  #fail(lane: string, operation: string, error: unknown): void {
    this.#onError(operation, error);
    this.#cooling.set(lane, this.#clock.now() + UNEXPECTED_FAILURE_RETRY_MS);
  }

  #effectLog(updateId: number): EffectLog {
    const made = new Set(this.#sql.effects.all(updateId).map((row) => row.seq));
    return {
      has: (seq) => made.has(seq),
      record: async (seq, method) => {
        this.#sql.effect.run(updateId, seq, method, this.#clock.now());
        made.add(seq);
      },
    };
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
