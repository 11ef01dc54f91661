import { describe, expect, it } from "vitest";
import { RetryLaterError } from "../../../src/bot/delivery/errors.js";
import { SendPacer } from "../../../src/bot/delivery/pacer.js";
import { JumpClock } from "../../support/jump-clock.js";

const flush = () => new Promise((resolve) => setTimeout(resolve, 5));

/** Calls `admit` for each chat at the same instant; tracks which were let through or sent back. */
function admitAtOnce(pacer: SendPacer, chatIds: number[], method = "sendMessage") {
  const state = chatIds.map(() => ({ through: false, retryAt: undefined as number | undefined }));
  chatIds.forEach((chatId, i) => {
    pacer.admit(method, { chat_id: chatId }).then(
      () => (state[i]!.through = true),
      (error: unknown) => {
        if (!(error instanceof RetryLaterError)) throw error;
        state[i]!.retryAt = error.at;
      },
    );
  });
  return {
    through: () => state.filter((s) => s.through).length,
    sentBack: () => state.filter((s) => s.retryAt !== undefined).map((s) => s.retryAt!),
  };
}

const generous = { perSecond: 1000, chatPerSecond: 1000, chatBurst: 1000 };

describe("SendPacer", () => {
  it("lets one chat burst 3 messages, then about one a second", async () => {
    const clock = new JumpClock();
    const pacer = new SendPacer({ clock, perSecond: 1000, chatPerSecond: 1, chatBurst: 3 });
    const run = admitAtOnce(pacer, [1, 1, 1, 1, 1]);
    await flush();
    expect(run.through()).toBe(3);
    clock.jump(1_000);
    await flush();
    expect(run.through()).toBe(4);
    clock.jump(1_000);
    await flush();
    expect(run.through()).toBe(5);
  });

  it("sends a group's 21st message of a minute back to the queue, with the time its slot opens", async () => {
    const clock = new JumpClock();
    const start = clock.now();
    const pacer = new SendPacer({ clock, ...generous });
    const run = admitAtOnce(
      pacer,
      Array.from({ length: 21 }, () => -100),
    );
    await flush();
    expect(run.through()).toBe(20);
    const [retryAt] = run.sentBack();
    expect(retryAt! - start).toBeGreaterThanOrEqual(60_000);
    expect(retryAt! - start).toBeLessThan(62_000);
    // Another group is not affected.
    const other = admitAtOnce(pacer, [-200]);
    await flush();
    expect(other.through()).toBe(1);
  });

  it("keeps the whole bot under its rate: short waits in process, longer ones back to the queue", async () => {
    const clock = new JumpClock();
    const pacer = new SendPacer({
      clock,
      perSecond: 10,
      chatPerSecond: 1000,
      chatBurst: 1000,
      maxWaitMs: 500,
    });
    const chats = Array.from({ length: 20 }, (_, i) => i + 1);
    const run = admitAtOnce(pacer, chats);
    await flush();
    expect(run.through()).toBe(10); // the burst
    clock.jump(500);
    await flush();
    expect(run.through()).toBe(15); // 100 ms apart, within the half-second wait
    expect(run.sentBack()).toHaveLength(5); // the rest would wait longer: back to the queue
  });

  it("does not pace what is not a message (query answers)", async () => {
    const clock = new JumpClock();
    const pacer = new SendPacer({ clock, perSecond: 1, chatPerSecond: 1, chatBurst: 1 });
    const run = admitAtOnce(
      pacer,
      Array.from({ length: 50 }, () => 1),
      "answerCallbackQuery",
    );
    await flush();
    expect(run.through()).toBe(50);
  });

  it("ends a wait at shutdown by handing the update back for now", async () => {
    const clock = new JumpClock();
    const pacer = new SendPacer({ clock, perSecond: 1000, chatPerSecond: 1, chatBurst: 1 });
    await pacer.admit("sendMessage", { chat_id: 9 });
    const stop = new AbortController();
    const waiting = pacer.admit("sendMessage", { chat_id: 9 }, stop.signal);
    stop.abort();
    await expect(waiting).rejects.toBeInstanceOf(RetryLaterError);
  });
});
