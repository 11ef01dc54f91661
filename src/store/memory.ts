/**
 * {@link InsightsStore} in plain Maps, for unit tests (and as the reference the contract suite
 * holds the SQLite and Redis stores to). Nothing survives the process; memory is bounded only
 * by retention, so it is not meant for production.
 */
import {
  dayOf,
  hourOf,
  oldestKeptDay,
  oldestKeptHour,
  sortFeedback,
  StatsAccumulator,
  statsWindow,
  mostFrequent,
  dayOfHour,
  byFrequencyThenRecency,
} from "./buckets.js";
import {
  LANGUAGE_CHOICE_TTL_SECONDS,
  checkLimit,
  checkStatsQuery,
  resolveStoreOptions,
  storedQuestion,
  type AnsweredEvent,
  type InsightChannel,
  type InsightsStore,
  type InsightsStoreOptions,
  type InsightStats,
  type PruneResult,
  type ResolvedStoreOptions,
  type StatsQuery,
  type UnansweredEvent,
  type UnansweredItem,
  type Vote,
  type VoteEvent,
  type VoteOutcome,
} from "./insights.js";

interface QuestionTally {
  count: number;
  firstSeen: number;
  lastSeen: number;
  bestCandidate: string | null;
  confidence: number;
}

interface VoteGuard {
  faqId: string;
  vote: Vote;
  /** Hour bucket the vote is counted in (a changed vote stays in it). */
  hour: number;
  expiresAt: number;
}

export class MemoryInsightsStore implements InsightsStore {
  readonly #options: ResolvedStoreOptions;
  /** hour -> `${channel}\n${faqId}` -> count */
  readonly #answered = new Map<number, Map<string, number>>();
  /** hour -> channel -> count */
  readonly #unansweredHourly = new Map<number, Map<InsightChannel, number>>();
  /** day -> question -> tally */
  readonly #questions = new Map<number, Map<string, QuestionTally>>();
  /** hour -> faqId -> votes */
  readonly #feedback = new Map<number, Map<string, { up: number; down: number }>>();
  readonly #voteGuards = new Map<string, VoteGuard>();
  /** user key -> chosen language and its expiry (ms) */
  readonly #languages = new Map<string, { language: string; expiresAt: number }>();
  /** update id -> expiry (ms) */
  readonly #claims = new Map<number, number>();
  #closed = false;

  constructor(options: InsightsStoreOptions = {}) {
    this.#options = resolveStoreOptions(options);
  }

