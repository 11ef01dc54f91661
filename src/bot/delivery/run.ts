/**
 * One run of the bot's handler for a queued update, and the API transformer through which every
 * Bot API call of that run goes. The transformer is what makes an at-least-once queue answer
 * exactly once:
 *
 * - **Effect log.** The handler's calls are numbered in the order it makes them. Once Telegram
 *   accepts call number n, (update id, n) is recorded; a later run of the same update (after a
 *   `retry_after`, an outage, a crash or a restart) replays the handler and skips every recorded
 *   call, answering it with `true` instead. Handlers therefore must not use the result of a
 *   sending call (none does). What remains is the moment between Telegram accepting a message
 *   and its record: a crash exactly there sends that one message again on the rerun.
 * - **Retry, never drop.** A 429 postpones the update by its `retry_after`, whatever its length;
 *   a 5xx, a network error or a timeout marks the API down (see `api-health.ts`) and postpones it
 *   by the back-off. Either way {@link RetryLaterError} unwinds the handler and the job is
 *   rescheduled; nothing was sent twice, nothing is lost.
 * - **Give up only when Telegram says never.** Any other refusal (403 blocked, 400 chat not
 *   found, an invalid message) reaches the handler as grammY's `GrammyError`; the handler may
 *   handle it (an edit falling back to a new message), else the error boundary logs it once per
 *   cause and the update is done.
 * - **Answers that expire.** Telegram forgets a callback or inline query after a few seconds; an
 *   answer to one that is older than {@link ANSWER_EXPIRY_MS} (an update that waited out an
 *   outage) is skipped rather than sent to be refused, and the rest of the handler (the message
 *   a button asked for) still goes out.
 */
import type { Transformer } from "grammy";
import type { Metrics } from "../../ops/metrics.js";
import type { CauseLog } from "../../ops/cause-log.js";
import type { UpdateJob } from "../../store/queue/types.js";
import type { Clock } from "../../util/clock.js";
import type { ApiHealth } from "./api-health.js";
import { RetryLaterError } from "./errors.js";
import type { SendPacer } from "./pacer.js";

/** Answers Telegram stops accepting a few seconds after the query. */
export const EXPIRING_METHODS: ReadonlySet<string> = new Set([
  "answerCallbackQuery",
  "answerInlineQuery",
]);
/** Age of an update after which its query answers are skipped, ms. */
export const ANSWER_EXPIRY_MS = 10_000;
/** How long one Bot API call may take before it counts as failed (and is retried), default ms. */
export const DEFAULT_API_TIMEOUT_MS = 15_000;
/** Telegram's 429 without `retry_after` (it always sends one, but just in case), seconds. */
const DEFAULT_RETRY_AFTER_SECONDS = 5;

/** What every run shares. */
export interface DeliveryDeps {
  readonly clock: Clock;
  readonly pacer: SendPacer;
  readonly health: ApiHealth;
  readonly causes: CauseLog;
  /** Longest a single Bot API call may take, ms. */
  readonly apiTimeoutMs: number;
  readonly metrics?: Metrics;
}

/**
 * The effect-log position that marks "this update's counting is done" (see
 * {@link DeliveryRun.replay}); calls are numbered from 0.
 */
export const COUNTED_SEQ = -1;

/** A successful answer without a result worth keeping (a skipped or replayed call). */
const SKIPPED = { ok: true, result: true } as const;

export class DeliveryRun {
  #seq = 0;
  #counted = false;
  /**
   * True when an earlier run of this update got as far as its first Bot API call: what a handler
   * counts (statistics, the rate limit) comes before that, so it was counted then.
   */
  readonly replay: boolean;

  constructor(
    readonly job: UpdateJob,
    readonly deps: DeliveryDeps,
  ) {
    this.replay = job.effects.has(COUNTED_SEQ);
  }

