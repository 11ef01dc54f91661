/**
 * What the service remembers about its use, behind one interface with three implementations:
 * in memory (unit tests), SQLite (one instance, the default) and Redis (several instances).
 *
 * Privacy is part of the contract. Stored are only: per answered question the FAQ id, channel
 * and hour; per unanswered or low-confidence question its normalised text, count, first and
 * last seen, best candidate and confidence; per 👍/👎 the FAQ id, vote and hour. Never a
 * Telegram user id, name, username, chat id, IP address or the text of an answered question.
 * The only per-person values are opaque HMAC keys (duplicate-vote guard) that expire after a
 * short TTL. Everything else is pruned after `retentionDays`.
 */

import { normalizeText } from "../text/normalize.js";

/** A thumbs-up or thumbs-down on one answer. */
export type Vote = "up" | "down";

/** Where a question was asked. The web page and `/ask` both count as `http`. */
export type InsightChannel = "telegram-private" | "telegram-group" | "inline" | "http";

/** Every channel, in the order reports list them. */
export const INSIGHT_CHANNELS: readonly InsightChannel[] = [
  "telegram-private",
  "telegram-group",
  "inline",
  "http",
];

/** Records older than this many days are pruned, unless configured otherwise. */
export const DEFAULT_RETENTION_DAYS = 30;
/** How long a duplicate-vote guard (an HMAC key) lives: long enough for a conversation. */
export const DEFAULT_VOTER_KEY_TTL_SECONDS = 48 * 60 * 60;
/** How long a language choice is kept (a year; `/privacy` and `about-this-bot` say so). */
export const LANGUAGE_CHOICE_TTL_SECONDS = 365 * 24 * 60 * 60;
/** How long a claimed update id is remembered: Telegram gives up redelivering within 24 h. */
export const DEFAULT_UPDATE_CLAIM_TTL_SECONDS = 24 * 60 * 60;
/**
 * Most rows the unanswered log keeps (a row is one question on one UTC day), unless configured
 * otherwise (`UNANSWERED_MAX_ROWS`). Past it the rarest rows go first: see
 * {@link InsightsStoreOptions.maxUnansweredRows}.
 */
export const DEFAULT_MAX_UNANSWERED_ROWS = 10_000;
/** Longest normalised question kept; anything longer is cut (questions are at most 500 chars). */
export const MAX_STORED_QUESTION_LENGTH = 500;

/** One answer given. */
export interface AnsweredEvent {
  readonly faqId: string;
  readonly channel: InsightChannel;
  /** When it happened; default now. Only its hour is stored. */
  readonly at?: Date;
}

/** A question without a confident answer. */
export interface UnansweredEvent {
  /** The question as normalised by the engine (never the raw message text). */
  readonly normalized: string;
  readonly channel: InsightChannel;
  /** The closest entry, if any came near. */
  readonly bestCandidate: string | null;
  /** Confidence of that closest entry (0 when there is none). */
  readonly confidence: number;
  /** When it happened; default now. */
  readonly at?: Date;
}

/** One press of a 👍/👎 button. */
export interface VoteEvent {
  readonly faqId: string;
  readonly vote: Vote;
  /** Opaque HMAC of "this person, this message" (see `src/bot/voter-key.ts`); never a user id. */
  readonly voterKey: string;
  /** When it happened; default now. Only its hour is stored. */
  readonly at?: Date;
}

/** What a press did: a first vote, a changed vote, or the same vote again. */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

/** Answered and unanswered counts. */
export interface QuestionCounts {
  readonly answered: number;
  readonly unanswered: number;
}

/** Votes on one FAQ entry. */
export interface FeedbackItem {
  readonly faqId: string;
  readonly up: number;
  readonly down: number;
}

/** How often one entry was given as the answer. */
export interface FaqCount {
  readonly faqId: string;
  readonly count: number;
}

/** One day (UTC) of {@link InsightStats}. */
export interface DailyCounts extends QuestionCounts {
  /** `YYYY-MM-DD`, UTC. */
  readonly day: string;
}

/** Usage over a window of days. */
export interface InsightStats {
  /** The window: `days` UTC days ending today, `from` and `to` as `YYYY-MM-DD`. */
  readonly window: { readonly days: number; readonly from: string; readonly to: string };
  readonly totals: QuestionCounts;
  /** Every channel, zeros included. */
  readonly byChannel: Readonly<Record<InsightChannel, QuestionCounts>>;
  /** Every day of the window, oldest first, zeros included. */
  readonly byDay: readonly DailyCounts[];
  /** Most given answers in the window, most first. */
  readonly topFaqIds: readonly FaqCount[];
  /** Votes in the window per entry, most votes first. */
  readonly feedback: readonly FeedbackItem[];
}

/** One unanswered question with its tally (within the retention period). */
export interface UnansweredItem {
  /** The normalised question. */
  readonly question: string;
  readonly count: number;
  /** ISO 8601 timestamps. */
  readonly firstSeen: string;
  readonly lastSeen: string;
  /** Closest entry the last time it was asked, if any. */
  readonly bestCandidate: string | null;
  /** Confidence of that entry the last time it was asked. */
  readonly confidence: number;
}

