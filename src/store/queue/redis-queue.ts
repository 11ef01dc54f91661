/**
 * {@link UpdateQueue} in Redis through BullMQ, shared by every instance (`REDIS_URL`).
 *
 * BullMQ keeps each update as a job whose id is `u<update_id>` (BullMQ refuses purely numeric
 * custom ids) and gives what a hand-written queue would have to re-implement: adding is atomic
 * and idempotent by job id; a deduplication key with a 24-hour TTL outlives the job, so the id
 * is still recognised after the job (and its update) is deleted on completion; delayed jobs
 * carry a `retry_after` of any length; a job whose worker died (kill -9, a lost host) is found
 * stalled once its lock expires and run again; `Worker.close` stops fetching and waits for the
 * running jobs.
 *
 * What BullMQ's open-source edition lacks is per-group ordering (a BullMQ Pro feature), so lanes
 * are added here with two small keys per chat, under the same prefix:
 *
 * - `lane:<lane>`: a sorted set of the lane's unfinished update ids (score = update id), written
 *   when an update is queued and again when its job starts (which repairs a crash between the
 *   two). A job runs only when it is the lane's head; otherwise it is delayed and promoted when
 *   the head finishes. A head whose job no longer exists (finished, or a stale entry) is removed.
 * - `hold:<lane>`: set while the lane's head waits for a `retry_after` or back-off, so the
 *   lane's later jobs sleep until then instead of polling.
 *
 * Per update, `effects:<update_id>` (a hash: call position -> method, and `runs`) is the
 * effect log, kept 24 hours.
 *
 * Two connections of our own besides BullMQ's: a fail-fast one for the webhook (no offline
 * queue, a short command timeout: when Redis is down or paused the webhook must answer 503
 * quickly, not hang) and a patient one for the workers (commands wait for a reconnect, so a
 * Redis restart does not fail a reply that was already sent). Redis must keep what it acknowledged
 * across a crash (an append-only file with `appendfsync always`, as docker-compose.yml sets:
 * with `everysec` it may acknowledge a write up to ~2 s before making it) and must not evict keys
 * (`maxmemory-policy noeviction`), or queued updates could be lost or answered twice.
 */
import { DelayedError, type Job, Queue, Worker } from "bullmq";
import { Redis } from "ioredis";
import { sleep, systemClock } from "../../util/clock.js";
import {
  type EffectLog,
  type EnqueueResult,
  type JobOutcome,
  type JobProcessor,
  type QueueErrorHandler,
  QueueUnavailableError,
  UNEXPECTED_FAILURE_RETRY_MS,
  UPDATE_ID_TTL_MS,
  type UpdateJobInput,
  type UpdateQueue,
  type WorkerOptions,
} from "./types.js";

/** Name of the BullMQ queue (its keys are `<prefix>bull:updates:*`). */
export const UPDATE_QUEUE_NAME = "updates";
/** Default deadline of storing an update before the webhook answers 503, ms. */
export const DEFAULT_ENQUEUE_TIMEOUT_MS = 1_000;
/** How long a job waiting behind an active lane head sleeps before it looks again, ms (the head's completion wakes it sooner). */
const LANE_RECHECK_MS = 1_000;
/** Lane sets expire when untouched this long (a stale entry cannot live forever). */
const LANE_TTL_MS = UPDATE_ID_TTL_MS + 60 * 60 * 1000;
/**
 * A worker's lock on its job, renewed every half of it while the job runs. A job whose worker
 * died (kill -9, a lost host) is run again by another worker within this plus one stalled check;
 * a Redis outage shorter than it does not make two workers run one job.
 */
const LOCK_DURATION_MS = 20_000;
/** How often workers look for jobs whose worker died (lock expired), ms. */
const STALLED_CHECK_MS = 10_000;

/** The job's data: what the processor needs, and nothing else. */
interface JobData {
  readonly updateId: number;
  readonly update: unknown;
  readonly lane: string;
  readonly receivedAt: number;
}

/** Options of {@link RedisUpdateQueue}. */
export interface RedisUpdateQueueOptions {
  /** `redis://` or `rediss://` URL (may carry a password; never logged). */
  readonly url: string;
  /** Prefix of every key (`REDIS_KEY_PREFIX`), so services can share one Redis. */
  readonly keyPrefix: string;
  /** Deadline of `enqueue`, ms. Default {@link DEFAULT_ENQUEUE_TIMEOUT_MS}. */
  readonly enqueueTimeoutMs?: number;
  /** Told about background failures (lost connections, failed job moves). */
  readonly onError?: QueueErrorHandler;
}