  /** The transformer to install on the update's context (`ctx.api.config.use`). */
  readonly transformer: Transformer = async (prev, method, payload, signal) => {
    const seq = this.#seq++;
    const { job, deps } = this;
    if (!this.#counted) {
      // The handler has counted what it counts: a rerun must not count it again.
      this.#counted = true;
      if (!job.effects.has(COUNTED_SEQ)) await this.#record(COUNTED_SEQ, "counted");
    }
    if (job.effects.has(seq)) return SKIPPED as never;
    if (EXPIRING_METHODS.has(method) && deps.clock.now() - job.receivedAt > ANSWER_EXPIRY_MS)
      return this.#expired(seq, method);
    if (job.signal.aborted) throw new RetryLaterError(deps.clock.now(), "stopping");
    deps.health.check();
    await deps.pacer.admit(method, payload, job.signal);

    const timeout = AbortSignal.timeout(deps.apiTimeoutMs);
    let response;
    try {
      // grammY types signals with its own shim of AbortSignal; Node's is what it gets at run time.
      const combined =
        signal === undefined ? timeout : AbortSignal.any([signal as AbortSignal, timeout]);
      response = await prev(method, payload, combined as Parameters<typeof prev>[2]);
    } catch (error) {
      const at = deps.health.failed();
      const kind = timeout.aborted ? "timed out" : "unreachable";
      deps.causes.report("warn", `bot-api ${kind}`, `Bot API ${kind}; replies wait and retry`, {
        method,
        err: { type: error instanceof Error ? error.name : typeof error },
        retry_in_ms: at - deps.clock.now(),
      });
      throw new RetryLaterError(at, `api ${kind}`);
    }
    if (response.ok) {
      deps.health.succeeded();
      await this.#record(seq, method);
      return response;
    }
    const code = response.error_code;
    if (code === 429) {
      deps.health.succeeded(); // Telegram answered: it is up, this chat (or the bot) must wait
      const seconds = response.parameters?.retry_after ?? DEFAULT_RETRY_AFTER_SECONDS;
      deps.causes.report(
        "warn",
        `bot-api 429 ${seconds}`,
        "Bot API rate limit (429): replies wait retry_after",
        { method, retry_after: seconds },
      );
      throw new RetryLaterError(deps.clock.now() + seconds * 1000, "429");
    }
    if (code >= 500) {
      const at = deps.health.failed();
      deps.causes.report(
        "warn",
        `bot-api ${code}`,
        "Bot API server error; replies wait and retry",
        {
          method,
          error_code: code,
          retry_in_ms: at - deps.clock.now(),
        },
      );
      throw new RetryLaterError(at, `api ${code}`);
    }
    deps.health.succeeded();
    if (
      EXPIRING_METHODS.has(method) &&
      code === 400 &&
      /query is too old|query id is invalid/i.test(response.description)
    )
      return this.#expired(seq, method);
    // A refusal for good: grammY turns it into a GrammyError for the handler.
    return response;
  };

  async #expired(seq: number, method: string) {
    this.deps.causes.report(
      "info",
      `expired ${method}`,
      "query answer skipped: the query expired at Telegram while the update waited",
      { method },
    );
    this.deps.metrics?.telegramQueue.inc({ event: "expired" });
    await this.#record(seq, method);
    return SKIPPED as never;
  }

  /** Records call `seq`; a failure to record is logged (a rerun would repeat this one call). */
  async #record(seq: number, method: string): Promise<void> {
    try {
      await this.job.effects.record(seq, method);
    } catch (error) {
      this.deps.causes.report(
        "error",
        "effect record failed",
        "could not record a sent reply in the effect log; a rerun of this update would send it again",
        { method, err: { type: error instanceof Error ? error.name : typeof error } },
      );
    }
  }
}

/**
 * The runs in progress, by update object: the bot's first middleware finds its update's run
 * here and installs the run's transformer on the context's API.
 */
export class DeliveryRuns {
  readonly #runs = new WeakMap<object, DeliveryRun>();

  set(update: object, run: DeliveryRun): void {
    this.#runs.set(update, run);
  }

  get(update: object): DeliveryRun | undefined {
    return this.#runs.get(update);
  }

  delete(update: object): void {
    this.#runs.delete(update);
  }
}
