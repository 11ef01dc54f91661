/**
 * A clock that runs in real time but can be jumped ahead: `jump(100_000)` makes 100 seconds
 * pass at once, firing every timer that falls due, so a 100-second `retry_after` is honoured
 * for real (nothing runs before it is over) without a test taking 100 seconds.
 */
import type { Clock } from "../../src/util/clock.js";

interface Timer {
  readonly at: number;
  readonly callback: () => void;
  handle?: NodeJS.Timeout;
}

export class JumpClock implements Clock {
  #offset = 0;
  readonly #timers = new Set<Timer>();

  now(): number {
    return Date.now() + this.#offset;
  }

  setTimer(callback: () => void, ms: number): () => void {
    const timer: Timer = { at: this.now() + Math.max(0, ms), callback };
    this.#timers.add(timer);
    this.#arm(timer);
    return () => {
      clearTimeout(timer.handle);
      this.#timers.delete(timer);
    };
  }

  /** Moves time on by `ms` at once. */
  jump(ms: number): void {
    this.#offset += ms;
    for (const timer of this.#timers) this.#arm(timer);
  }

  #arm(timer: Timer): void {
    clearTimeout(timer.handle);
    timer.handle = setTimeout(
      () => {
        this.#timers.delete(timer);
        timer.callback();
      },
      Math.max(0, timer.at - this.now()),
    );
  }
}