/** Parameters of {@link InsightsStore.stats}. */
export interface StatsQuery {
  /** UTC days to cover, ending today (1 = today only). */
  readonly days: number;
  /** How many top FAQ ids to list. Default 10. */
  readonly top?: number;
}

/** Most days a stats window may span, and most items a list may return. */
export const MAX_STATS_DAYS = 366;
export const MAX_LIST_LIMIT = 1_000;

/**
 * Everything the service stores about its use. Implementations are safe to call concurrently;
 * reads only ever return records within the retention period, whether or not `prune` ran.
 */
export interface InsightsStore {
  /**
   * How long a record may wait, by design, before the store writes it (group commit), ms; a
   * caller's deadline for a record starts after it. Undefined: records are written at once.
   */
  readonly recordLatencyMs?: number;
  /** One more answer of `faqId` on `channel`, in the hour of `at`. */
  recordAnswered(event: AnsweredEvent): Promise<void>;
  /** One more occurrence of an unanswered question (and of the channel's hourly count). */
  recordUnanswered(event: UnansweredEvent): Promise<void>;
  /**
   * Records a vote; one per `voterKey` (one person, one message) while the key lives: the
   * same vote again is `unchanged`, the other one replaces it (`changed`).
   */
  recordVote(event: VoteEvent): Promise<VoteOutcome>;
  /**
   * True the first time `updateId` is claimed (by any instance sharing the store).
   * @deprecated The bot no longer uses it: the durable update queue (`src/store/queue/`) keys
   * each update by its id and finds duplicates itself. Kept until the stores drop it.
   */
  claimUpdate(updateId: number): Promise<boolean>;
  /**
   * Keeps the language someone chose (the bot's /language) under `userKey`, an HMAC of their
   * user id (never the id), for {@link LANGUAGE_CHOICE_TTL_SECONDS}; `null` forgets it.
   */
  chooseLanguage(userKey: string, language: string | null): Promise<void>;
  /** The language kept under `userKey`, or null (none, or expired). */
  chosenLanguage(userKey: string): Promise<string | null>;
  /** FAQ ids most often given as answers within the retention period, most first. */
  mostAsked(limit: number): Promise<string[]>;
  /** Usage over the last `days` UTC days. */
  stats(query: StatsQuery): Promise<InsightStats>;
  /** Unanswered questions, most frequent first (then most recent); at most `limit`. */
  unanswered(limit: number): Promise<UnansweredItem[]>;
  /** Votes per FAQ id within the retention period, most votes first. */
  feedback(): Promise<FeedbackItem[]>;
  /** Deletes what is older than the retention period (and expired keys). */
  prune(now?: Date): Promise<PruneResult>;
  /** Releases the file or connection; the store is unusable afterwards. */
  close(): Promise<void>;
  /** How the store is doing (synchronous and cheap: probes call it). */
  health?(): StoreHealth;
}

/** A moved-aside corrupt file (SQLite). */
export interface StoreRecovery {
  /** ISO 8601. */
  readonly at: string;
  /** Where the corrupt file now is. */
  readonly movedTo: string;
  /** What was wrong (SQLite's words). */
  readonly reason: string;
}

/** How the store is doing: what `/readyz` and `/metrics` report. Never holds any record. */
export interface StoreHealth {
  /**
   * `degraded` while records cannot be written as they come: the backend is unreachable (the
   * Redis circuit is open) or the last write failed; they wait in memory meanwhile.
   */
  readonly status: "ok" | "degraded";
  /** Why it is degraded. */
  readonly reason?: string;
  /** Records waiting in memory to be written. */
  readonly pendingRecords: number;
  /** Records given up since start because the waiting room was full. */
  readonly droppedRecords: number;
  /**
   * Records whose write was sent but not acknowledged (a hung Redis): Redis applies them when
   * it resumes, unless the connection was lost meanwhile. Not retried, so never counted twice.
   */
  readonly inDoubtRecords: number;
  /** Corrupt files moved aside since start. */
  readonly recoveries: number;
  readonly lastRecovery?: StoreRecovery;
}

/** The health of a store that is fine (and of stores that do not report one). */
export const HEALTHY_STORE: StoreHealth = {
  status: "ok",
  pendingRecords: 0,
  droppedRecords: 0,
  inDoubtRecords: 0,
  recoveries: 0,
};

/**
 * Unanswered questions that may wait in memory while the store cannot take them (answers are
 * summed per hour, channel and entry, so they need no such bound).
 */
export const MAX_PENDING_QUESTIONS = 10_000;

/** What {@link InsightsStore.prune} removed (records or rows; 0 where the backend expires keys itself). */
export interface PruneResult {
  readonly removed: number;
}

