/**
 * Plays Telegram's side of webhooks for fault tests: POSTs an update to one or more service
 * instances and, like Telegram, keeps delivering it to an instance until that instance answers
 * 200 (a 503, a reset or a refused connection means "not taken": deliver again shortly).
 * Every POST's latency and outcome is kept, for the p99 and the count of resets.
 */
import type { Update } from "grammy/types";
import { WEBHOOK_SECRET } from "../e2e/bot-harness.js";

/** One POST and how it ended. */
export interface DeliveryAttempt {
  readonly ms: number;
  /** HTTP status, or the network error's code (ECONNRESET, ECONNREFUSED, ...). */
  readonly outcome: number | string;
  /** The response said `Connection: close`. */
  readonly connectionClose: boolean;
}

export class TelegramDeliverer {
  readonly attempts: DeliveryAttempt[] = [];
  #stopped = false;

  constructor(
    /** Base URL of each instance, by name. */
    readonly targets: Map<string, string>,
    /** Longest a delivery keeps being retried, ms. */
    readonly giveUpAfterMs = 60_000,
  ) {}

  /**
   * Delivers `update` to each named instance (all of them by default: a duplicate delivery),
   * concurrently, each until it answers 200. Resolves once every one did.
   */
  async deliver(update: Update, to: readonly string[] = [...this.targets.keys()]): Promise<void> {
    await Promise.all(to.map((name) => this.#deliverTo(name, update)));
  }

  /** Stops retrying (pending deliveries end without a 200). */
  stop(): void {
    this.#stopped = true;
  }

  /** The p-th percentile of POST latencies, ms. */
  percentile(p: number): number {
    const sorted = this.attempts.map((a) => a.ms).sort((a, b) => a - b);
    if (sorted.length === 0) return 0;
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
  }

  /** How many POSTs ended each way (status or error code). */
  outcomes(): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const { outcome } of this.attempts) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return counts;
  }

  /** Delivers to the instance's current address (a restarted instance may have a new port). */
  async #deliverTo(name: string, update: Update): Promise<void> {
    const deadline = Date.now() + this.giveUpAfterMs;
    for (let attempt = 1; !this.#stopped && Date.now() < deadline; attempt++) {
      const baseUrl = this.targets.get(name)!;
      const started = performance.now();
      try {
        const response = await fetch(`${baseUrl}/webhook`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "x-telegram-bot-api-secret-token": WEBHOOK_SECRET,
          },
          body: JSON.stringify(update),
          signal: AbortSignal.timeout(10_000),
        });
        await response.body?.cancel();
        this.attempts.push({
          ms: performance.now() - started,
          outcome: response.status,
          connectionClose: response.headers.get("connection") === "close",
        });
        if (response.status === 200) return;
      } catch (error) {
        const cause = (error as { cause?: { code?: string } }).cause;
        this.attempts.push({
          ms: performance.now() - started,
          outcome: cause?.code ?? (error as Error).name,
          connectionClose: false,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 100 * attempt)));
    }
  }
}
