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

  /** Counts one more of `key` on `channel` in `hour`. */
  add(hour: number, channel: InsightChannel, key: string): void {
    const byKey = innerMap(innerMap(this.#byHour, hour), channel);
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  }

  /** Takes out every count, leaving the tally empty. */
  take(): HourlyCount[] {
    const counts: HourlyCount[] = [];
    for (const [hour, byChannel] of this.#byHour)
      for (const [channel, byKey] of byChannel)
        for (const [key, count] of byKey) counts.push({ hour, channel, key, count });
    this.#byHour = new Map();
    return counts;
  }
}
