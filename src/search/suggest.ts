import MiniSearch from "minisearch";
import type { FaqEntry } from "../faq/types.js";

/** A question offered while the user is still typing. */
export interface Suggestion {
  readonly id: string;
  readonly question: string;
}

/**
 * Suggestions as you type, from MiniSearch's prefix and fuzzy search over each entry's question
 * and alternates: the last word may be half-typed ("encry" finds "encryption"). It serves the
 * search box only; answers come from the answer engine.
 */
export class Suggester {
  readonly #index: MiniSearch<FaqEntry>;
  readonly #byId: ReadonlyMap<string, FaqEntry>;

  constructor(entries: readonly FaqEntry[]) {
    this.#byId = new Map(entries.map((entry) => [entry.id, entry]));
    this.#index = new MiniSearch<FaqEntry>({
      fields: ["question", "alternates", "tags"],
      extractField: (entry, field) => {
        const value = entry[field as keyof FaqEntry];
        return Array.isArray(value) ? value.join(" ") : String(value);
      },
      searchOptions: {
        boost: { question: 2 },
        prefix: (term, index, terms) => index === terms.length - 1 && term.length >= 2,
        fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
        combineWith: "AND",
      },
    });
    this.#index.addAll(entries);
  }

  /** Up to `limit` entries whose question or alternates match what has been typed so far. */
  suggest(text: string, limit = 6): Suggestion[] {
    const query = text.trim().slice(0, 200);
    if (query.length < 2) return [];
    let results = this.#index.search(query);
    // Every word matching is best; when none does, fall back to any word matching.
    if (results.length === 0) results = this.#index.search(query, { combineWith: "OR" });
    return results.slice(0, limit).map((result) => {
      const entry = this.#byId.get(result.id as string)!;
      return { id: entry.id, question: entry.question };
    });
  }
}
