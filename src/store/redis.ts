/**
 * {@link InsightsStore} in Redis, shared by every instance of the service (`REDIS_URL`).
 *
 * Keys (all under a configurable prefix, default `faq:`), each with an EXPIREAT at the end of
 * its retention period, so Redis itself forgets old data and `prune` has nothing to do:
 *
 * - `hour:<YYYY-MM-DDTHH>` hash: `a|<channel>|<faqId>` answers, `u|<channel>` unanswered
 *   questions, `f|<faqId>|up|down` votes, counted in that hour;
 * - `top:<YYYY-MM-DD>` sorted set: answers per FAQ id that day (ranks `mostAsked` cheaply);
 * - `uq:<day>` sorted set (question -> occurrences that day), `uqfirst:<day>` and `uqlast:<day>`
 *   hashes (first seen; last seen with its best candidate and confidence);
 * - `uqrank` sorted set (`<day>|<question>` -> occurrences): every row of the unanswered log,
 *   so its cap can delete the rarest row first (ZPOPMIN: lowest count, then oldest day, then
 *   text order); its members of days past retention are removed by `prune`;
 * - `vote:<voterKey>`: the duplicate-vote guard, an HMAC key living `voterKeyTtlSeconds`;
 * - `update:<update_id>`: claimed update ids (SET NX EX), living `updateClaimTtlSeconds`.
 *
 * Every call goes through the connection's circuit breaker (see `circuit-breaker.ts`) with a
 * deadline. Records that surely were not sent (the breaker is open, or the connection is down)
 * wait in memory and are written when Redis is back: answers summed per hour, channel and
 * entry, unanswered questions up to {@link MAX_PENDING_QUESTIONS}. A record whose write was
 * sent but not acknowledged in time (a hung Redis) is not sent again: Redis applies it when it
 * resumes, and sending it twice could count it twice.
 *
 * Multi-key steps are Lua scripts (atomic, one round trip). The vote script derives the key
 * of the hour a vote was first cast from the guard, so this store assumes one Redis (with or
 * without replicas), not Redis Cluster.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import {
  byFrequencyThenRecency,
  mostFrequent,
  dayExpiresAt,
  dayLabel,
  dayOf,
  dayOfHour,
  hourExpiresAt,
  hourLabel,
  hourOf,
  oldestKeptDay,
  oldestKeptHour,
  sortFeedback,
  StatsAccumulator,
  statsWindow,
} from "./buckets.js";
import { breakerOf, CircuitOpenError, type CircuitBreaker } from "./circuit-breaker.js";
import { GroupCommit } from "./group-commit.js";
import { HourlyTally } from "./hourly-tally.js";
import {
  LANGUAGE_CHOICE_TTL_SECONDS,
  checkLimit,
  checkStatsQuery,
  MAX_PENDING_QUESTIONS,
  resolveStoreOptions,
  storedQuestion,
  type AnsweredEvent,
  type StoreHealth,
  type FeedbackItem,
  type InsightsStore,
  type InsightsStoreOptions,
  type InsightStats,
  type PruneResult,
  type ResolvedStoreOptions,
  type StatsQuery,
  type UnansweredEvent,
  type UnansweredItem,
  type VoteEvent,
  type VoteOutcome,
} from "./insights.js";

/** Default key prefix: several services (or test runs) can share one Redis. */
export const DEFAULT_REDIS_KEY_PREFIX = "faq:";

/** Options of {@link RedisInsightsStore}. */
export interface RedisInsightsStoreOptions extends InsightsStoreOptions {
  /** A connected (or connecting) ioredis client. */
  readonly client: Redis;
  /** Prefix of every key. Default {@link DEFAULT_REDIS_KEY_PREFIX}. */
  readonly keyPrefix?: string;
  /** `close()` also quits the client (true when the store created it). Default false. */
  readonly ownsClient?: boolean;
  /** The connection's circuit breaker. Default: the one the client carries, if any. */
  readonly breaker?: CircuitBreaker;
  /** Deadline of each Redis call, ms. Default {@link DEFAULT_REDIS_CALL_TIMEOUT_MS}. */
  readonly timeoutMs?: number;
}

/**
 * Default deadline of a store call to Redis, ms: generous for Redis, short enough that the
 * breaker opens within a fraction of a second of Redis hanging. Recording never delays a reply.
 */
