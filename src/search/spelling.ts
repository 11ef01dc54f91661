/**
 * Typo tolerance that costs a hash lookup, not a scan of the vocabulary (the SymSpell idea):
 * every vocabulary word is stored under each string obtained by deleting up to two of its
 * letters; a misspelt word is looked up under its own deletions, and the few candidates found
 * are confirmed with a true edit distance.
 *
 * Short words are where fuzzy matching goes wrong ("bread" is one edit from "read"), so:
 * words under {@link SpellingOptions.minLength} letters are never corrected, words under
 * {@link SpellingOptions.twoEditsFrom} letters allow one edit, and a correction must keep the
 * first letter, which people rarely get wrong. Common English words ({@link COMMON_WORDS}) are
 * never corrected: "stuff" is a word of its own, not a misspelt "staff".
 */
export interface SpellingOptions {
  /** Shortest word that may be corrected. Default 4. */
  minLength?: number;
  /** Words at least this long may be two edits away from their correction. Default 8. */
  twoEditsFrom?: number;
  /** Largest number of remembered corrections (misspellings repeat). Default 10,000. */
  memoSize?: number;
}

import type { Language } from "../text/languages.js";
import { withRoom } from "../util/typed-arrays.js";
import { commonWordsOf } from "./common-words.js";

const DEFAULTS: Required<SpellingOptions> = { minLength: 4, twoEditsFrom: 8, memoSize: 10_000 };

export class SpellingCorrector {
  readonly #options: Required<SpellingOptions>;
  readonly #frequency: ReadonlyMap<string, number>;
  /** The words that may be corrected to, by number. */
  readonly #words: string[] = [];
  /**
   * Word numbers by a hash of each string made by deleting up to two letters of the word: the
   * word itself and one letter deleted, then two letters deleted. The deleted strings themselves
   * are never built: hashing skips the deleted positions. A hash collision only adds a
   * candidate, which the edit distance then rejects.
   */
  readonly #byDeletion: readonly [DeletionIndex, DeletionIndex];
  readonly #memo = new Map<string, string | null>();
  /** Scratch: the query generation in which each word was last measured. */
  #measuredIn: Int32Array;
  #generation = 0;

  /** Words never treated as typos: common words of the language that the FAQ does not use. */
  readonly #commonWords: ReadonlySet<string>;

