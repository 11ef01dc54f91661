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

/** A request to the page, as this reads it: who asks, and the page's query. */
export interface PageRequest {
  readonly ip: string;
  /** The query string's values; `fragment: "1"` marks the script's ask. */
  readonly query: unknown;
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

  /**
   * `question` was answered to `request`: when that was the script's fragment ask, the page load
   * that may follow is remembered as its repeat.
   */
  answered(request: PageRequest, question: string): void {
    if (isFragment(request)) this.#recent.set(keyOf(request.ip, question), true);
  }

  /**
   * Whether `request` asks `question` again: a full-page load of a question just answered to the
   * same client as a fragment. A fragment ask is never a repeat. The first call for a request
   * decides and uses the memory up; later calls for the same request return the same verdict.
   */
  isRepeat(request: PageRequest, question: string): boolean {
    if (isFragment(request)) return false;
    const known = this.#verdicts.get(request);
    if (known !== undefined) return known;
    const key = keyOf(request.ip, question);
    // get() honours the time limit (a stale entry is no repeat); delete() makes it once only.
    const repeat = this.#recent.get(key) === true;
    if (repeat) this.#recent.delete(key);
    this.#verdicts.set(request, repeat);
    return repeat;
  }
}

function isFragment(request: PageRequest): boolean {
  return (request.query as { fragment?: unknown } | undefined)?.fragment === "1";
}

function keyOf(client: string, question: string): string {
  return createHash("sha256").update(client).update("\0").update(question.trim()).digest("base64");
}