export const DEFAULT_REDIS_CALL_TIMEOUT_MS = 200;

/** Sent nowhere: the breaker is open or the connection is down, so the call surely did nothing. */
function surelyNotSent(error: unknown): boolean {
  return (
    error instanceof CircuitOpenError ||
    (error instanceof Error && error.message.startsWith("Stream isn't writeable"))
  );
}

/**
 * KEYS: guard, current hour hash. ARGV: faqId, vote, hour label, guard TTL (s), EXPIREAT of
 * the hour hash, key prefix. A changed vote is moved within the hour it was first cast.
 */
const VOTE_SCRIPT = `
local previous = redis.call('GET', KEYS[1])
if previous then
  local guard = cjson.decode(previous)
  if guard.faqId == ARGV[1] and guard.vote == ARGV[2] then return 'unchanged' end
  local bucket = ARGV[6] .. 'hour:' .. guard.hour
  if redis.call('EXISTS', bucket) == 1 then
    local old = 'f|' .. guard.faqId .. '|' .. guard.vote
    if tonumber(redis.call('HGET', bucket, old) or '0') > 0 then
      redis.call('HINCRBY', bucket, old, -1)
    end
    redis.call('HINCRBY', bucket, 'f|' .. ARGV[1] .. '|' .. ARGV[2], 1)
  end
  guard.faqId = ARGV[1]
  guard.vote = ARGV[2]
  redis.call('SET', KEYS[1], cjson.encode(guard), 'KEEPTTL')
  return 'changed'
end
redis.call('HINCRBY', KEYS[2], 'f|' .. ARGV[1] .. '|' .. ARGV[2], 1)
redis.call('EXPIREAT', KEYS[2], ARGV[5])
redis.call('SET', KEYS[1], cjson.encode({faqId = ARGV[1], vote = ARGV[2], hour = ARGV[3]}), 'EX', ARGV[4])
return 'recorded'
`;

/**
 * KEYS: hour hash, uq, uqfirst, uqlast, uqrank. ARGV: hourly field, question ('' = none), at
 * (ms), JSON [at, bestCandidate, confidence], EXPIREAT of the hour hash, EXPIREAT of the day
 * keys, day label, most rows kept, key prefix. Returns how many rows the cap deleted.
 */
const UNANSWERED_SCRIPT = `
redis.call('HINCRBY', KEYS[1], ARGV[1], 1)
redis.call('EXPIREAT', KEYS[1], ARGV[5])
if ARGV[2] == '' then return 0 end
local at = tonumber(ARGV[3])
redis.call('ZINCRBY', KEYS[2], 1, ARGV[2])
redis.call('ZINCRBY', KEYS[5], 1, ARGV[7] .. '|' .. ARGV[2])
local ttl = redis.call('TTL', KEYS[5])
if ttl < 0 or tonumber(redis.call('TIME')[1]) + ttl < tonumber(ARGV[6]) then
  redis.call('EXPIREAT', KEYS[5], ARGV[6])
end
local first = tonumber(redis.call('HGET', KEYS[3], ARGV[2]))
if (not first) or at < first then redis.call('HSET', KEYS[3], ARGV[2], ARGV[3]) end
local last = redis.call('HGET', KEYS[4], ARGV[2])
if (not last) or at >= tonumber(string.match(last, '^%[(%d+)')) then
  redis.call('HSET', KEYS[4], ARGV[2], ARGV[4])
end
for i = 2, 4 do redis.call('EXPIREAT', KEYS[i], ARGV[6]) end
local excess = redis.call('ZCARD', KEYS[5]) - tonumber(ARGV[8])
if excess <= 0 then return 0 end
local rarest = redis.call('ZPOPMIN', KEYS[5], excess)
for i = 1, #rarest, 2 do
  local split = string.find(rarest[i], '|', 1, true)
  local day = string.sub(rarest[i], 1, split - 1)
  local question = string.sub(rarest[i], split + 1)
  redis.call('ZREM', ARGV[9] .. 'uq:' .. day, question)
  redis.call('HDEL', ARGV[9] .. 'uqfirst:' .. day, question)
  redis.call('HDEL', ARGV[9] .. 'uqlast:' .. day, question)
end
return excess
`;

