import { createHash } from "node:crypto";
import { LRUCache } from "lru-cache";

/** How long a question answered to the page's script waits for its page load, ms. */
export const PAGE_REPEAT_TTL_MS = 30_000;

/** Options of {@link PageRepeats}. */
export interface PageRepeatsOptions {
  /** How long a remembered question counts as a repeat, ms (default {@link PAGE_REPEAT_TTL_MS}). */
  readonly ttlMs?: number;
  /** Most questions remembered at once; the oldest go first (default 10,000). */
  readonly max?: number;
}

/**
 * The page's script asks for an answer as a fragment (`?fragment=1`). When the answer is in
 * another language than the page's, the script loads the whole page at the question's address,
 * and that load asks the same question again. It is one question: it must count once in the
 * statistics and once against the client's question limit.
 *
 * This remembers, for a short time, each (client, question) answered as a fragment; the next
 * full-page request of that question from that client is a repeat, once. Only a hash of the pair
 * is kept, in memory.
 */
export class PageRepeats {
  readonly #recent: LRUCache<string, true>;
  /** Each request's verdict, so the rate-limit hook and the route agree on it. */
  readonly #verdicts = new WeakMap<object, boolean>();

  constructor(options: PageRepeatsOptions = {}) {
    this.#recent = new LRUCache({
      max: options.max ?? 10_000,
      ttl: options.ttlMs ?? PAGE_REPEAT_TTL_MS,
    });
  }

  /** A question `client` was answered as a fragment: its page load may follow. */
  remember(client: string, question: string): void {
    this.#recent.set(keyOf(client, question), true);
  }

  /**
   * Whether `request` (a full-page request of `question` from `client`) repeats a question
   * answered as a fragment. The first call for a request decides and uses the memory up; later
   * calls for the same request return the same verdict.
   */
  isRepeat(request: object, client: string, question: string): boolean {
    const known = this.#verdicts.get(request);
    if (known !== undefined) return known;
    const key = keyOf(client, question);
    // get() honours the time limit (a stale entry is no repeat); delete() makes it once only.
    const repeat = this.#recent.get(key) === true;
    if (repeat) this.#recent.delete(key);
    this.#verdicts.set(request, repeat);
    return repeat;
  }
}

function keyOf(client: string, question: string): string {
  return createHash("sha256").update(client).update("\0").update(question.trim()).digest("base64");
}
