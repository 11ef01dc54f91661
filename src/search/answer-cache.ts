import { LRUCache } from "lru-cache";

/**
 * The answer caches (the engine's answers, the HTTP bodies and replies): a bounded LRU
 * (`lru-cache`) behind a doorkeeper, the admission filter of TinyLFU. A question is cached only
 * when it comes back: the first time, only a hash of it is noted in a fixed table. Most questions
 * people type are asked once; caching them would only churn the LRU, and every answer it evicts
 * is garbage the collector has to find in the old generation (measured: about a third of the cost
 * of a question never asked before). A hash collision merely admits a question early.
 */
export class AnswerCache<V extends object> {
  readonly #lru: LRUCache<string, V>;
  /** Hashes of recently offered keys, by slot; 0 is an empty slot. */
  readonly #seen: Int32Array;
  readonly #mask: number;

  /** @param max most answers kept */
  constructor(max: number) {
    this.#lru = new LRUCache({ max });
    // Room to remember many more one-off questions than answers are kept.
    let slots = 1024;
    while (slots < max * 16) slots *= 2;
    this.#seen = new Int32Array(slots);
    this.#mask = slots - 1;
  }

  get(key: string): V | undefined {
    return this.#lru.get(key);
  }

  /** Caches the value if the key was offered before (and is still remembered by the doorkeeper). */
  offer(key: string, value: V): void {
    if (this.admits(key)) this.#lru.set(key, value);
  }

  /**
   * The doorkeeper alone, for values that cost something to make: true when the key was offered
   * before (then `set` it), else notes it and returns false.
   */
  admits(key: string): boolean {
    const hash = fnv1a(key) | 1; // never 0, the empty slot
    const slot = (hash >>> 1) & this.#mask; // not the lowest bit, which is always 1
    if (this.#seen[slot] === hash) return true;
    this.#seen[slot] = hash;
    return false;
  }

  /** Caches the value unconditionally (after {@link admits} said yes). */
  set(key: string, value: V): void {
    this.#lru.set(key, value);
  }
}

/** 32-bit FNV-1a of a string's UTF-16 code units. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash;
}
