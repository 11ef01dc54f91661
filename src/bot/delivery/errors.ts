/** Errors that steer a queued update's delivery rather than report a failure. */

/**
 * The update cannot be finished now: its job goes back to the queue and runs again no earlier
 * than `at` (a `retry_after`, a back-off, a pacing slot, or now when the process is stopping).
 * Thrown by the delivery transformer through the handler, and rethrown by the error boundary.
 */
export class RetryLaterError extends Error {
  constructor(
    /** Earliest time to run the update again, ms since the epoch. */
    readonly at: number,
    /** Why, in a few fixed words (no ids, no text). */
    readonly reason: string,
  ) {
    super(`delivery postponed: ${reason}`);
    this.name = "RetryLaterError";
  }
}