/** The client with this store's scripts defined (`defineCommand` adds them at run time). */
interface ScriptedRedis extends Redis {
  faqInsightsVote(...args: (string | number)[]): Promise<VoteOutcome>;
  faqInsightsUnanswered(...args: (string | number)[]): Promise<number>;
}

export class RedisInsightsStore implements InsightsStore {
  readonly #redis: ScriptedRedis;
  readonly #prefix: string;
  readonly #ownsClient: boolean;
  readonly #options: ResolvedStoreOptions;
  /**
   * Answers recorded in one task are summed and written in one transaction, at the end of the
   * task: not later, because callers reply without awaiting the record (the bot's webhook) and
   * a reply must not go out before its write was sent (the SIGKILL test of
   * tests/scale/multi-instance.test.ts). A record's promise resolves once the write is done.
   * Reads write what is waiting first (commands on the connection run in order).
   */
  readonly #answers = new HourlyTally();
  readonly #commits = new GroupCommit({ commit: () => this.#writeAnswers(), delayMs: 0 });
  readonly #breaker: CircuitBreaker | undefined;
  readonly #timeoutMs: number;
  /** Unanswered questions (their script's arguments) waiting for Redis to come back. */
  #pendingQuestions: (string | number)[][] = [];
  #dropped = 0;
  #inDoubt = 0;
  /** Why the last call failed, while none has succeeded since. */
  #lastFailure: string | undefined;

