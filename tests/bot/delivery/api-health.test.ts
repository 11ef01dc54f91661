import { describe, expect, it } from "vitest";
import { ApiHealth } from "../../../src/bot/delivery/api-health.js";
import { RetryLaterError } from "../../../src/bot/delivery/errors.js";
import { JumpClock } from "../../support/jump-clock.js";

describe("ApiHealth", () => {
  it("backs off 1, 2, 4 ... s per failed probe, at most a minute, and reopens on a success", () => {
    const clock = new JumpClock();
    const health = new ApiHealth({ clock, random: () => 0.5 });
    const waits: number[] = [];
    for (let i = 0; i < 9; i++) {
      const start = clock.now();
      waits.push(Math.round((health.failed() - start) / 1000));
      expect(() => health.check()).toThrow(RetryLaterError);
      clock.jump(61_000);
    }
    // 0.5 s of spread on top of each back-off (jitter 0.8-1.2 x, here 1 x).
    expect(waits).toEqual([2, 3, 5, 9, 17, 33, 61, 61, 61]);
    health.succeeded();
    expect(() => health.check()).not.toThrow();
  });

  it("does not lengthen the back-off for calls that were already in flight when the outage began", () => {
    const clock = new JumpClock();
    const health = new ApiHealth({ clock, random: () => 0 });
    const first = health.failed();
    for (let i = 0; i < 10; i++) expect(health.failed()).toBe(first);
  });
});
