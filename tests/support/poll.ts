/**
 * Polls `condition` every 25 ms until it returns a value other than undefined/false. Throws the
 * error `failure` gives (with context the caller knows) when `stop` says so or `timeoutMs` passes.
 */
export async function pollUntil<T>(
  condition: () => T | undefined | false,
  options: {
    readonly timeoutMs: number;
    /** Why the wait failed: `"timeout"`, or a reason from `stop`. */
    readonly failure: (reason: string) => Error;
    /** Ends the wait early with a reason (a process that exited). */
    readonly stop?: () => string | undefined;
  },
): Promise<T> {
  const deadline = Date.now() + options.timeoutMs;
  for (;;) {
    const value = condition();
    if (value !== undefined && value !== false) return value;
    const stopped = options.stop?.();
    if (stopped !== undefined) throw options.failure(stopped);
    if (Date.now() > deadline) throw options.failure("timeout");
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