  constructor(options: RedisInsightsStoreOptions) {
    this.#options = resolveStoreOptions(options);
    this.#prefix = options.keyPrefix ?? DEFAULT_REDIS_KEY_PREFIX;
    this.#ownsClient = options.ownsClient ?? false;
    this.#breaker = options.breaker ?? breakerOf(options.client);
    this.#timeoutMs = options.timeoutMs ?? DEFAULT_REDIS_CALL_TIMEOUT_MS;
    // Back: write what waited. (Closing the breaker needs a PING to succeed first.)
    this.#breaker?.onChange((open) => {
      if (open) return;
      this.#lastFailure = undefined; // a PING has just succeeded
      void this.#writePending();
    });
    const client = options.client;
    client.defineCommand("faqInsightsVote", { numberOfKeys: 2, lua: VOTE_SCRIPT });
    client.defineCommand("faqInsightsUnanswered", { numberOfKeys: 5, lua: UNANSWERED_SCRIPT });
    this.#redis = client as ScriptedRedis;
  }

  recordAnswered({ faqId, channel, at }: AnsweredEvent): Promise<void> {
    this.#answers.add(hourOf(at ?? this.#options.nowMs()), channel, faqId);
    return this.#commits.add();
  }

  /** Runs a Redis call through the breaker, with the deadline; notes success and failure. */
  async #call<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      const result =
        this.#breaker === undefined
          ? await call()
          : await this.#breaker.run(operation, call, this.#timeoutMs);
      this.#lastFailure = undefined;
      return result;
    } catch (error) {
      this.#lastFailure = error instanceof Error ? error.message : String(error);
      throw error;
    }
  }

  /**
   * Writes the summed answers in one transaction: one increment by n per key. While the breaker
   * is open the counts stay summed (nothing is taken out, so this costs nothing per record); a
   * write that surely was not sent puts its counts back.
   */
  async #writeAnswers(): Promise<void> {
    if (this.#breaker?.isOpen) throw new CircuitOpenError("recordAnswered");
    const counts = this.#answers.take();
    if (counts.length === 0) return;
    const retention = this.#options.retentionDays;
    const transaction = this.#redis.multi();
    const expiring = new Map<string, number>();
    for (const { hour, channel, key: faqId, count } of counts) {
      const hourKey = this.#hourKey(hour);
      const topKey = this.#key("top", dayOfHour(hour));
      transaction.hincrby(hourKey, `a|${channel}|${faqId}`, count).zincrby(topKey, count, faqId);
      expiring.set(hourKey, hourExpiresAt(hour, retention));
      expiring.set(topKey, dayExpiresAt(dayOfHour(hour), retention));
    }
    for (const [key, at] of expiring) transaction.expireat(key, at);
    try {
      checkTransaction(await this.#call("recordAnswered", () => transaction.exec()));
    } catch (error) {
      if (surelyNotSent(error)) this.#answers.restore(counts);
      else this.#inDoubt += counts.reduce((sum, { count }) => sum + count, 0);
      throw error;
    }
  }

  async recordUnanswered(event: UnansweredEvent): Promise<void> {
    const args = this.#unansweredArgs(event);
    if (this.#breaker?.isOpen) {
      this.#keepQuestion(args);
      throw new CircuitOpenError("recordUnanswered");
    }
    try {
      await this.#call("recordUnanswered", () => this.#redis.faqInsightsUnanswered(...args));
    } catch (error) {
      if (surelyNotSent(error)) this.#keepQuestion(args);
      else this.#inDoubt++;
      throw error;
    }
  }

  /** Keeps a question to write when Redis is back, up to {@link MAX_PENDING_QUESTIONS}. */
  #keepQuestion(args: (string | number)[]): void {
    if (this.#pendingQuestions.length >= MAX_PENDING_QUESTIONS) this.#dropped++;
    else this.#pendingQuestions.push(args);
  }

  /** Writes what waited while Redis was away: the summed answers, then the questions. */
  async #writePending(): Promise<void> {
    // The summed answers belong to no group any more (theirs failed): start one and write it.
    if (this.#answers.total > 0) void this.#commits.add().catch(() => undefined);
    await this.#commits.flush().catch(() => undefined);
    const pending = this.#pendingQuestions;
    this.#pendingQuestions = [];
    // Sent together: ioredis pipelines them on the one connection.
    await Promise.all(
      pending.map((args) =>
        this.#call("recordUnanswered", () => this.#redis.faqInsightsUnanswered(...args)).catch(
          (error: unknown) => {
            if (surelyNotSent(error)) this.#keepQuestion(args);
            else this.#inDoubt++;
          },
        ),
      ),
    );
  }

  health(): StoreHealth {
    const unavailable = this.#breaker?.isOpen === true || this.#redis.status !== "ready";
    const pending = this.#answers.total + this.#pendingQuestions.length;
    const degraded =
      unavailable || this.#lastFailure !== undefined || this.#pendingQuestions.length > 0;
    return {
      status: degraded ? "degraded" : "ok",
      ...(degraded
        ? {
            reason: unavailable
              ? `Redis unavailable (connection ${this.#redis.status}${this.#breaker?.isOpen ? ", circuit open" : ""})`
              : `write failed: ${this.#lastFailure ?? "records waiting"}`,
          }
        : {}),
      pendingRecords: pending,
      droppedRecords: this.#dropped,
      inDoubtRecords: this.#inDoubt,
      recoveries: 0,
    };
  }

  /** The unanswered script's arguments for one question. */
  #unansweredArgs(event: UnansweredEvent): (string | number)[] {
    const at = event.at?.getTime() ?? this.#options.nowMs();
    const hour = hourOf(at);
    const day = dayOf(at);
    const retention = this.#options.retentionDays;
    return [
      this.#hourKey(hour),
      this.#key("uq", day),
      this.#key("uqfirst", day),
      this.#key("uqlast", day),
      `${this.#prefix}uqrank`,
      `u|${event.channel}`,
      storedQuestion(event.normalized),
      at,
      JSON.stringify([at, event.bestCandidate, event.confidence]),
      hourExpiresAt(hour, retention),
      dayExpiresAt(day, retention),
      dayLabel(day),
      this.#options.maxUnansweredRows,
      this.#prefix,
    ];
  }

  async recordVote({ faqId, vote, voterKey, at }: VoteEvent): Promise<VoteOutcome> {
    const hour = hourOf(at ?? this.#options.nowMs());
    return this.#redis.faqInsightsVote(
      `${this.#prefix}vote:${voterKey}`,
      this.#hourKey(hour),
      faqId,
      vote,
      hourLabel(hour),
      this.#options.voterKeyTtlSeconds,
      hourExpiresAt(hour, this.#options.retentionDays),
      this.#prefix,
    );
  }

  async chooseLanguage(userKey: string, language: string | null): Promise<void> {
    const key = `${this.#prefix}lang:${userKey}`;
    if (language === null) await this.#call("chooseLanguage", () => this.#redis.del(key));
    else
      await this.#call("chooseLanguage", () =>
        this.#redis.set(key, language, "EX", LANGUAGE_CHOICE_TTL_SECONDS),
      );
  }

  async chosenLanguage(userKey: string): Promise<string | null> {
    return this.#call("chosenLanguage", () => this.#redis.get(`${this.#prefix}lang:${userKey}`));
  }

  async claimUpdate(updateId: number): Promise<boolean> {
    const claimed = await this.#redis.set(
      `${this.#prefix}update:${updateId}`,
      "1",
      "EX",
      this.#options.updateClaimTtlSeconds,
      "NX",
    );
    return claimed === "OK";
  }

  async mostAsked(limit: number): Promise<string[]> {
    checkLimit(limit);
    await this.#writeWaiting();
    const days = this.#keptDays("top");
    // FAQ ids are bounded by the knowledge base, so reading the whole union is cheap and lets
    // ties sort the same way as in the other stores.
    const flat = await this.#union(days, 0, -1);
    return mostFrequent(pairs(flat), limit).map(([faqId]) => faqId);
  }

  async stats(query: StatsQuery): Promise<InsightStats> {
    const { days, top } = checkStatsQuery(query);
    await this.#writeWaiting();
    const now = this.#options.now();
    const window = statsWindow(now, days);
    const first = Math.max(window.firstHour, oldestKeptHour(now, this.#options.retentionDays));
    const stats = new StatsAccumulator(window, top);
    for (const [hour, fields] of await this.#hours(first, window.lastHour)) {
      const day = dayOfHour(hour);
      for (const [field, value] of Object.entries(fields)) {
        const count = Number(value);
        const kind = field.slice(0, 2);
        const rest = field.slice(2);
        if (kind === "a|") {
          const split = rest.indexOf("|");
          stats.answered(day, rest.slice(0, split), rest.slice(split + 1), count);
        } else if (kind === "u|") stats.unanswered(day, rest, count);
        else if (kind === "f|") {
          const split = rest.lastIndexOf("|");
          const vote = rest.slice(split + 1);
          if (vote === "up" || vote === "down")
            stats.feedback(day, rest.slice(0, split), vote, count);
        }
      }
    }
    return stats.finish();
  }

  async unanswered(limit: number): Promise<UnansweredItem[]> {
    checkLimit(limit);
    await this.#writeWaiting();
    const days = this.#keptDayNumbers();
    const top = pairs(
      await this.#union(
        days.map((day) => this.#key("uq", day)),
        0,
        limit - 1,
        "rev",
      ),
    );
    if (top.length === 0) return [];
    const questions = top.map(([question]) => question);
    const pipeline = this.#redis.pipeline();
    for (const day of days) {
      pipeline.hmget(this.#key("uqfirst", day), ...questions);
      pipeline.hmget(this.#key("uqlast", day), ...questions);
    }
    const replies = checkTransaction(await this.#call("unanswered", () => pipeline.exec())) as (
      string | null
    )[][];
    return top
      .map(([question, count], index) => {
        let firstSeen = Infinity;
        let last: [number, string | null, number] = [0, null, 0];
        for (let i = 0; i < replies.length; i += 2) {
          const firstValue = replies[i]![index];
          const lastValue = replies[i + 1]![index];
          if (firstValue != null) firstSeen = Math.min(firstSeen, Number(firstValue));
          if (lastValue != null) {
            const parsed = JSON.parse(lastValue) as [number, string | null, number];
            if (parsed[0] >= last[0]) last = parsed;
          }
        }
        return {
          question,
          count,
          firstSeen: new Date(Number.isFinite(firstSeen) ? firstSeen : last[0]).toISOString(),
          lastSeen: new Date(last[0]).toISOString(),
          bestCandidate: last[1],
          confidence: last[2],
        };
      })
      .sort(byFrequencyThenRecency);
  }

  async feedback(): Promise<FeedbackItem[]> {
    await this.#writeWaiting();
    const now = this.#options.now();
    const totals = new Map<string, { up: number; down: number }>();
    for (const [, fields] of await this.#hours(
      oldestKeptHour(now, this.#options.retentionDays),
      hourOf(now),
    )) {
      for (const [field, value] of Object.entries(fields)) {
        if (!field.startsWith("f|")) continue;
        const split = field.lastIndexOf("|");
        const vote = field.slice(split + 1);
        if (vote !== "up" && vote !== "down") continue;
        const faqId = field.slice(2, split);
        const tally = totals.get(faqId) ?? { up: 0, down: 0 };
        tally[vote] += Number(value);
        totals.set(faqId, tally);
      }
    }
    return sortFeedback(totals);
  }

  /**
   * Every key carries an EXPIREAT at the end of its retention period, so Redis deletes it
   * itself; only the unanswered log's rank holds members of several days, and loses those of
   * days past retention here (it is at most the cap's size).
   */
  async prune(now: Date = this.#options.now()): Promise<PruneResult> {
    const rank = `${this.#prefix}uqrank`;
    const oldest = dayLabel(oldestKeptDay(now, this.#options.retentionDays));
    const members = await this.#call("prune", () => this.#redis.zrange(rank, 0, "-1"));
    const expired = members.filter((member) => member.slice(0, member.indexOf("|")) < oldest);
    if (expired.length > 0) await this.#call("prune", () => this.#redis.zrem(rank, ...expired));
    return { removed: expired.length };
  }

  async close(): Promise<void> {
    await this.#writeWaiting();
    if (this.#ownsClient && this.#redis.status !== "end") {
      await this.#redis.quit().catch(() => this.#redis.disconnect());
    }
  }

  /** Writes the waiting answers (a failure reaches their records, not the reader). */
  async #writeWaiting(): Promise<void> {
    await this.#commits.flush().catch(() => undefined);
  }

  #hourKey(hour: number): string {
    return `${this.#prefix}hour:${hourLabel(hour)}`;
  }

  #key(kind: "top" | "uq" | "uqfirst" | "uqlast", day: number): string {
    return `${this.#prefix}${kind}:${dayLabel(day)}`;
  }

  /** Day buckets still within the retention period, oldest first. */
  #keptDayNumbers(): number[] {
    const now = this.#options.now();
    const days: number[] = [];
    for (let day = oldestKeptDay(now, this.#options.retentionDays); day <= dayOf(now); day++)
      days.push(day);
    return days;
  }

  #keptDays(kind: "top" | "uq"): string[] {
    return this.#keptDayNumbers().map((day) => this.#key(kind, day));
  }

  /** The hour hashes from `first` to `last` (inclusive) that exist, with their fields. */
  async #hours(first: number, last: number): Promise<[number, Record<string, string>][]> {
    const hours: number[] = [];
    for (let hour = first; hour <= last; hour++) hours.push(hour);
    const pipeline = this.#redis.pipeline();
    for (const hour of hours) pipeline.hgetall(this.#hourKey(hour));
    const replies = checkTransaction(await this.#call("read", () => pipeline.exec())) as Record<
      string,
      string
    >[];
    return hours.map((hour, index) => [hour, replies[index] ?? {}]);
  }

  /**
   * Sums sorted sets into a temporary key and reads a range of it (flat member, score list),
   * in one transaction so the temporary key never outlives the call.
   */
  async #union(keys: string[], start: number, stop: number, order?: "rev"): Promise<ZsetReply> {
    const temporary = `${this.#prefix}tmp:${randomUUID()}`;
    const transaction = this.#redis
      .multi()
      .zunionstore(temporary, keys.length, ...keys, "AGGREGATE", "SUM");
    if (order === "rev") transaction.zrevrange(temporary, start, String(stop), "WITHSCORES");
    else transaction.zrange(temporary, start, String(stop), "WITHSCORES");
    const replies = checkTransaction(
      await this.#call("read", () => transaction.del(temporary).exec()),
    );
    return replies[1] as ZsetReply;
  }
}

/**
 * A WITHSCORES reply: flat `[member, score, ...]` (RESP2, and ioredis' default "legacy" reply
 * mapping on RESP3) or `[[member, score], ...]` (RESP3 with native reply mapping).
 */
type ZsetReply = (string | [string, string | number])[];

/** A WITHSCORES reply as `[member, score]` pairs, whichever shape it came in. */
function pairs(reply: ZsetReply): [string, number][] {
  const result: [string, number][] = [];
  for (let i = 0; i < reply.length; i++) {
    const item = reply[i]!;
    if (Array.isArray(item)) result.push([item[0], Number(item[1])]);
    else result.push([item, Number(reply[++i])]);
  }
  return result;
}

/** The replies of a MULTI or pipeline; throws the first command error. */
function checkTransaction(replies: [Error | null, unknown][] | null): unknown[] {
  if (replies === null) throw new Error("Redis transaction aborted");
  return replies.map(([error, reply]) => {
    if (error) throw error;
    return reply;
  });
}
