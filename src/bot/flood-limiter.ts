/**
 * Telegram allows a bot about 20 messages a minute in one group; beyond that it answers 429
 * for a long while. This API transformer spaces out messages to each group chat so the bot
 * stays under the limit: a message waits for a free slot, and if the wait would be too long
 * (the group is flooding the bot) it is dropped with a {@link ChatFloodLimitError}, which the
 * error boundary logs as a warning. Private chats are not limited here.
 */
import type { Transformer } from "grammy";

/** Methods that post a new message into a chat. */
const SENDING_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "sendPhoto",
  "sendDocument",
  "sendAnimation",
  "sendSticker",
  "sendMediaGroup",
  "copyMessage",
  "forwardMessage",
]);

/** Options of {@link chatFloodLimiter}. */
export interface ChatFloodLimitOptions {
  /** Messages allowed per window in one group. Default 20 (Telegram's documented limit). */
  readonly maxMessages?: number;
  /** Length of the window in milliseconds. Default 60 000. */
  readonly windowMs?: number;
  /** Longest a message may wait for a free slot before it is dropped. Default 5 000. */
  readonly maxWaitMs?: number;
  /** Clock in milliseconds, for tests. */
  readonly now?: () => number;
  /** How to wait, for tests. */
  readonly sleep?: (ms: number) => Promise<void>;
}

/** A message to a group was dropped because the group's send budget is used up. */
export class ChatFloodLimitError extends Error {
  constructor(
    readonly chatId: number,
    readonly waitMs: number,
  ) {
    super(
      `Group flood limit: the next free slot for this chat is in ${Math.ceil(waitMs / 1000)} s`,
    );
    this.name = "ChatFloodLimitError";
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Creates the transformer; install it with `bot.api.config.use(...)`. */
export function chatFloodLimiter(options: ChatFloodLimitOptions = {}): Transformer {
  const maxMessages = options.maxMessages ?? 20;
  const windowMs = options.windowMs ?? 60_000;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? defaultSleep;
  /** chat id -> send times (past, and reserved future ones), ascending. */
  const slots = new Map<number, number[]>();

  const forget = (at: number) => {
    for (const [chatId, times] of slots) {
      while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
      if (times.length === 0) slots.delete(chatId);
    }
  };

  /** Reserves the earliest send time that keeps `maxMessages` per window; returns the wait. */
  const reserve = (chatId: number): number => {
    const at = now();
    const times = slots.get(chatId) ?? [];
    while (times.length > 0 && times[0]! <= at - windowMs) times.shift();
    const blocking = times.length >= maxMessages ? times[times.length - maxMessages]! : undefined;
    const sendAt = blocking === undefined ? at : Math.max(at, blocking + windowMs);
    const wait = sendAt - at;
    if (wait > maxWaitMs) throw new ChatFloodLimitError(chatId, wait);
    times.push(sendAt);
    slots.set(chatId, times);
    if (slots.size > 1_000) forget(at);
    return wait;
  };

  return async (prev, method, payload, signal) => {
    const chatId = (payload as { chat_id?: unknown } | undefined)?.chat_id;
    if (SENDING_METHODS.has(method) && typeof chatId === "number" && chatId < 0) {
      const wait = reserve(chatId);
      if (wait > 0) await sleep(wait);
    }
    return prev(method, payload, signal);
  };
}