export const jobIdOf = (updateId: number) => `u${updateId}`;

export class RedisUpdateQueue implements UpdateQueue {
  readonly backend = "redis";
  readonly #prefix: string;
  readonly #enqueueTimeoutMs: number;
  readonly #onError: QueueErrorHandler;
  /** Fail-fast connection of the webhook's `enqueue`. */
  readonly #producer: Redis;
  /** Patient connection of the workers' own commands (lanes, holds, effects). */
  readonly #patient: Redis;
  readonly #queue: Queue;
  /** The same queue over the patient connection, for the workers' job lookups. */
  readonly #workerQueue: Queue;
  #worker: Worker | undefined;
  #processor: JobProcessor | undefined;
  readonly #abort = new AbortController();
  readonly #running = new Set<Promise<unknown>>();

  constructor(options: RedisUpdateQueueOptions) {
    this.#prefix = options.keyPrefix;
    this.#enqueueTimeoutMs = options.enqueueTimeoutMs ?? DEFAULT_ENQUEUE_TIMEOUT_MS;
    this.#onError = options.onError ?? (() => undefined);
    this.#producer = new Redis(options.url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2_000,
      commandTimeout: this.#enqueueTimeoutMs,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    this.#patient = new Redis(options.url, {
      maxRetriesPerRequest: null,
      connectTimeout: 2_000,
      retryStrategy: (attempt) => Math.min(attempt * 200, 2_000),
    });
    for (const [name, client] of [
      ["producer", this.#producer],
      ["worker", this.#patient],
    ] as const)
      client.on("error", (error: unknown) => this.#onError(`redis ${name} connection`, error));
    const prefix = `${this.#prefix}bull`;
    this.#queue = new Queue(UPDATE_QUEUE_NAME, { connection: this.#producer, prefix });
    this.#workerQueue = new Queue(UPDATE_QUEUE_NAME, { connection: this.#patient, prefix });
    for (const queue of [this.#queue, this.#workerQueue])
      queue.on("error", (error: unknown) => this.#onError("queue", error));
  }

  async enqueue(input: UpdateJobInput): Promise<EnqueueResult> {
    const id = jobIdOf(input.updateId);
    try {
      return await withDeadline(this.#enqueueTimeoutMs, async () => {
        if ((await this.#queue.getDeduplicationJobId(id)) !== null) return "duplicate";
        const data: JobData = { ...input, receivedAt: Date.now() };
        await this.#queue.add("update", data, {
          jobId: id,
          // The id outlives the job by its TTL: a redelivery after completion is recognised.
          deduplication: { id, ttl: UPDATE_ID_TTL_MS },
          // The update (with user and chat ids) goes as soon as it is answered.
          removeOnComplete: true,
          removeOnFail: true,
          // The processor retries by delaying its job; these only catch an unexpected throw.
          attempts: Number.MAX_SAFE_INTEGER,
          backoff: { type: "fixed", delay: UNEXPECTED_FAILURE_RETRY_MS },
        });
        const lane = this.#laneKey(input.lane);
        await this.#producer
          .multi()
          .zadd(lane, "NX", input.updateId, String(input.updateId))
          .pexpire(lane, LANE_TTL_MS)
          .exec();
        return "queued";
      });
    } catch (error) {
      throw new QueueUnavailableError(
        `the update queue (Redis) could not store the update: ${reason(error)}`,
        { cause: error },
      );
    }
  }

  start(processor: JobProcessor, options: WorkerOptions): void {
    this.#processor = processor;
    this.#worker = new Worker<JobData>(
      UPDATE_QUEUE_NAME,
      (job, token) => this.#track(this.#process(job, token)),
      {
        connection: this.#patient,
        prefix: `${this.#prefix}bull`,
        concurrency: Math.max(1, options.concurrency),
        lockDuration: LOCK_DURATION_MS,
        stalledInterval: STALLED_CHECK_MS,
        // A job is never failed for stalling: a crashed worker's job is simply run again.
        maxStalledCount: Number.MAX_SAFE_INTEGER,
        autorun: false,
      },
    );
    this.#worker.on("error", (error: unknown) => this.#onError("worker", error));
    void this.#worker.run().catch((error: unknown) => this.#onError("worker", error));
  }

  async stop(graceMs: number): Promise<void> {
    const worker = this.#worker;
    if (worker === undefined) return;
    const closed = worker.close();
    await Promise.race([closed, sleep(systemClock, graceMs)]);
    this.#abort.abort(new Error("the process is stopping"));
    await Promise.allSettled([...this.#running]);
    // The worker's last job moves may wait on a Redis that is gone; do not wait for ever.
    await Promise.race([closed, sleep(systemClock, 2_000)]).catch(() => undefined);
  }

  async close(): Promise<void> {
    await Promise.allSettled([
      this.#worker?.close(true),
      this.#queue.close(),
      this.#workerQueue.close(),
    ]);
    for (const client of [this.#producer, this.#patient])
      if (client.status !== "end") client.disconnect();
  }

  #track<T>(run: Promise<T>): Promise<T> {
    this.#running.add(run);
    void run.finally(() => this.#running.delete(run)).catch(() => undefined);
    return run;
  }

  async #process(job: Job<JobData>, token: string | undefined): Promise<void> {
    const { updateId, lane } = job.data;
    const laneKey = this.#laneKey(lane);
    const member = String(updateId);
    try {
      await this.#patient
        .multi()
        .zadd(laneKey, "NX", updateId, member)
        .pexpire(laneKey, LANE_TTL_MS)
        .exec();
      for (;;) {
        const [head] = await this.#patient.zrange(laneKey, "0", "0");
        if (head === undefined || head === member) break;
        if ((await this.#workerQueue.getJob(jobIdOf(Number(head)))) === undefined) {
          await this.#patient.zrem(laneKey, head); // its job is gone: a stale entry
          continue;
        }
        const held = await this.#patient.pttl(this.#holdKey(lane));
        await this.#delay(job, token, Date.now() + Math.max(held, LANE_RECHECK_MS));
      }
      const effects = await this.#effects(updateId);
      let outcome: JobOutcome;
      try {
        outcome = await this.#processor!({
          updateId,
          update: job.data.update,
          lane,
          receivedAt: job.data.receivedAt,
          attempt: effects.runs,
          effects: effects.log,
          signal: this.#abort.signal,
        });
      } catch (error) {
        this.#onError("process", error);
        outcome = { kind: "retry", at: Date.now() + UNEXPECTED_FAILURE_RETRY_MS };
      }
      if (outcome.kind === "retry") {
        const wait = outcome.at - Date.now();
        if (wait > 0) await this.#patient.set(this.#holdKey(lane), "1", "PX", Math.ceil(wait));
        await this.#delay(job, token, outcome.at);
      }
      await this.#patient.zrem(laneKey, member);
      await this.#wakeNext(laneKey);
    } catch (error) {
      if (error instanceof DelayedError) throw error;
      // Redis failed mid-way: leave the job to BullMQ's retry (or stall recovery); nothing is lost.
      this.#onError("process", error);
      throw error;
    }
  }

  /** Moves the job back to "delayed" until `at` and ends this run of it. */
  async #delay(job: Job<JobData>, token: string | undefined, at: number): Promise<never> {
    await job.moveToDelayed(Math.max(at, Date.now()), token);
    throw new DelayedError();
  }

  /** Promotes the lane's next job if it is sleeping, so it runs now rather than at its recheck. */
  async #wakeNext(laneKey: string): Promise<void> {
    const [next] = await this.#patient.zrange(laneKey, "0", "0");
    if (next === undefined) return;
    const job = await this.#workerQueue.getJob(jobIdOf(Number(next)));
    if (job !== undefined && (await job.isDelayed())) await job.promote().catch(() => undefined);
  }

  /** This run's number and the calls earlier runs made. */
  async #effects(updateId: number): Promise<{ runs: number; log: EffectLog }> {
    const key = `${this.#prefix}effects:${updateId}`;
    const replies = await this.#patient
      .multi()
      .hincrby(key, "runs", 1)
      .pexpire(key, UPDATE_ID_TTL_MS)
      .hkeys(key)
      .exec();
    const runs = Number(replies?.[0]?.[1] ?? 1);
    const fields = (replies?.[2]?.[1] as string[] | undefined) ?? [];
    const made = new Set(fields.filter((field) => /^-?\d+$/.test(field)).map(Number));
    return {
      runs,
      log: {
        has: (seq) => made.has(seq),
        record: async (seq, method) => {
          await this.#patient.hset(key, String(seq), method);
          made.add(seq);
        },
      },
    };
  }

  #laneKey(lane: string): string {
    return `${this.#prefix}lane:${lane}`;
  }

  #holdKey(lane: string): string {
    return `${this.#prefix}hold:${lane}`;
  }
}

/** Runs `work`, rejecting if it takes longer than `ms` (the work itself may still finish). */
async function withDeadline<T>(ms: number, work: () => Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work(),
      new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
