import { afterEach, describe, expect, it, vi } from "vitest";
import { scheduleRetention } from "../../src/store/retention.js";

describe("scheduleRetention", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it("prunes at once and then every interval, logging failures and carrying on", async () => {
    vi.useFakeTimers();
    const prune = vi
      .fn()
      .mockResolvedValueOnce({ removed: 3 })
      .mockRejectedValueOnce(new Error("disk full"))
      .mockResolvedValue({ removed: 0 });
    const info = vi.fn();
    const warn = vi.fn();
    const schedule = scheduleRetention(
      { prune },
      { logger: { info, warn, error: vi.fn() }, intervalMs: 1_000 },
    );
    await schedule.firstPrune;
    expect(prune).toHaveBeenCalledTimes(1);
    expect(info).toHaveBeenCalledWith({ removed: 3 }, "pruned records past retention");
    await vi.advanceTimersByTimeAsync(1_000);
    expect(prune).toHaveBeenCalledTimes(2);
    expect(warn).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(prune).toHaveBeenCalledTimes(3);
    await schedule.stop();
    await vi.advanceTimersByTimeAsync(5_000);
    expect(prune).toHaveBeenCalledTimes(3);
  });

  it("does not keep the process alive", () => {
    const setInterval = vi.spyOn(globalThis, "setInterval");
    const schedule = scheduleRetention(
      { prune: async () => ({ removed: 0 }) },
      { logger: { info: vi.fn(), warn: vi.fn(), error: vi.fn() } },
    );
    const timer = setInterval.mock.results[0]!.value as NodeJS.Timeout;
    expect(timer.hasRef()).toBe(false);
    expect(setInterval.mock.calls[0]![1]).toBe(60 * 60 * 1000);
    void schedule.stop();
    setInterval.mockRestore();
  });
});