  /**
   * @param frequency vocabulary words with how often they occur (ties go to the commoner).
   * @param language the vocabulary's language: English has a list of common words never
   *   corrected (other languages' stop words are never looked up, which covers most of theirs).
   */
  constructor(
    frequency: ReadonlyMap<string, number>,
    options: SpellingOptions = {},
    language: Language = "en",
  ) {
    this.#options = { ...DEFAULTS, ...options };
    this.#commonWords = commonWordsOf(language);
    this.#frequency = frequency;
    const near = new DeletionIndexBuilder();
    const far = new DeletionIndexBuilder();
    for (const word of frequency.keys()) {
      if (word.length < this.#options.minLength - 1) continue;
      const number = this.#words.push(word) - 1;
      // Two-letter deletions only serve questions' words of twoEditsFrom letters or more, which
      // can never meet a shorter word's two-letter deletions (they would be shorter still): on
      // the real knowledge base, leaving those out drops a third of the index's keys.
      const edits = word.length >= this.#options.twoEditsFrom ? 2 : 1;
      forEachDeletion(word, edits, (key, deleted) => (deleted < 2 ? near : far).add(key, number));
    }
    this.#byDeletion = [near.build(), far.build()];
    this.#measuredIn = new Int32Array(this.#words.length);
  }

  /** True when the word is in the vocabulary (it is then its own correction). */
  knows(word: string): boolean {
    return this.#frequency.has(word);
  }

  /** The vocabulary word the given word most likely misspells, or null when there is none. */
  correct(word: string): string | null {
    if (this.#frequency.has(word)) return word;
    if (word.length < this.#options.minLength || /\d/.test(word) || this.#commonWords.has(word))
      return null;
    const remembered = this.#memo.get(word);
    if (remembered !== undefined) return remembered;

    const maxEdits = word.length >= this.#options.twoEditsFrom ? 2 : 1;
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    // A candidate sits under several of the word's deletions: measure each one once.
    const generation = ++this.#generation;
    const consider = (number: number) => {
      if (this.#measuredIn[number] === generation) return;
      this.#measuredIn[number] = generation;
      const candidate = this.#words[number]!;
      if (
        candidate.charCodeAt(0) !== word.charCodeAt(0) ||
        Math.abs(candidate.length - word.length) > maxEdits
      )
        return;
      const distance = editDistance(word, candidate, maxEdits);
      if (distance > maxEdits || distance > bestDistance) return;
      const frequency = this.#frequency.get(candidate) ?? 0;
      // Closest first, then commonest, then alphabetical: the same answer whatever the order found.
      if (
        distance < bestDistance ||
        frequency > bestFrequency ||
        (frequency === bestFrequency && candidate < best!)
      ) {
        best = candidate;
        bestDistance = distance;
        bestFrequency = frequency;
      }
    };
    // Within one edit, the word and a candidate share a string with at most one letter deleted
    // from each: every word one edit away is found there, and none two edits away can beat it,
    // so the two-letter deletions (the most lookups by far) are only searched when that fails.
    const [near, far] = this.#byDeletion;
    const lookUp = (index: DeletionIndex, key: number) => index.forEach(key, consider);
    forEachDeletion(word, 1, (key) => lookUp(near, key));
    if (maxEdits === 2 && bestDistance > 1) {
      // The candidates measured so far keep their verdicts; these keys add the rest.
      forEachDeletion(word, 2, (key, deleted) => {
        if (deleted === 2) lookUp(near, key); // the others were looked up there already
        lookUp(far, key);
      });
    }
    if (this.#memo.size >= this.#options.memoSize) this.#memo.clear();
    this.#memo.set(word, best);
    return best;
  }
}

/** Bits of a packed (hash, word number) pair that hold the word number. */
const NUMBER_BITS = 22;
const NUMBER_SPAN = 2 ** NUMBER_BITS;
/** Most bits of the 30-bit hash that pick a bucket of the directory (a 256 KB directory). */
const MAX_DIRECTORY_BITS = 16;

/**
 * Collects (hash, word number) pairs, each packed into one double (hash * 2^22 + number: 52
 * bits, exact), so that one native sort of a typed array orders them. A Map of small arrays per
 * hash held the same in five times the memory and took longer to fill.
 */
class DeletionIndexBuilder {
  #pairs = new Float64Array(1024);
  #length = 0;

  add(hash: number, number: number): void {
    if (number >= NUMBER_SPAN)
      throw new RangeError(`the spelling index holds at most ${NUMBER_SPAN} words`);
    this.#pairs = withRoom(this.#pairs, this.#length, this.#length + 1);
    this.#pairs[this.#length++] = hash * NUMBER_SPAN + number;
  }

  build(): DeletionIndex {
    const pairs = this.#pairs.subarray(0, this.#length).sort();
    const hashes = new Int32Array(pairs.length);
    const numbers = new Int32Array(pairs.length);
    let n = 0;
    for (let i = 0; i < pairs.length; i++) {
      if (i > 0 && pairs[i] === pairs[i - 1]) continue; // a word reaches a string several ways
      const hash = Math.floor(pairs[i]! / NUMBER_SPAN);
      hashes[n] = hash;
      numbers[n++] = pairs[i]! - hash * NUMBER_SPAN;
    }
    return new DeletionIndex(hashes.slice(0, n), numbers.slice(0, n));
  }
}

/**
 * Word numbers by deletion hash, in two flat arrays sorted by hash, with a directory of where
 * each range of hashes starts (about four pairs per bucket): a lookup is a few comparisons.
 */
class DeletionIndex {
  readonly #hashes: Int32Array;
  readonly #numbers: Int32Array;
  /** Entry d: the first position whose hash's top bits are d or more. */
  readonly #directory: Int32Array;
  /** How far a hash is shifted to give its bucket. */
  readonly #shift: number;

  constructor(hashes: Int32Array, numbers: Int32Array) {
    this.#hashes = hashes;
    this.#numbers = numbers;
    const bits = Math.min(MAX_DIRECTORY_BITS, Math.max(1, Math.ceil(Math.log2(hashes.length / 4))));
    this.#shift = 30 - bits;
    this.#directory = new Int32Array((1 << bits) + 1);
    let at = 0;
    for (let d = 0; d <= 1 << bits; d++) {
      while (at < hashes.length && hashes[at]! >>> this.#shift < d) at++;
      this.#directory[d] = at;
    }
  }

  /** Calls `visit` with every word number stored under `hash`. */
  forEach(hash: number, visit: (number: number) => void): void {
    const hashes = this.#hashes;
    const bucket = hash >>> this.#shift;
    const end = this.#directory[bucket + 1]!;
    let low = this.#directory[bucket]!;
    let high = end;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (hashes[middle]! < hash) low = middle + 1;
      else high = middle;
    }
    for (let i = low; i < end && hashes[i] === hash; i++) visit(this.#numbers[i]!);
  }
}

/** FNV-1a offset basis and prime; the hash is kept to 30 bits so V8 stores it as a small integer. */
const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
const SMALL_INTEGER = 0x3fffffff;

/** Hash of `word` with the characters at positions `skipA` and `skipB` (-1: none) left out. */
function deletionHash(word: string, skipA: number, skipB: number): number {
  let hash = FNV_OFFSET;
  for (let i = 0; i < word.length; i++) {
    if (i === skipA || i === skipB) continue;
    hash = Math.imul(hash ^ word.charCodeAt(i), FNV_PRIME);
  }
  return hash & SMALL_INTEGER;
}

/**
 * Calls `visit` with the hash of the word itself and of every string made by deleting up to
 * `maxEdits` (1 or 2) of its characters, with the number deleted. A string reachable in several
 * ways is visited several times; callers tolerate that.
 */
function forEachDeletion(
  word: string,
  maxEdits: number,
  visit: (hash: number, deleted: number) => void,
): void {
  visit(deletionHash(word, -1, -1), 0);
  for (let a = 0; a < word.length; a++) {
    // Deleting one of a run of equal letters gives the same string: take the first only.
    if (a > 0 && word.charCodeAt(a) === word.charCodeAt(a - 1)) continue;
    visit(deletionHash(word, a, -1), 1);
    if (maxEdits < 2) continue;
    for (let b = a + 1; b < word.length; b++) {
      if (b > a + 1 && word.charCodeAt(b) === word.charCodeAt(b - 1)) continue;
      visit(deletionHash(word, a, b), 2);
    }
  }
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up early
 * once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const cols = b.length + 1;
  if (cols > rowScratch.length / 3) rowScratch = new Int32Array(cols * 3 * 2);
  // Three rows in one reused buffer: this runs for every spelling candidate of every query.
  let prevPrev = 0;
  let prev = cols;
  let current = cols * 2;
  const rows = rowScratch;
  for (let j = 0; j < cols; j++) rows[prev + j] = j;
  for (let i = 1; i <= a.length; i++) {
    rows[current] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let value = Math.min(
        rows[prev + j]! + 1,
        rows[current + j - 1]! + 1,
        rows[prev + j - 1]! + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj) {
        value = Math.min(value, rows[prevPrev + j - 2]! + 1);
      }
      rows[current + j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return rowMin;
    const oldest = prevPrev;
    prevPrev = prev;
    prev = current;
    current = oldest;
  }
  return rows[prev + cols - 1]!;
}

let rowScratch = new Int32Array(3 * 64);
