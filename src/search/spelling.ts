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

import { COMMON_WORDS } from "./common-words.js";

const DEFAULTS: Required<SpellingOptions> = { minLength: 4, twoEditsFrom: 8, memoSize: 10_000 };

export class SpellingCorrector {
  readonly #options: Required<SpellingOptions>;
  readonly #frequency: ReadonlyMap<string, number>;
  readonly #byDeletion = new Map<string, string[]>();
  readonly #memo = new Map<string, string | null>();

  /** @param frequency vocabulary words with how often they occur (ties go to the commoner). */
  constructor(frequency: ReadonlyMap<string, number>, options: SpellingOptions = {}) {
    this.#options = { ...DEFAULTS, ...options };
    this.#frequency = frequency;
    for (const word of frequency.keys()) {
      if (word.length < this.#options.minLength - 1) continue;
      for (const key of deletions(word, 2)) {
        const bucket = this.#byDeletion.get(key);
        if (bucket === undefined) this.#byDeletion.set(key, [word]);
        else if (!bucket.includes(word)) bucket.push(word);
      }
    }
  }

  /** True when the word is part of the vocabulary as it is. */
  isKnown(word: string): boolean {
    return this.#frequency.has(word);
  }

  /** The vocabulary word the given word most likely misspells, or null when there is none. */
  correct(word: string): string | null {
    if (this.#frequency.has(word)) return word;
    if (word.length < this.#options.minLength || /\d/.test(word) || COMMON_WORDS.has(word))
      return null;
    const remembered = this.#memo.get(word);
    if (remembered !== undefined) return remembered;

    const maxEdits = word.length >= this.#options.twoEditsFrom ? 2 : 1;
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    for (const key of deletions(word, maxEdits)) {
      for (const candidate of this.#byDeletion.get(key) ?? []) {
        if (candidate[0] !== word[0] || Math.abs(candidate.length - word.length) > maxEdits)
          continue;
        const distance = editDistance(word, candidate, maxEdits);
        if (distance > maxEdits) continue;
        const frequency = this.#frequency.get(candidate) ?? 0;
        if (distance < bestDistance || (distance === bestDistance && frequency > bestFrequency)) {
          best = candidate;
          bestDistance = distance;
          bestFrequency = frequency;
        }
      }
    }
    if (this.#memo.size >= this.#options.memoSize) this.#memo.clear();
    this.#memo.set(word, best);
    return best;
  }
}

/** The word itself and every string made by deleting up to `maxEdits` of its characters. */
function deletions(word: string, maxEdits: number): Set<string> {
  const result = new Set<string>([word]);
  let frontier = [word];
  for (let edit = 0; edit < maxEdits; edit++) {
    const next: string[] = [];
    for (const current of frontier) {
      for (let i = 0; i < current.length; i++) {
        const shorter = current.slice(0, i) + current.slice(i + 1);
        if (!result.has(shorter)) {
          result.add(shorter);
          next.push(shorter);
        }
      }
    }
    frontier = next;
  }
  return result;
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions), giving up early
 * once every path exceeds `limit`.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prevPrev = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  let current = new Array<number>(cols).fill(0);
  for (let i = 1; i < rows; i++) {
    current[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(prev[j]! + 1, current[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, prevPrev[j - 2]! + 1);
      }
      current[j] = value;
      if (value < rowMin) rowMin = value;
    }
    if (rowMin > limit) return rowMin;
    [prevPrev, prev, current] = [prev, current, prevPrev];
  }
  return prev[cols - 1]!;
}
