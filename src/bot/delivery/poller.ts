/**
 * Long polling that only queues: fetches updates with `getUpdates` and hands each to the durable
 * queue; the next `getUpdates` (whose offset confirms the batch to Telegram) is asked only once
 * every update of the batch is queued. When the queue cannot take an update, the poller waits
 * and tries again, never moving the offset past it, so Telegram keeps it. On stop, the offset of
 * what was queued is confirmed; what was not stays with Telegram for the next start.
 *
 * (grammY's own `bot.start()` confirms an update once its handler has *tried* it, even if it
 * failed: right for handling in the poller, wrong for handing over to a queue.)
 */
import { type Api, GrammyError, HttpError } from "grammy";
import type { Update } from "grammy/types";
import type { CauseLog } from "../../ops/cause-log.js";
import { sleep, systemClock } from "../../util/clock.js";

/** Options of {@link UpdatePoller}. */
export interface UpdatePollerOptions {
  /** The API for getUpdates and deleteWebhook (with retries of its own). */
  readonly api: Api;
  /** Queues one update; rejects when the queue cannot take it. */
  readonly enqueue: (update: Update) => Promise<unknown>;
  readonly allowedUpdates: readonly string[];
  readonly causes: CauseLog;
  /** Long-poll timeout asked of Telegram, seconds. Default 25. */
  readonly timeoutSeconds?: number;
}

/** Telegram refuses the poll for good (bad token, another poller, a webhook set meanwhile). */
export class PollingStoppedError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PollingStoppedError";
  }
}

export class UpdatePoller {
  readonly #options: UpdatePollerOptions;
  readonly #abort = new AbortController();
  /** The next update id to ask for: everything below it is queued. */
  #offset = 0;
  #loop: Promise<void> | undefined;

  constructor(options: UpdatePollerOptions) {
    this.#options = options;
  }

  /** Deletes any webhook, asks for the first batch, then polls in the background. */
  async start(): Promise<{ stopped: Promise<void> }> {
    await this.#options.api.deleteWebhook();
    // A short first poll: a bad token or a conflict shows at start, not 25 s later.
    const first = await this.#poll(0);
    this.#loop = this.#run(first);
    return { stopped: this.#loop };
  }

  /** Stops polling and confirms the offset of what was queued. */
  async stop(): Promise<void> {
    this.#abort.abort(new Error("stopping"));
    await this.#loop?.catch(() => undefined);
    if (this.#offset > 0) {
      await this.#options.api
        .getUpdates({ offset: this.#offset, limit: 1, timeout: 0 })
        .catch(() => undefined);
    }
  }

  async #run(first: Update[]): Promise<void> {
    let batch = first;
    let failures = 0;
    for (;;) {
      for (const update of batch) {
        if (!(await this.#queue(update))) return; // stopping: this one stays with Telegram
        this.#offset = update.update_id + 1;
      }
      if (this.#abort.signal.aborted) return;
      try {
        batch = await this.#poll(this.#options.timeoutSeconds ?? 25);
        failures = 0;
      } catch (error) {
        if (this.#abort.signal.aborted) return;
        if (isFatal(error))
          throw new PollingStoppedError(
            `Telegram stopped long polling: ${(error as GrammyError).error_code} ${(error as GrammyError).description}`,
            { cause: error },
          );
        failures += 1;
        this.#options.causes.report("warn", "polling failed", "getUpdates failed; polling again", {
          err: {
            type: error instanceof Error ? error.name : typeof error,
            code: error instanceof GrammyError ? error.error_code : undefined,
          },
        });
        batch = [];
        await sleep(
          systemClock,
          Math.min(30_000, 1_000 * 2 ** (failures - 1)),
          this.#abort.signal,
        ).catch(() => undefined);
      }
    }
  }

  #poll(timeoutSeconds: number): Promise<Update[]> {
    return this.#options.api.getUpdates(
      {
        offset: this.#offset,
        timeout: timeoutSeconds,
        allowed_updates: [...this.#options.allowedUpdates] as never,
      },
      // grammY types signals with its own shim of AbortSignal; Node's is what it uses at run time.
      this.#abort.signal as Parameters<Api["getUpdates"]>[1],
    );
  }

  /** Queues the update, waiting and retrying while the queue is unavailable; false if stopped first. */
  async #queue(update: Update): Promise<boolean> {
    for (let attempt = 1; ; attempt++) {
      if (this.#abort.signal.aborted) return false;
      try {
        await this.#options.enqueue(update);
        return true;
      } catch (error) {
        this.#options.causes.report(
          "warn",
          "polling queue unavailable",
          "could not queue a polled update; keeping it at Telegram and trying again",
          { err: { message: error instanceof Error ? error.message : String(error) } },
        );
        await sleep(
          systemClock,
          Math.min(10_000, 250 * 2 ** (attempt - 1)),
          this.#abort.signal,
        ).catch(() => undefined);
      }
    }
  }
}

/** Errors after which polling cannot go on: a bad token, or another consumer of the updates. */
function isFatal(error: unknown): boolean {
  if (error instanceof HttpError) return false;
  return error instanceof GrammyError && [401, 404, 409].includes(error.error_code);
}
