import type { FaqEntry } from "./types.js";

/** Entries whose `reviewed` date is older than this are reported as due for a review. */
export const DEFAULT_MAX_REVIEW_AGE_DAYS = 180;

const DAY_MS = 24 * 60 * 60 * 1000;

/** An entry due for another check against its sources. */
export interface StaleEntry {
  readonly id: string;
  readonly reviewed: string;
  /** Whole days between `reviewed` and the day of the check. */
  readonly ageDays: number;
}

/**
 * Entries last reviewed more than `maxAgeDays` before `now`, oldest first. A privacy answer can
 * go stale while its files stay valid (a feature ships, a court rules), so age is reported
 * rather than treated as an error.
 */
export function staleEntries(
  entries: readonly FaqEntry[],
  now: Date,
  maxAgeDays = DEFAULT_MAX_REVIEW_AGE_DAYS,
): StaleEntry[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return entries
    .map((entry) => ({
      id: entry.id,
      reviewed: entry.reviewed,
      ageDays: Math.floor((today - Date.parse(entry.reviewed)) / DAY_MS),
    }))
    .filter((entry) => entry.ageDays > maxAgeDays)
    .sort((a, b) => b.ageDays - a.ageDays || a.id.localeCompare(b.id));
}