/** Options every implementation understands. */
export interface InsightsStoreOptions {
  /** Records older than this many days are pruned. Default {@link DEFAULT_RETENTION_DAYS}. */
  readonly retentionDays?: number;
  /** Lifetime of a duplicate-vote guard, seconds. Default {@link DEFAULT_VOTER_KEY_TTL_SECONDS}. */
  readonly voterKeyTtlSeconds?: number;
  /** Lifetime of a claimed update id, seconds. Default {@link DEFAULT_UPDATE_CLAIM_TTL_SECONDS}. */
  readonly updateClaimTtlSeconds?: number;
  /**
   * Hard cap on the unanswered log, in rows (one question on one UTC day). When a new row would
   * exceed it, the rarest rows are deleted first: lowest count, then oldest day, then in text
   * order (the order of a Redis sorted set, which every backend follows). Questions people keep
   * asking survive a flood of one-off ones. Default {@link DEFAULT_MAX_UNANSWERED_ROWS}.
   */
  readonly maxUnansweredRows?: number;
  /** Clock, for tests. Default `() => new Date()`. */
  readonly now?: () => Date;
}

/** The part of a pino logger the store uses. Log objects never carry question text at info. */
export interface StoreLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** A store call took longer than allowed (the call may still complete later). */
export class StoreTimeoutError extends Error {
  constructor(
    readonly operation: string,
    readonly timeoutMs: number,
  ) {
    super(`store operation ${operation} took longer than ${timeoutMs} ms`);
    this.name = "StoreTimeoutError";
  }
}

/** A query parameter out of range (a programming error, or a bad admin request). */
export class StoreQueryError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = "StoreQueryError";
  }
}

/** The stored data cannot be used by this version (e.g. a newer schema). */
export class StoreSchemaError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "StoreSchemaError";
  }
}

/** Options with their defaults applied, shared by the implementations. */
export interface ResolvedStoreOptions {
  readonly retentionDays: number;
  readonly voterKeyTtlSeconds: number;
  readonly updateClaimTtlSeconds: number;
  readonly maxUnansweredRows: number;
  readonly now: () => Date;
  /** The same clock in epoch ms: counting an answer then allocates no Date. */
  readonly nowMs: () => number;
}

/** Applies defaults and checks ranges (a bad value is a programming or configuration error). */
export function resolveStoreOptions(options: InsightsStoreOptions = {}): ResolvedStoreOptions {
  const resolved = {
    retentionDays: options.retentionDays ?? DEFAULT_RETENTION_DAYS,
    voterKeyTtlSeconds: options.voterKeyTtlSeconds ?? DEFAULT_VOTER_KEY_TTL_SECONDS,
    updateClaimTtlSeconds: options.updateClaimTtlSeconds ?? DEFAULT_UPDATE_CLAIM_TTL_SECONDS,
    maxUnansweredRows: options.maxUnansweredRows ?? DEFAULT_MAX_UNANSWERED_ROWS,
    now: options.now ?? (() => new Date()),
    nowMs: options.now === undefined ? Date.now : () => options.now!().getTime(),
  };
  for (const [name, value] of Object.entries(resolved)) {
    if (typeof value === "number" && (!Number.isInteger(value) || value < 1))
      throw new StoreQueryError(`${name} must be a whole number >= 1 (got ${value})`);
  }
  return resolved;
}

/** Checks a list limit. */
export function checkLimit(limit: number): number {
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIST_LIMIT)
    throw new StoreQueryError(`limit must be a whole number from 1 to ${MAX_LIST_LIMIT}`);
  return limit;
}

/** Checks a stats query and applies its defaults. */
export function checkStatsQuery(query: StatsQuery): Required<StatsQuery> {
  if (!Number.isInteger(query.days) || query.days < 1 || query.days > MAX_STATS_DAYS)
    throw new StoreQueryError(`days must be a whole number from 1 to ${MAX_STATS_DAYS}`);
  return { days: query.days, top: checkLimit(query.top ?? 10) };
}

/** Digit groups separated by single spaces ("49 170 1234567" after normalisation). */
const DIGIT_GROUPS = /\d+(?: \d+)*/g;

/**
 * The stored form of a normalised question: normalised (again, so whatever a caller passes, no
 * e-mail address, link, @handle or punctuation is kept: see `src/search/normalize.ts`), bounded,
 * and with long numbers (phone numbers, account or order ids: a run of 5+ digits, or 7+ digits
 * in groups) replaced by `#`, since no FAQ question needs them and they may identify someone.
 * Years and the like stay.
 */
/**
 * Marks a question someone suggested adding to the FAQ, among the unanswered questions. A
 * normalised question never holds a colon, so the marker cannot be typed into one.
 */
export const SUGGESTION_MARKER = "suggested: ";

export function storedQuestion(normalized: string): string {
  // A suggestion keeps its marker (normalising would drop the colon that makes it untypeable).
  if (normalized.startsWith(SUGGESTION_MARKER))
    return SUGGESTION_MARKER + storedQuestion(normalized.slice(SUGGESTION_MARKER.length));
  return normalizeText(normalized)
    .replace(DIGIT_GROUPS, (digits) =>
      /\d{5}/.test(digits) || digits.replace(/ /g, "").length >= 7 ? "#" : digits,
    )
    .slice(0, MAX_STORED_QUESTION_LENGTH);
}