  async recordAnswered({ faqId, channel, at }: AnsweredEvent): Promise<void> {
    this.#open();
    const hour = hourOf(at ?? this.#options.nowMs());
    const counts = getOrCreate(this.#answered, hour, () => new Map<string, number>());
    const key = `${channel}\n${faqId}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  async recordUnanswered(event: UnansweredEvent): Promise<void> {
    this.#open();
    const at = event.at?.getTime() ?? this.#options.nowMs();
    const hourly = getOrCreate(this.#unansweredHourly, hourOf(at), () => new Map());
    hourly.set(event.channel, (hourly.get(event.channel) ?? 0) + 1);
    const question = storedQuestion(event.normalized);
    if (question === "") return;
    const day = getOrCreate(this.#questions, dayOf(at), () => new Map<string, QuestionTally>());
    const tally = day.get(question);
    if (tally === undefined) {
      day.set(question, {
        count: 1,
        firstSeen: at,
        lastSeen: at,
        bestCandidate: event.bestCandidate,
        confidence: event.confidence,
      });
      this.#evictRarest();
      return;
    }
    tally.count += 1;
    tally.firstSeen = Math.min(tally.firstSeen, at);
    if (at >= tally.lastSeen) {
      tally.lastSeen = at;
      tally.bestCandidate = event.bestCandidate;
      tally.confidence = event.confidence;
    }
  }

  async recordVote({ faqId, vote, voterKey, at }: VoteEvent): Promise<VoteOutcome> {
    this.#open();
    const when = at?.getTime() ?? this.#options.nowMs();
    const now = this.#options.nowMs();
    const guard = this.#voteGuards.get(voterKey);
    if (guard !== undefined && guard.expiresAt > now) {
      if (guard.faqId === faqId && guard.vote === vote) return "unchanged";
      this.#adjustVote(guard.hour, guard.faqId, guard.vote, -1);
      this.#adjustVote(guard.hour, faqId, vote, +1);
      guard.faqId = faqId;
      guard.vote = vote;
      return "changed";
    }
    const hour = hourOf(when);
    this.#adjustVote(hour, faqId, vote, +1);
    this.#voteGuards.set(voterKey, {
      faqId,
      vote,
      hour,
      expiresAt: now + this.#options.voterKeyTtlSeconds * 1000,
    });
    return "recorded";
  }

  async chooseLanguage(userKey: string, language: string | null): Promise<void> {
    this.#open();
    if (language === null) this.#languages.delete(userKey);
    else
      this.#languages.set(userKey, {
        language,
        expiresAt: this.#options.nowMs() + LANGUAGE_CHOICE_TTL_SECONDS * 1000,
      });
  }

  async chosenLanguage(userKey: string): Promise<string | null> {
    this.#open();
    const choice = this.#languages.get(userKey);
    return choice !== undefined && choice.expiresAt > this.#options.nowMs()
      ? choice.language
      : null;
  }

  async claimUpdate(updateId: number): Promise<boolean> {
    this.#open();
    const now = this.#options.nowMs();
    const expiresAt = this.#claims.get(updateId);
    if (expiresAt !== undefined && expiresAt > now) return false;
    this.#claims.set(updateId, now + this.#options.updateClaimTtlSeconds * 1000);
    return true;
  }

  async mostAsked(limit: number): Promise<string[]> {
    checkLimit(limit);
    const oldest = oldestKeptHour(this.#options.now(), this.#options.retentionDays);
    const totals = new Map<string, number>();
    for (const [hour, counts] of this.#answered) {
      if (hour < oldest) continue;
      for (const [key, count] of counts) {
        const faqId = key.slice(key.indexOf("\n") + 1);
        totals.set(faqId, (totals.get(faqId) ?? 0) + count);
      }
    }
    return mostFrequent(totals, limit).map(([faqId]) => faqId);
  }

  async stats(query: StatsQuery): Promise<InsightStats> {
    const { days, top } = checkStatsQuery(query);
    const now = this.#options.now();
    const window = statsWindow(now, days);
    const oldest = Math.max(window.firstHour, oldestKeptHour(now, this.#options.retentionDays));
    const stats = new StatsAccumulator(window, top);
    for (const [hour, counts] of this.#answered) {
      if (hour < oldest) continue;
      for (const [key, count] of counts) {
        const split = key.indexOf("\n");
        stats.answered(dayOfHour(hour), key.slice(0, split), key.slice(split + 1), count);
      }
    }
    for (const [hour, counts] of this.#unansweredHourly) {
      if (hour < oldest) continue;
      for (const [channel, count] of counts) stats.unanswered(dayOfHour(hour), channel, count);
    }
    for (const [hour, votes] of this.#feedback) {
      if (hour < oldest) continue;
      for (const [faqId, { up, down }] of votes) {
        stats.feedback(dayOfHour(hour), faqId, "up", up);
        stats.feedback(dayOfHour(hour), faqId, "down", down);
      }
    }
    return stats.finish();
  }

  async unanswered(limit: number): Promise<UnansweredItem[]> {
    checkLimit(limit);
    const oldest = oldestKeptDay(this.#options.now(), this.#options.retentionDays);
    const merged = new Map<string, QuestionTally>();
    for (const [day, questions] of this.#questions) {
      if (day < oldest) continue;
      for (const [question, tally] of questions) {
        const seen = merged.get(question);
        if (seen === undefined) {
          merged.set(question, { ...tally });
          continue;
        }
        seen.count += tally.count;
        seen.firstSeen = Math.min(seen.firstSeen, tally.firstSeen);
        if (tally.lastSeen >= seen.lastSeen) {
          seen.lastSeen = tally.lastSeen;
          seen.bestCandidate = tally.bestCandidate;
          seen.confidence = tally.confidence;
        }
      }
    }
    return [...merged]
      .map(([question, tally]) => ({
        question,
        count: tally.count,
        firstSeen: new Date(tally.firstSeen).toISOString(),
        lastSeen: new Date(tally.lastSeen).toISOString(),
        bestCandidate: tally.bestCandidate,
        confidence: tally.confidence,
      }))
      .sort(byFrequencyThenRecency)
      .slice(0, limit);
  }

  async feedback() {
    const oldest = oldestKeptHour(this.#options.now(), this.#options.retentionDays);
    const totals = new Map<string, { up: number; down: number }>();
    for (const [hour, votes] of this.#feedback) {
      if (hour < oldest) continue;
      for (const [faqId, { up, down }] of votes) {
        const total = getOrCreate(totals, faqId, () => ({ up: 0, down: 0 }));
        total.up += up;
        total.down += down;
      }
    }
    return sortFeedback(totals);
  }

  async prune(now: Date = this.#options.now()): Promise<PruneResult> {
    const oldestHour = oldestKeptHour(now, this.#options.retentionDays);
    const oldestDay = oldestKeptDay(now, this.#options.retentionDays);
    let removed = 0;
    removed += deleteWhere(this.#answered, (hour) => hour < oldestHour);
    removed += deleteWhere(this.#unansweredHourly, (hour) => hour < oldestHour);
    removed += deleteWhere(this.#feedback, (hour) => hour < oldestHour);
    removed += deleteWhere(this.#questions, (day) => day < oldestDay);
    removed += deleteWhere(this.#voteGuards, (_key, guard) => guard.expiresAt <= now.getTime());
    removed += deleteWhere(this.#claims, (_id, expiresAt) => expiresAt <= now.getTime());
    removed += deleteWhere(this.#languages, (_key, choice) => choice.expiresAt <= now.getTime());
    return { removed };
  }

  async close(): Promise<void> {
    this.#closed = true;
  }

  /** Keeps the unanswered log within its cap: a linear scan, fine for a store meant for tests. */
  #evictRarest(): void {
    let rows = 0;
    for (const questions of this.#questions.values()) rows += questions.size;
    for (; rows > this.#options.maxUnansweredRows; rows--) {
      let rarest: { day: number; question: string; count: number } | undefined;
      for (const [day, questions] of this.#questions)
        for (const [question, { count }] of questions)
          if (
            rarest === undefined ||
            count < rarest.count ||
            (count === rarest.count &&
              (day < rarest.day || (day === rarest.day && question < rarest.question)))
          )
            rarest = { day, question, count };
      this.#questions.get(rarest!.day)!.delete(rarest!.question);
    }
  }

  #adjustVote(hour: number, faqId: string, vote: Vote, delta: number): void {
    const votes = getOrCreate(this.#feedback, hour, () => new Map());
    const tally = getOrCreate(votes, faqId, () => ({ up: 0, down: 0 }));
    tally[vote] = Math.max(0, tally[vote] + delta);
  }

  #open(): void {
    if (this.#closed) throw new Error("the insights store is closed");
  }
}

function getOrCreate<K, V>(map: Map<K, V>, key: K, create: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = create();
    map.set(key, value);
  }
  return value;
}

function deleteWhere<K, V>(map: Map<K, V>, doomed: (key: K, value: V) => boolean): number {
  let removed = 0;
  for (const [key, value] of map) {
    if (doomed(key, value)) {
      map.delete(key);
      removed += 1;
    }
  }
  return removed;
}
