/**
 * Time as the delivery queue sees it: the current time and one-shot timers. Production uses
 * {@link systemClock}; tests pass a clock they move by hand, so a 100-second `retry_after` is
 * honoured exactly without taking 100 seconds.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Calls `callback` once after `ms`; the returned function cancels it. Never keeps the process alive. */
  setTimer(callback: () => void, ms: number): () => void;
}

/** The real clock (`Date.now`, unref'd `setTimeout`). */
export const systemClock: Clock = {
  now: Date.now,
  setTimer(callback, ms) {
    const timer = setTimeout(callback, Math.max(0, ms));
    timer.unref();
    return () => clearTimeout(timer);
  },
};

/**
 * Waits `ms` on `clock`; rejects with the signal's reason as soon as `signal` aborts (shutdown),
 * so a wait never holds a stopping process.
 */
export function sleep(clock: Clock, ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(signal.reason);
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      cancel();
      reject(signal!.reason);
    };
    const cancel = clock.setTimer(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
