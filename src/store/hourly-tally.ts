/**
 * Counts by hour, channel and key (a FAQ id, or "" for a per-channel count), summed in memory
 * until a store writes them: a popular answer given 500 times in a group is one row update.
 * Nested maps rather than a joined key, so counting one more builds no string.
 */
import { innerMap } from "../util/maps.js";
import type { InsightChannel } from "./insights.js";

/** One summed count. */
export interface HourlyCount {
  /** Hours since the Unix epoch (see `hourOf` in buckets.ts). */
  readonly hour: number;
  readonly channel: InsightChannel;
  readonly key: string;
  readonly count: number;
}

export class HourlyTally {
  #byHour = new Map<number, Map<InsightChannel, Map<string, number>>>();
  #total = 0;

  /** How many records the tally holds (the sum of its counts). */
  get total(): number {
    return this.#total;
  }

  /** Counts `count` (default one) more of `key` on `channel` in `hour`. */
  add(hour: number, channel: InsightChannel, key: string, count = 1): void {
    const byKey = innerMap(innerMap(this.#byHour, hour), channel);
    byKey.set(key, (byKey.get(key) ?? 0) + count);
    this.#total += count;
  }

  /** Puts counts taken out by {@link take} back (their write failed: they wait for the next). */
  restore(counts: readonly HourlyCount[]): void {
    for (const { hour, channel, key, count } of counts) this.add(hour, channel, key, count);
  }

  /** Takes out every count, leaving the tally empty. */
  take(): HourlyCount[] {
    const counts: HourlyCount[] = [];
    for (const [hour, byChannel] of this.#byHour)
      for (const [channel, byKey] of byChannel)
        for (const [key, count] of byKey) counts.push({ hour, channel, key, count });
    this.#byHour = new Map();
    this.#total = 0;
    return counts;
  }
}
