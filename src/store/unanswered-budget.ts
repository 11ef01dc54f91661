/**
 * How many unanswered questions one client may add to the unanswered log per minute, so that
 * one client cannot fill the log (its cap would then evict everyone else's one-off questions).
 * Over the budget the question is still answered and counted (the hourly unanswered count),
 * only its text is not kept.
 *
 * The log itself must not know who asked, so the budget is counted here, in this process's
 * memory only, under an HMAC of the client (IP address or user id) with a purpose of its own,
 * like the rate limiters' keys; a key is forgotten when its minute is over (and the table is
 * bounded: past `maxClients` the least recently seen are forgotten). With several instances
 * each counts its own clients: a client spread over N instances gets N budgets, which bounds
 * it all the same.
 */
import { KeyedHasher } from "./keyed-hash.js";
import { clientKeyOf, MemoryWindowCounter } from "./rate-limit.js";

/** Default questions one client may add to the unanswered log per minute. */
export const DEFAULT_UNANSWERED_PER_CLIENT_PER_MINUTE = 5;

/** Options of {@link UnansweredBudget}. */
export interface UnansweredBudgetOptions {
  /** The configured hashing secret (`HASH_SECRET`). */
  readonly secret: Uint8Array;
  /** Questions kept per client per window. Default {@link DEFAULT_UNANSWERED_PER_CLIENT_PER_MINUTE}. */
  readonly perWindow?: number;
  /** Window length, ms. Default 60 000. */
  readonly windowMs?: number;
  /** Most clients remembered at once. Default 10 000. */
  readonly maxClients?: number;
}

export class UnansweredBudget {
  readonly #hasher: KeyedHasher;
  readonly #counter: MemoryWindowCounter;
  readonly #perWindow: number;
  readonly #windowMs: number;

  constructor(options: UnansweredBudgetOptions) {
    this.#hasher = new KeyedHasher(options.secret, "unanswered-budget");
    this.#counter = new MemoryWindowCounter(options.maxClients ?? 10_000);
    this.#perWindow = options.perWindow ?? DEFAULT_UNANSWERED_PER_CLIENT_PER_MINUTE;
    this.#windowMs = options.windowMs ?? 60_000;
  }

  /**
   * Counts one unanswered question from the client with this IP address: true while its text
   * may be kept. (IPv6 clients count by their /64, as in the rate limit.)
   */
  allowsIp(ip: string, now = Date.now()): boolean {
    return this.#allows(`ip:${clientKeyOf(ip)}`, now);
  }

  /** The same for a Telegram user. */
  allowsUser(userId: number, now = Date.now()): boolean {
    return this.#allows(`user:${userId}`, now);
  }

  #allows(client: string, now: number): boolean {
    return (
      this.#counter.hit(this.#hasher.hash(client), this.#windowMs, now).count <= this.#perWindow
    );
  }
}
