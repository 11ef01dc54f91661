/**
 * Time buckets shared by the store implementations, so that every backend agrees on which
 * hour or day a record belongs to and on when it falls out of the retention period.
 *
 * Hours and days are counted since the Unix epoch in UTC (`hour = floor(ms / 3 600 000)`).
 * A bucket is kept while any part of it lies within the retention period, so a record is
 * deleted at most one bucket (an hour, or a day for question tallies) after it turned
 * `retentionDays` old.
 */
import {
  INSIGHT_CHANNELS,
  type FeedbackItem,
  type InsightChannel,
  type InsightStats,
  type QuestionCounts,
  type UnansweredItem,
  type Vote,
} from "./insights.js";

export const HOUR_MS = 60 * 60 * 1000;
export const DAY_MS = 24 * HOUR_MS;

/** The hour bucket of an instant. */
export function hourOf(at: Date | number): number {
  return Math.floor(toMs(at) / HOUR_MS);
}

/** The day bucket of an instant. */
export function dayOf(at: Date | number): number {
  return Math.floor(toMs(at) / DAY_MS);
}

/** The day an hour bucket belongs to. */
export function dayOfHour(hour: number): number {
  return Math.floor(hour / 24);
}

/** `YYYY-MM-DD` of a day bucket. */
export function dayLabel(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** `YYYY-MM-DDTHH` of an hour bucket (readable Redis keys). */
export function hourLabel(hour: number): string {
  return new Date(hour * HOUR_MS).toISOString().slice(0, 13);
}

/** Oldest hour bucket still within the retention period at `now`. */
export function oldestKeptHour(now: Date | number, retentionDays: number): number {
  return Math.floor((toMs(now) - retentionDays * DAY_MS) / HOUR_MS);
}

/** Oldest day bucket still within the retention period at `now`. */
export function oldestKeptDay(now: Date | number, retentionDays: number): number {
  return Math.floor((toMs(now) - retentionDays * DAY_MS) / DAY_MS);
}

/** When an hour bucket leaves the retention period (Unix seconds, for Redis EXPIREAT). */
export function hourExpiresAt(hour: number, retentionDays: number): number {
  return Math.ceil(((hour + 1) * HOUR_MS + retentionDays * DAY_MS) / 1000);
}

/** When a day bucket leaves the retention period (Unix seconds, for Redis EXPIREAT). */
export function dayExpiresAt(day: number, retentionDays: number): number {
  return Math.ceil(((day + 1) * DAY_MS + retentionDays * DAY_MS) / 1000);
}

/** The hours and days a stats window of `days` UTC days ending at `now` covers. */
export interface StatsWindow {
  readonly days: number;
  readonly firstDay: number;
  readonly lastDay: number;
  readonly firstHour: number;
  readonly lastHour: number;
}

export function statsWindow(now: Date | number, days: number): StatsWindow {
  const lastDay = dayOf(now);
  const firstDay = lastDay - days + 1;
  return { days, firstDay, lastDay, firstHour: firstDay * 24, lastHour: lastDay * 24 + 23 };
}

/** Votes (up, down) per FAQ id, sorted the way every listing shows them: most votes first. */
export function sortFeedback(tallies: Map<string, { up: number; down: number }>): FeedbackItem[] {
  return [...tallies]
    .map(([faqId, { up, down }]) => ({ faqId, up, down }))
    .filter((item) => item.up + item.down > 0)
    .sort((a, b) => b.up + b.down - (a.up + a.down) || compareText(a.faqId, b.faqId));
}

/** Most frequent first, then most recently seen, then alphabetical: the order every backend uses. */
export function byFrequencyThenRecency(a: UnansweredItem, b: UnansweredItem): number {
  return (
    b.count - a.count ||
    Date.parse(b.lastSeen) - Date.parse(a.lastSeen) ||
    compareText(a.question, b.question)
  );
}

/** Plain code-point order, identical in every backend (unlike locale-aware comparison). */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Adds up raw counts into {@link InsightStats}. Each backend feeds it whatever granularity it
 * reads (hour or day rows); rows outside the window are ignored.
 */
export class StatsAccumulator {
  readonly #window: StatsWindow;
  readonly #top: number;
  readonly #byChannel = new Map<InsightChannel, { answered: number; unanswered: number }>();
  readonly #byDay = new Map<number, { answered: number; unanswered: number }>();
  readonly #answers = new Map<string, number>();
  readonly #feedback = new Map<string, { up: number; down: number }>();

  constructor(window: StatsWindow, top: number) {
    this.#window = window;
    this.#top = top;
    for (const channel of INSIGHT_CHANNELS) this.#byChannel.set(channel, zero());
    for (let day = window.firstDay; day <= window.lastDay; day++) this.#byDay.set(day, zero());
  }

  /** Answers of `faqId` on `channel` during `day`. */
  answered(day: number, channel: string, faqId: string, count: number): void {
    const byDay = this.#byDay.get(day);
    const byChannel = this.#byChannel.get(channel as InsightChannel);
    if (byDay === undefined || byChannel === undefined || count <= 0) return;
    byDay.answered += count;
    byChannel.answered += count;
    this.#answers.set(faqId, (this.#answers.get(faqId) ?? 0) + count);
  }

  /** Unanswered questions on `channel` during `day`. */
  unanswered(day: number, channel: string, count: number): void {
    const byDay = this.#byDay.get(day);
    const byChannel = this.#byChannel.get(channel as InsightChannel);
    if (byDay === undefined || byChannel === undefined || count <= 0) return;
    byDay.unanswered += count;
    byChannel.unanswered += count;
  }

  /** Votes on `faqId` during `day`. */
  feedback(day: number, faqId: string, vote: Vote, count: number): void {
    if (!this.#byDay.has(day) || count <= 0) return;
    const tally = this.#feedback.get(faqId) ?? { up: 0, down: 0 };
    tally[vote] += count;
    this.#feedback.set(faqId, tally);
  }

  finish(): InsightStats {
    const totals = zero();
    for (const counts of this.#byChannel.values()) {
      totals.answered += counts.answered;
      totals.unanswered += counts.unanswered;
    }
    return {
      window: {
        days: this.#window.days,
        from: dayLabel(this.#window.firstDay),
        to: dayLabel(this.#window.lastDay),
      },
      totals,
      byChannel: Object.fromEntries(this.#byChannel) as Record<InsightChannel, QuestionCounts>,
      byDay: [...this.#byDay].map(([day, counts]) => ({ day: dayLabel(day), ...counts })),
      topFaqIds: mostFrequent(this.#answers, this.#top).map(([faqId, count]) => ({ faqId, count })),
      feedback: sortFeedback(this.#feedback),
    };
  }
}

/** The `limit` most frequent keys, ties in text order: one ranking for every store and report. */
export function mostFrequent(
  counts: Iterable<readonly [string, number]>,
  limit: number,
): [string, number][] {
  return [...counts]
    .map(([key, count]): [string, number] => [key, count])
    .sort(([a, x], [b, y]) => y - x || compareText(a, b))
    .slice(0, limit);
}

/** Empty stats for a window (what a degraded store answers). */
export function emptyStats(now: Date | number, days: number): InsightStats {
  return new StatsAccumulator(statsWindow(now, days), 0).finish();
}

function zero(): { answered: number; unanswered: number } {
  return { answered: 0, unanswered: 0 };
}

function toMs(at: Date | number): number {
  return typeof at === "number" ? at : at.getTime();
}
