/**
 * The durable queue of Telegram updates: what the webhook (or the poller) hands over before it
 * acknowledges an update, and what workers take, answer and finish. Two implementations share
 * this interface: SQLite (`sqlite-queue.ts`, one instance, the default) and Redis through BullMQ
 * (`redis-queue.ts`, several instances).
 *
 * Guarantees, whichever backend:
 *
 * - **Keyed by `update_id`.** Enqueuing an update whose id is already queued, running or done in
 *   the last {@link UPDATE_ID_TTL_MS} is a no-op (`"duplicate"`): Telegram redelivers an update
 *   it thinks was lost, and a second instance may receive the same delivery.
 * - **Durable before acknowledged.** `enqueue` resolves only once the update is stored; when the
 *   store cannot take it, `enqueue` rejects with {@link QueueUnavailableError} and the caller
 *   must not acknowledge (the webhook answers 503 and Telegram delivers again later).
 * - **One lane at a time, in order.** Every job belongs to a lane (a chat); a lane's jobs run one
 *   at a time in `update_id` order, so the replies of one chat keep their order, and a lane
 *   waiting out a `retry_after` holds only its own jobs.
 * - **At least once, finished explicitly.** A job is deleted (its update with it) only when its
 *   processor says it is done; a crash, a kill or a shutdown leaves it queued for the next run.
 *   The processor makes that exactly-once with the job's {@link EffectLog}.
 */

/** How long an update id (and its effect log) is remembered after its job: Telegram stops redelivering within 24 h. */
export const UPDATE_ID_TTL_MS = 24 * 60 * 60 * 1000;

/** What the queue stores with an update. */
export interface UpdateJobInput {
  /** Telegram's `update_id`: the job's key. */
  readonly updateId: number;
  /** The update as Telegram sent it (JSON), deleted with the job. */
  readonly update: unknown;
  /** Jobs of one lane (a chat) run one at a time, in `updateId` order. */
  readonly lane: string;
}

/** A job handed to the processor. */
export interface UpdateJob {
  readonly updateId: number;
  readonly update: unknown;
  readonly lane: string;
  /** When the update was first queued, ms since the epoch. */
  readonly receivedAt: number;
  /** 1 on the first run; more when the job was retried or recovered after a crash. */
  readonly attempt: number;
  /** The calls already made for this update (by an earlier run). */
  readonly effects: EffectLog;
  /** Aborted when the process stops: the processor should hand the job back (retry now). */
  readonly signal: AbortSignal;
}

/**
 * The outgoing Bot API calls already made for one update, by their position in the handler's
 * sequence of calls. A call is recorded once Telegram accepted it; a rerun of the handler skips
 * every recorded position. Kept {@link UPDATE_ID_TTL_MS}.
 */
export interface EffectLog {
  /** True when call number `seq` of this update was made (the caller may use negative positions as markers). */
  has(seq: number): boolean;
  /** Records that call number `seq` (a `method`) was made. */
  record(seq: number, method: string): Promise<void>;
}

/** What the processor decided for a job. */
export type JobOutcome =
  /** Finished (answered, or given up for good): the job and its update are deleted. */
  | { readonly kind: "done" }
  /** Not finished: run it again no earlier than `at` (ms); its lane waits until then. */
  | { readonly kind: "retry"; readonly at: number };

/** Runs one job; must not throw (an unexpected error is treated as "retry shortly"). */
export type JobProcessor = (job: UpdateJob) => Promise<JobOutcome>;

/** Result of {@link UpdateQueue.enqueue}. */
export type EnqueueResult = "queued" | "duplicate";

/** Options of {@link UpdateQueue.start}. */
export interface WorkerOptions {
  /** Jobs run at once by this process. */
  readonly concurrency: number;
}

/** Something that goes wrong in the background (a failed write, a lost connection). */
export type QueueErrorHandler = (operation: string, error: unknown) => void;

/** The durable update queue; see the file comment. */
export interface UpdateQueue {
  readonly backend: "sqlite" | "redis";
  /** Stores the update (or finds it already there); rejects with {@link QueueUnavailableError}. */
  enqueue(input: UpdateJobInput): Promise<EnqueueResult>;
  /** Starts running jobs with `processor`. */
  start(processor: JobProcessor, options: WorkerOptions): void;
  /**
   * Stops taking jobs, lets the running ones finish for up to `graceMs`, then aborts their
   * signals (they hand their jobs back) and waits for them to return. Unfinished jobs stay queued.
   */
  stop(graceMs: number): Promise<void>;
  /** Releases the file or connections (after {@link stop}). */
  close(): Promise<void>;
}

/** The queue's store cannot take the update now: do not acknowledge it. */
export class QueueUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "QueueUnavailableError";
  }
}

/** A fresh delay for a job whose processor failed unexpectedly, ms. */
export const UNEXPECTED_FAILURE_RETRY_MS = 5_000;
