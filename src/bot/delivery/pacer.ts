/**
 * Keeps outgoing messages within Telegram's limits, so the bot is not answered 429 in the first
 * place: about 30 messages a second for the whole bot, 20 a minute in one group, and about one a
 * second in one chat (short bursts allowed). A message waits for its slot when the wait is short;
 * when it is long (a busy group), the update goes back to the queue until the slot, so no worker
 * sleeps for a minute and nothing is dropped. 429s that still happen (other instances share the
 * bot's budget; Telegram's own accounting differs) are honoured by the delivery transformer.
 *
 * The limits are this process's: with N instances, set `TELEGRAM_MESSAGES_PER_SECOND` to about
 * 30 / N.
 */
import { type Clock, sleep } from "../../util/clock.js";
import { RetryLaterError } from "./errors.js";

/** Methods that put a message into a chat (or change one): what the limits count. */
export const MESSAGE_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendAnimation",
  "sendSticker",
  "sendMediaGroup",
  "copyMessage",
  "forwardMessage",
  "editMessageText",
  "editMessageReplyMarkup",
]);

/** Options of {@link SendPacer}. */
export interface SendPacerOptions {
  readonly clock: Clock;
  /** Messages per second for the whole bot (this process). Default 30. */
  readonly perSecond?: number;
  /** Messages per second in one chat, and the burst allowed above it. Default 1 and 3. */
  readonly chatPerSecond?: number;
  readonly chatBurst?: number;
  /** Messages per minute in one group (a sliding minute). Default 20. */
  readonly groupPerMinute?: number;
  /** Longest wait spent in process; a longer one sends the update back to the queue. Default 2 000 ms. */
  readonly maxWaitMs?: number;
}

/**
 * A rate with a burst, as a "theoretical arrival time" (GCRA): a message may go at
 * `tat - burstAllowance`; each one moves `tat` on by the interval.
 */
class RateSlot {
  #tat = 0;
  constructor(
    readonly intervalMs: number,
    readonly burst: number,
  ) {}
  earliest(now: number): number {
    return Math.max(now, this.#tat - (this.burst - 1) * this.intervalMs);
  }
  take(at: number): void {
    this.#tat = Math.max(this.#tat, at) + this.intervalMs;
  }
  idleSince(now: number): boolean {
    return this.#tat <= now;
  }
}

/** At most `max` messages in any `windowMs`: the times of the last ones. */
class WindowSlot {
  readonly #times: number[] = [];
  constructor(
    readonly max: number,
    readonly windowMs: number,
  ) {}
  earliest(now: number): number {
    while (this.#times.length > 0 && this.#times[0]! <= now - this.windowMs) this.#times.shift();
    if (this.#times.length < this.max) return now;
    return Math.max(now, this.#times[this.#times.length - this.max]! + this.windowMs);
  }
  take(at: number): void {
    this.#times.push(at);
    this.#times.sort((a, b) => a - b);
  }
  idleSince(now: number): boolean {
    return this.#times.every((time) => time <= now - this.windowMs);
  }
}

/** Most chats remembered before idle ones are forgotten. */
const MAX_TRACKED_CHATS = 10_000;

export class SendPacer {
  readonly #clock: Clock;
  readonly #bot: RateSlot;
  readonly #chatInterval: number;
  readonly #chatBurst: number;
  readonly #groupPerMinute: number;
  readonly #maxWaitMs: number;
  readonly #chats = new Map<string, RateSlot>();
  readonly #groups = new Map<string, WindowSlot>();

  constructor(options: SendPacerOptions) {
    this.#clock = options.clock;
    const perSecond = options.perSecond ?? 30;
    this.#bot = new RateSlot(1000 / perSecond, Math.max(1, Math.round(perSecond)));
    this.#chatInterval = 1000 / (options.chatPerSecond ?? 1);
    this.#chatBurst = options.chatBurst ?? 3;
    this.#groupPerMinute = options.groupPerMinute ?? 20;
    this.#maxWaitMs = options.maxWaitMs ?? 2_000;
  }

  /**
   * Waits for the message's slot (when `method` sends a message), or throws
   * {@link RetryLaterError} with the slot's time when it is further than the longest wait.
   * `signal` ends a wait at shutdown (the update is then retried at once by the next run).
   */
  async admit(method: string, payload: unknown, signal?: AbortSignal): Promise<void> {
    if (!MESSAGE_METHODS.has(method)) return;
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    const now = this.#clock.now();
    const slots: { earliest(now: number): number; take(at: number): void }[] = [this.#bot];
    if (typeof chatId === "number" || typeof chatId === "string") {
      const key = String(chatId);
      slots.push(this.#chat(key, now));
      // Group and supergroup ids are negative (and @usernames name channels or groups).
      if (typeof chatId === "string" || chatId < 0) slots.push(this.#group(key, now));
    }
    const at = Math.max(...slots.map((slot) => slot.earliest(now)));
    if (at - now > this.#maxWaitMs) throw new RetryLaterError(at, "pacing");
    for (const slot of slots) slot.take(at);
    if (at > now) {
      try {
        await sleep(this.#clock, at - now, signal);
      } catch {
        throw new RetryLaterError(this.#clock.now(), "stopping");
      }
    }
  }

  #chat(key: string, now: number): RateSlot {
    let slot = this.#chats.get(key);
    if (slot === undefined) {
      if (this.#chats.size >= MAX_TRACKED_CHATS) forgetIdle(this.#chats, now);
      slot = new RateSlot(this.#chatInterval, this.#chatBurst);
      this.#chats.set(key, slot);
    }
    return slot;
  }

  #group(key: string, now: number): WindowSlot {
    let slot = this.#groups.get(key);
    if (slot === undefined) {
      if (this.#groups.size >= MAX_TRACKED_CHATS) forgetIdle(this.#groups, now);
      // A second over the minute: the network's jitter must not make two sends look closer.
      slot = new WindowSlot(this.#groupPerMinute, 61_000);
      this.#groups.set(key, slot);
    }
    return slot;
  }
}

function forgetIdle(slots: Map<string, { idleSince(now: number): boolean }>, now: number): void {
  for (const [key, slot] of slots) if (slot.idleSince(now)) slots.delete(key);
}
