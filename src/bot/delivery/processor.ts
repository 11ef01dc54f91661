/**
 * The queue's processor for the bot: runs the bot's handler for one queued update (through
 * `bot.handleUpdate`, with the update's {@link DeliveryRun} registered so its transformer sees
 * every call) and tells the queue what to do with the job: done, or again at a given time.
 */
import { BotError } from "grammy";
import type { Update } from "grammy/types";
import type { JobOutcome, JobProcessor } from "../../store/queue/types.js";
import type { FaqBot } from "../index.js";
import { RetryLaterError } from "./errors.js";
import { type DeliveryDeps, DeliveryRun, type DeliveryRuns } from "./run.js";

/** Creates the processor; `runs` must be the registry the bot was created with. */
export function createUpdateProcessor(
  bot: FaqBot,
  runs: DeliveryRuns,
  deps: DeliveryDeps,
): JobProcessor {
  return async (job): Promise<JobOutcome> => {
    const update = job.update as Update;
    runs.set(update, new DeliveryRun(job, deps));
    try {
      await bot.handleUpdate(update);
      deps.metrics?.telegramQueue.inc({ event: "done" });
      return { kind: "done" };
    } catch (error) {
      const cause = error instanceof BotError ? error.error : error;
      if (cause instanceof RetryLaterError) {
        deps.metrics?.telegramQueue.inc({ event: "retried" });
        return { kind: "retry", at: cause.at };
      }
      // The error boundary handles every other error; this is a failure before it (a bug).
      deps.causes.report("error", "update processing failed", "update processing failed", {
        update_id: job.updateId,
        err: { type: cause instanceof Error ? cause.name : typeof cause },
      });
      return { kind: "done" };
    } finally {
      runs.delete(update);
    }
  };
}
