/**
 * What every update queue must do (src/store/queue/types.ts), run against SQLite and Redis
 * (BullMQ): keyed by update id, durable across a restart, lanes one at a time in order, a lane's
 * wait holding only that lane, effects remembered between runs, and a stop that hands unfinished
 * jobs back.
 */
import { afterEach, expect, it } from "vitest";
import type {
  JobOutcome,
  JobProcessor,
  UpdateJob,
  UpdateQueue,
} from "../../../src/store/queue/types.js";

/** A backend under test: `open()` opens (or re-opens) the same storage. */
export interface QueueBackend {
  open(): Promise<UpdateQueue> | UpdateQueue;
  cleanup?(): Promise<void>;
}

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(10);
  }
}

export function defineQueueContract(backend: () => QueueBackend): void {
  const opened: UpdateQueue[] = [];
  let current: QueueBackend | undefined;
  const open = async () => {
    current ??= backend();
    const queue = await current.open();
    opened.push(queue);
    return queue;
  };
  afterEach(async () => {
    for (const queue of opened.splice(0)) {
      await queue.stop(0);
      await queue.close();
    }
    await current?.cleanup?.();
    current = undefined;
  });

  /** A processor that records each run and decides with `decide`. */
  function recorder(decide: (job: UpdateJob) => Promise<JobOutcome> | JobOutcome = () => DONE) {
    const runs: { id: number; attempt: number; lane: string; at: number }[] = [];
    const processor: JobProcessor = async (job) => {
      runs.push({ id: job.updateId, attempt: job.attempt, lane: job.lane, at: Date.now() });
      return decide(job);
    };
    return { runs, processor };
  }
  const DONE: JobOutcome = { kind: "done" };
  const input = (updateId: number, lane = `chat:${updateId}`) => ({
    updateId,
    lane,
    update: { update_id: updateId, message: { text: `q${updateId}` } },
  });

  it("stores each update once by its id: a redelivery, before or after it is done, is a duplicate", async () => {
    const queue = await open();
    expect(await queue.enqueue(input(1))).toBe("queued");
    expect(await queue.enqueue(input(1))).toBe("duplicate");
    const { runs, processor } = recorder();
    queue.start(processor, { concurrency: 2 });
    await until(() => runs.length === 1, "the run");
    await wait(100);
    expect(await queue.enqueue(input(1))).toBe("duplicate");
    await wait(200);
    expect(runs.map((r) => r.id)).toEqual([1]);
  });

  it("hands the processor the update, its lane and attempt 1", async () => {
    const queue = await open();
    let seen: UpdateJob | undefined;
    queue.start(
      async (job) => {
        seen = job;
        return DONE;
      },
      { concurrency: 1 },
    );
    const before = Date.now();
    await queue.enqueue(input(7, "chat:42"));
    await until(() => seen !== undefined, "the run");
    expect(seen).toMatchObject({
      updateId: 7,
      lane: "chat:42",
      attempt: 1,
      update: { update_id: 7, message: { text: "q7" } },
    });
    expect(seen!.receivedAt).toBeGreaterThanOrEqual(before - 1_000);
  });

  it("runs a lane's jobs one at a time in update order; a lane waiting out a retry holds only itself", async () => {
    const queue = await open();
    let retried = false;
    const { runs, processor } = recorder(async (job) => {
      if (job.updateId === 10 && !retried) {
        retried = true;
        return { kind: "retry", at: Date.now() + 600 };
      }
      await wait(20);
      return DONE;
    });
    for (const id of [10, 11, 12]) await queue.enqueue(input(id, "chat:A"));
    await queue.enqueue(input(20, "chat:B"));
    queue.start(processor, { concurrency: 4 });
    await until(() => runs.length === 5, "every run");
    await wait(200);
    expect(runs.filter((r) => r.lane === "chat:A").map((r) => `${r.id}#${r.attempt}`)).toEqual([
      "10#1",
      "10#2",
      "11#1",
      "12#1",
    ]);
    const retry = runs.find((r) => r.id === 10 && r.attempt === 2)!;
    const first = runs.find((r) => r.id === 10 && r.attempt === 1)!;
    expect(retry.at - first.at).toBeGreaterThanOrEqual(550); // not before its time
    // Lane B did not wait for lane A's retry.
    expect(runs.find((r) => r.id === 20)!.at).toBeLessThan(retry.at);
  });

  it("remembers the calls a run made, for the next run of the same update", async () => {
    const queue = await open();
    const seen: boolean[][] = [];
    queue.start(
      async (job) => {
        seen.push([job.effects.has(0), job.effects.has(1)]);
        if (!job.effects.has(0)) {
          await job.effects.record(0, "sendMessage");
          return { kind: "retry", at: Date.now() + 50 };
        }
        return DONE;
      },
      { concurrency: 1 },
    );
    await queue.enqueue(input(30));
    await until(() => seen.length === 2, "the second run");
    expect(seen).toEqual([
      [false, false],
      [true, false],
    ]);
  });

  it("stops: an unfinished job is handed back and runs again after a restart; so does one queued while stopped", async () => {
    const first = await open();
    let aborted = false;
    first.start(
      async (job) => {
        await new Promise<void>((resolve) => job.signal.addEventListener("abort", () => resolve()));
        aborted = true;
        return { kind: "retry", at: Date.now() };
      },
      { concurrency: 1 },
    );
    await first.enqueue(input(40));
    await wait(300);
    const stopping = Date.now();
    await first.stop(200);
    expect(aborted).toBe(true);
    expect(Date.now() - stopping).toBeLessThan(5_000);
    await first.close();
    opened.splice(opened.indexOf(first), 1);

    const second = await open();
    expect(await second.enqueue(input(41))).toBe("queued");
    const { runs, processor } = recorder();
    second.start(processor, { concurrency: 2 });
    await until(() => runs.length === 2, "both runs after the restart", 15_000);
    expect(runs.map((r) => `${r.id}#${r.attempt}`).sort()).toEqual(["40#2", "41#1"]);
  });
}
