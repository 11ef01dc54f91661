/**
 * {@link InsightsStore} in an embedded SQLite file (`better-sqlite3`): the default, no set-up,
 * for a single instance. Several instances need the Redis store instead: an SQLite file on a
 * shared volume is neither safe nor fast across hosts.
 *
 * Durability: WAL journal with `synchronous = NORMAL`. Every committed transaction is written
 * to the WAL file before the call returns, so a crashed or `kill -9`ed process loses nothing it
 * acknowledged (the durability test proves it); only an operating-system crash or power loss
 * can lose the last commits before the next checkpoint. `FULL` closes that gap at the price of
 * an fsync per write, which better-sqlite3 would run on the event loop; for usage counts that
 * trade is not worth it, but {@link SqliteInsightsStoreOptions.synchronous} allows it.
 *
 * The schema is created and migrated on open, tracked by `PRAGMA user_version`.
 */
import { existsSync, mkdirSync, renameSync } from "node:fs";
import { dirname, join } from "node:path";
import Database from "better-sqlite3";
import {
  byFrequencyThenRecency,
  compareText,
  dayOf,
  hourOf,
  oldestKeptDay,
  oldestKeptHour,
  sortFeedback,
  StatsAccumulator,
  statsWindow,
} from "./buckets.js";
import { GroupCommit } from "./group-commit.js";
import { HourlyTally, type HourlyCount } from "./hourly-tally.js";
import {
  LANGUAGE_CHOICE_TTL_SECONDS,
  checkLimit,
  checkStatsQuery,
  resolveStoreOptions,
  MAX_PENDING_QUESTIONS,
  storedQuestion,
  StoreSchemaError,
  type AnsweredEvent,
  type StoreHealth,
  type StoreLogger,
  type StoreRecovery,
  type FeedbackItem,
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

/** File name of the database inside `DATA_DIR`. */
export const SQLITE_FILE_NAME = "insights.sqlite";

/** Options of {@link SqliteInsightsStore}. */
export interface SqliteInsightsStoreOptions extends InsightsStoreOptions {
  /** The database file (its folder is created). `:memory:` for a throw-away database. */
  readonly path: string;
  /**
   * `NORMAL` (default) survives a process crash; `FULL` also survives an OS crash or power
   * loss, at the cost of an fsync per write. See the file comment.
   */
  readonly synchronous?: "NORMAL" | "FULL";
  /**
   * How long a write waits for a lock held by another connection (e.g. `npm run report`
   * checkpointing), in ms. Short, because better-sqlite3 waits on the event loop. Default 200.
   */
  readonly busyTimeoutMs?: number;
  /** Open read-only (the report CLI): no schema changes, no writes. */
  readonly readonly?: boolean;
  /**
   * Longest an answer record waits for its group to be written, ms. Default
   * {@link DEFAULT_GROUP_COMMIT_MS}. Each new unanswered question inserts into two B-trees at
   * places its text decides, so a transaction costs about one WAL page per row unless rows share
   * pages: the longer the window, the more of them do.
   */
  readonly groupCommitMs?: number;
  /**
   * Time between two integrity checks of the file while running (`PRAGMA quick_check` on a
   * connection of its own), ms; 0 for none. Default {@link DEFAULT_INTEGRITY_CHECK_MS}. The file
   * is also checked at open, and any operation that meets a corrupt page moves it aside.
   */
  readonly integrityCheckMs?: number;
  /** Where a corrupt file moved aside (and a failed check) is reported. */
  readonly logger?: StoreLogger;
}

/**
 * Default {@link SqliteInsightsStoreOptions.integrityCheckMs}: ten minutes. A check reads the
 * whole file on the event loop; the unanswered log's cap keeps the file to a few megabytes,
 * which takes milliseconds.
 */
export const DEFAULT_INTEGRITY_CHECK_MS = 10 * 60 * 1000;

/**
 * Default {@link SqliteInsightsStoreOptions.groupCommitMs}. Measured under never-repeating /ask
 * load (a fifth of them unanswered): writing every 25 ms cost ~14 µs of the main thread per
 * request, every 100 ms ~8.6 µs, every second ~2.4 µs. A crash loses at most that second of
 * statistics; reads, prune and close write what is waiting first.
 */
export const DEFAULT_GROUP_COMMIT_MS = 1_000;

/** The database path for a data folder. */
export function sqlitePathIn(dataDir: string): string {
  return join(dataDir, SQLITE_FILE_NAME);
}

/**
 * Schema migrations, applied in order; `user_version` is the number applied. Never edit a
 * released one: add the next.
 */
const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE answered_hourly (
    hour INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('telegram-private', 'telegram-group', 'inline', 'http')),
    faq_id TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, channel, faq_id)
  ) WITHOUT ROWID;

  CREATE TABLE unanswered_hourly (
    hour INTEGER NOT NULL,
    channel TEXT NOT NULL CHECK (channel IN ('telegram-private', 'telegram-group', 'inline', 'http')),
    count INTEGER NOT NULL,
    PRIMARY KEY (hour, channel)
  ) WITHOUT ROWID;

  -- One row per question and day, so retention drops old occurrences, not just old questions.
  CREATE TABLE unanswered_questions (
    question TEXT NOT NULL,
    day INTEGER NOT NULL,
    count INTEGER NOT NULL,
    first_seen INTEGER NOT NULL,
    last_seen INTEGER NOT NULL,
    best_candidate TEXT,
    confidence REAL NOT NULL,
    PRIMARY KEY (question, day)
  ) WITHOUT ROWID;
  CREATE INDEX unanswered_questions_by_day ON unanswered_questions (day);

  CREATE TABLE feedback_hourly (
    hour INTEGER NOT NULL,
    faq_id TEXT NOT NULL,
    up INTEGER NOT NULL DEFAULT 0,
    down INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (hour, faq_id)
  ) WITHOUT ROWID;

  -- Duplicate-vote guards: an HMAC key (never a user id) that expires after a short TTL.
  CREATE TABLE vote_guards (
    voter_key TEXT PRIMARY KEY,
    faq_id TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('up', 'down')),
    hour INTEGER NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX vote_guards_by_expiry ON vote_guards (expires_at);

  CREATE TABLE update_claims (
    update_id INTEGER PRIMARY KEY,
    expires_at INTEGER NOT NULL
  );
  CREATE INDEX update_claims_by_expiry ON update_claims (expires_at);
  `,
  // The unanswered log's cap deletes the rarest rows first (see evictRarest).
  `
  CREATE INDEX unanswered_questions_rarest ON unanswered_questions (count, day, question);
  `,
  // Languages chosen with the bot's /language, under an HMAC of the user id (never the id).
  `
  CREATE TABLE language_choices (
    user_key TEXT PRIMARY KEY,
    language TEXT NOT NULL,
    expires_at INTEGER NOT NULL
  ) WITHOUT ROWID;
  CREATE INDEX language_choices_by_expiry ON language_choices (expires_at);
  `,
];

/** SQLite says the file is corrupt (or not a database at all). */
class CorruptFileError extends Error {
  readonly code = "SQLITE_CORRUPT";
  constructor(problem: string) {
    super(problem);
    this.name = "CorruptFileError";
  }
}

/** Error codes that mean the file's content is damaged (not a permission or a full disk). */
const CORRUPTION = /^SQLITE_(CORRUPT|NOTADB)/;

/** True for an error that says the file is corrupt. */
export function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" && CORRUPTION.test(code);
}

/** The first problem `PRAGMA quick_check` reports, or undefined when the file is sound. */
function integrityProblem(db: Database.Database): string | undefined {
  const rows = db.pragma("quick_check(1)", { simple: false }) as { quick_check: string }[];
  const result = rows[0]?.quick_check ?? "no result";
  return result === "ok" ? undefined : result;
}

/** Renames the file and its -wal and -shm beside it; returns the new name. */
function moveAside(path: string, at: Date): string {
  const aside = `${path}.corrupt-${at.toISOString().replace(/[:.]/g, "-")}`;
  for (const suffix of ["", "-wal", "-shm"])
    if (existsSync(path + suffix)) renameSync(path + suffix, aside + suffix);
  return aside;
}

/** An error's name and message, for logs (never a record). */
function errorFields(error: unknown): { name: string; message: string } {
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: "Error", message: String(error) };
}

/** The prepared statements, compiled once. */
function prepareStatements(db: Database.Database) {
  return {
    answered: db.prepare<[number, string, string, number]>(
      `INSERT INTO answered_hourly (hour, channel, faq_id, count) VALUES (?, ?, ?, ?)
       ON CONFLICT (hour, channel, faq_id) DO UPDATE SET count = count + excluded.count`,
    ),
    unansweredHourly: db.prepare<[number, string, number]>(
      `INSERT INTO unanswered_hourly (hour, channel, count) VALUES (?, ?, ?)
       ON CONFLICT (hour, channel) DO UPDATE SET count = count + excluded.count`,
    ),
    // Column names on the right of SET refer to the row before the update.
    unansweredQuestion: db.prepare<
      [
        {
          question: string;
          day: number;
          at: number;
          bestCandidate: string | null;
          confidence: number;
        },
      ]
    >(
      `INSERT INTO unanswered_questions
         (question, day, count, first_seen, last_seen, best_candidate, confidence)
       VALUES (@question, @day, 1, @at, @at, @bestCandidate, @confidence)
       ON CONFLICT (question, day) DO UPDATE SET
         count = count + 1,
         first_seen = min(first_seen, excluded.first_seen),
         last_seen = max(last_seen, excluded.last_seen),
         best_candidate = CASE WHEN excluded.last_seen >= last_seen
                               THEN excluded.best_candidate ELSE best_candidate END,
         confidence = CASE WHEN excluded.last_seen >= last_seen
                           THEN excluded.confidence ELSE confidence END`,
    ),
    voteGuard: db.prepare<[string, number], { faq_id: string; vote: Vote; hour: number }>(
      `SELECT faq_id, vote, hour FROM vote_guards WHERE voter_key = ? AND expires_at > ?`,
    ),
    putVoteGuard: db.prepare<[string, string, string, number, number]>(
      `INSERT OR REPLACE INTO vote_guards (voter_key, faq_id, vote, hour, expires_at)
       VALUES (?, ?, ?, ?, ?)`,
    ),
    changeVoteGuard: db.prepare<[string, string, string]>(
      `UPDATE vote_guards SET faq_id = ?, vote = ? WHERE voter_key = ?`,
    ),
    addVote: db.prepare<[number, string, number, number]>(
      `INSERT INTO feedback_hourly (hour, faq_id, up, down) VALUES (?, ?, ?, ?)
       ON CONFLICT (hour, faq_id) DO UPDATE SET
         up = max(0, up + excluded.up), down = max(0, down + excluded.down)`,
    ),
    // Claims a fresh id, or takes over an expired claim; 0 changes means someone holds it.
    claim: db.prepare<[{ updateId: number; expiresAt: number; now: number }]>(
      `INSERT INTO update_claims (update_id, expires_at) VALUES (@updateId, @expiresAt)
       ON CONFLICT (update_id) DO UPDATE SET expires_at = excluded.expires_at
       WHERE update_claims.expires_at <= @now`,
    ),
    mostAsked: db.prepare<[number, number], { faq_id: string }>(
      `SELECT faq_id FROM answered_hourly WHERE hour >= ?
       GROUP BY faq_id ORDER BY sum(count) DESC, faq_id ASC LIMIT ?`,
    ),
    answeredByDay: db.prepare<
      [number],
      { day: number; channel: string; faq_id: string; count: number }
    >(
      `SELECT hour / 24 AS day, channel, faq_id, sum(count) AS count FROM answered_hourly
       WHERE hour >= ? GROUP BY day, channel, faq_id`,
    ),
    unansweredByDay: db.prepare<[number], { day: number; channel: string; count: number }>(
      `SELECT hour / 24 AS day, channel, sum(count) AS count FROM unanswered_hourly
       WHERE hour >= ? GROUP BY day, channel`,
    ),
    feedbackByDay: db.prepare<[number], { day: number; faq_id: string; up: number; down: number }>(
      `SELECT hour / 24 AS day, faq_id, sum(up) AS up, sum(down) AS down FROM feedback_hourly
       WHERE hour >= ? GROUP BY day, faq_id`,
    ),
    feedbackTotals: db.prepare<[number], { faq_id: string; up: number; down: number }>(
      `SELECT faq_id, sum(up) AS up, sum(down) AS down FROM feedback_hourly
       WHERE hour >= ? GROUP BY faq_id`,
    ),
    // The latest day's row of each question carries its latest candidate and confidence.
    unanswered: db.prepare<
      [{ oldestDay: number; limit: number }],
      {
        question: string;
        count: number;
        first_seen: number;
        last_seen: number;
        best_candidate: string | null;
        confidence: number;
      }
    >(
      `WITH totals AS (
         SELECT question, sum(count) AS count, min(first_seen) AS first_seen,
                max(last_seen) AS last_seen
         FROM unanswered_questions WHERE day >= @oldestDay GROUP BY question
         ORDER BY count DESC, last_seen DESC, question ASC LIMIT @limit
       )
       SELECT t.question, t.count, t.first_seen, t.last_seen, q.best_candidate, q.confidence
       FROM totals t JOIN unanswered_questions q
         ON q.question = t.question AND q.last_seen = t.last_seen AND q.day >= @oldestDay
       ORDER BY t.count DESC, t.last_seen DESC, t.question ASC`,
    ),
    questionRows: db.prepare<[], { rows: number }>(
      `SELECT count(*) AS rows FROM unanswered_questions`,
    ),
    evictRarest: db.prepare<[number]>(
      `DELETE FROM unanswered_questions WHERE (question, day) IN (
         SELECT question, day FROM unanswered_questions ORDER BY count, day, question LIMIT ?)`,
    ),
    pruneAnswered: db.prepare<[number]>(`DELETE FROM answered_hourly WHERE hour < ?`),
    pruneUnansweredHourly: db.prepare<[number]>(`DELETE FROM unanswered_hourly WHERE hour < ?`),
    pruneQuestions: db.prepare<[number]>(`DELETE FROM unanswered_questions WHERE day < ?`),
    pruneFeedback: db.prepare<[number]>(`DELETE FROM feedback_hourly WHERE hour < ?`),
    pruneVoteGuards: db.prepare<[number]>(`DELETE FROM vote_guards WHERE expires_at <= ?`),
    pruneClaims: db.prepare<[number]>(`DELETE FROM update_claims WHERE expires_at <= ?`),
    chooseLanguage: db.prepare<[string, string, number]>(
      `INSERT OR REPLACE INTO language_choices (user_key, language, expires_at) VALUES (?, ?, ?)`,
    ),
    forgetLanguage: db.prepare<[string]>(`DELETE FROM language_choices WHERE user_key = ?`),
    chosenLanguage: db.prepare<[string, number], { language: string }>(
      `SELECT language FROM language_choices WHERE user_key = ? AND expires_at > ?`,
    ),
    pruneLanguages: db.prepare<[number]>(`DELETE FROM language_choices WHERE expires_at <= ?`),
  };
}

/** An unanswered question waiting for the next group commit, with its time stamped. */
interface PendingQuestion {
  readonly event: UnansweredEvent;
  readonly at: number;
}

export class SqliteInsightsStore implements InsightsStore {
  #db!: Database.Database;
  /**
   * Answered and unanswered records are written in groups: one transaction per group instead of
   * one per question (a synchronous SQLite commit per request cost more than answering it).
   * Counts are summed until then. A record's promise resolves once its group is committed, so
   * "acknowledged" still means "on disk"; reads, prune and close commit what is waiting first.
   * A group that fails is rolled back whole, so its records are surely not written: they wait
   * for the next group (its promise still rejects, so callers count the failure).
   */
  readonly #commits: GroupCommit;
  readonly recordLatencyMs: number;
  /** Answers by (hour, channel, FAQ id) waiting for the next group. */
  readonly #answers = new HourlyTally();
  /** Unanswered questions per (hour, channel) waiting for the next group (key ""). */
  readonly #unansweredHourly = new HourlyTally();
  #questions: PendingQuestion[] = [];
  #writeAll!: (
    answers: readonly HourlyCount[],
    unansweredHourly: readonly HourlyCount[],
    questions: readonly PendingQuestion[],
  ) => void;
  readonly #options: ResolvedStoreOptions;
  readonly #settings: SqliteInsightsStoreOptions;
  readonly #logger: StoreLogger | undefined;
  #sql!: ReturnType<typeof prepareStatements>;
  #recordVote!: (event: VoteEvent) => VoteOutcome;
  #prune!: (now: number) => number;
  /** Why the last group failed, while it has not been written since. */
  #writeFailure: string | undefined;
  #dropped = 0;
  readonly #recoveries: StoreRecovery[] = [];
  readonly #checkTimer: NodeJS.Timeout | undefined;

  constructor(options: SqliteInsightsStoreOptions) {
    this.#options = resolveStoreOptions(options);
    this.#settings = options;
    this.#logger = options.logger;
    this.recordLatencyMs = options.groupCommitMs ?? DEFAULT_GROUP_COMMIT_MS;
    this.#commits = new GroupCommit({
      commit: () => this.#writeGroup(),
      delayMs: this.recordLatencyMs,
      // A second of answers under load is tens of thousands: the group's size must not cut the
      // window short (the default, 512, would write every few tens of ms at such rates).
      maxRecords: 16_384,
    });
    const readonly = options.readonly ?? false;
    if (options.path !== ":memory:" && !readonly)
      mkdirSync(dirname(options.path), { recursive: true });
    try {
      this.#openDatabase();
      // At start every page is read from disk (nothing is cached yet): quick_check sees it all.
      const problem = integrityProblem(this.#db);
      if (problem !== undefined) throw new CorruptFileError(problem);
    } catch (error) {
      if (readonly || !isCorruption(error)) throw error;
      this.#recover(error);
    }
    const checkMs = options.integrityCheckMs ?? DEFAULT_INTEGRITY_CHECK_MS;
    if (!readonly && options.path !== ":memory:" && checkMs > 0) {
      this.#checkTimer = setInterval(() => this.checkIntegrity(), checkMs);
      this.#checkTimer.unref();
    }
  }

  /** Opens (or creates) the file, migrates it and prepares the statements. */
  #openDatabase(): void {
    const readonly = this.#settings.readonly ?? false;
    this.#db = new Database(this.#settings.path, {
      readonly,
      fileMustExist: readonly,
      timeout: this.#settings.busyTimeoutMs ?? 200,
    });
    try {
      if (!readonly) {
        this.#db.pragma("journal_mode = WAL");
        this.#db.pragma(`synchronous = ${this.#settings.synchronous ?? "NORMAL"}`);
        migrate(this.#db);
      } else checkSchemaVersion(this.#db);
      this.#sql = prepareStatements(this.#db);
    } catch (error) {
      this.#db.close();
      throw error;
    }
    // Read-modify-write steps run in one IMMEDIATE transaction each: atomic, never half-done.
    this.#recordVote = this.#db.transaction((event: VoteEvent) => this.#vote(event)).immediate;
    this.#prune = this.#db.transaction((now: number) => this.#pruneAll(now)).immediate;
    this.#writeAll = this.#db.transaction(
      (
        answers: readonly HourlyCount[],
        unansweredHourly: readonly HourlyCount[],
        questions: readonly PendingQuestion[],
      ) => {
        for (const { hour, channel, key, count } of answers)
          this.#sql.answered.run(hour, channel, key, count);
        for (const { hour, channel, count } of unansweredHourly)
          this.#sql.unansweredHourly.run(hour, channel, count);
        let asked = false;
        for (const { event, at } of questions) {
          const question = storedQuestion(event.normalized);
          if (question === "") continue;
          this.#sql.unansweredQuestion.run({
            question,
            day: dayOf(at),
            at,
            bestCandidate: event.bestCandidate,
            confidence: event.confidence,
          });
          asked = true;
        }
        if (asked) this.#evictRarest();
      },
    ).immediate;
  }

  /**
   * Checks the file with `PRAGMA quick_check` on a connection of its own (the store's own
   * connection would check the pages it has cached, not what is on disk), and moves a corrupt
   * file aside. Runs every `integrityCheckMs`; returns the problem found, if any.
   */
  checkIntegrity(): string | undefined {
    if (!this.#db.open || this.#settings.path === ":memory:") return undefined;
    let problem: string | undefined;
    try {
      const checker = new Database(this.#settings.path, { readonly: true, fileMustExist: true });
      try {
        problem = integrityProblem(checker);
      } finally {
        checker.close();
      }
    } catch (error) {
      if (!isCorruption(error)) {
        this.#logger?.warn({ err: errorFields(error) }, "could not check the statistics file");
        return undefined;
      }
      problem = errorFields(error).message;
    }
    if (problem !== undefined) this.#recover(new CorruptFileError(problem));
    return problem;
  }

  /**
   * Moves a corrupt file aside (`insights.sqlite.corrupt-<time>`, with its -wal and -shm) and
   * starts a fresh one, saying so in one log line. Records waiting in memory are kept.
   */
  #recover(cause: unknown): void {
    const reason = errorFields(cause).message;
    try {
      if (this.#db?.open) this.#db.close();
    } catch {
      // Closing a corrupt file may fail; it is moved aside all the same.
    }
    const at = new Date();
    const movedTo = moveAside(this.#settings.path, at);
    this.#openDatabase();
    this.#recoveries.push({ at: at.toISOString(), movedTo, reason });
    this.#logger?.error(
      { path: this.#settings.path, movedTo, reason },
      "statistics file is corrupt: moved it aside and started a fresh one",
    );
  }

  /** Runs `operation`; a corrupt file is moved aside and the operation run once more on a fresh one. */
  #healing<T>(operation: () => T): T {
    try {
      return operation();
    } catch (error) {
      if ((this.#settings.readonly ?? false) || !isCorruption(error)) throw error;
      this.#recover(error);
      return operation();
    }
  }

  /**
   * Writes the waiting group in one transaction. A failed transaction wrote nothing, so its
   * records go back to wait for the next group (questions up to {@link MAX_PENDING_QUESTIONS});
   * a corrupt file is moved aside and the group written to the fresh one at once.
   */
  #writeGroup(): void {
    const answers = this.#answers.take();
    const unansweredHourly = this.#unansweredHourly.take();
    const questions = this.#questions;
    this.#questions = [];
    try {
      this.#healing(() => this.#writeAll(answers, unansweredHourly, questions));
      this.#writeFailure = undefined;
    } catch (error) {
      this.#answers.restore(answers);
      this.#unansweredHourly.restore(unansweredHourly);
      const room = Math.max(0, MAX_PENDING_QUESTIONS - this.#questions.length);
      this.#dropped += Math.max(0, questions.length - room);
      this.#questions = questions.slice(questions.length - room).concat(this.#questions);
      this.#writeFailure = errorFields(error).message;
      // Try again after the group delay, even if no new record comes to start a group.
      void this.#commits.add().catch(() => undefined);
      throw error;
    }
  }

  /** Commits the waiting group now, so a read sees every record (failures reach the records). */
  #flush(): void {
    void this.#commits.flush().catch(() => undefined);
  }

  /** Where the database lives. */
  get path(): string {
    return this.#db.name;
  }

  health(): StoreHealth {
    const lastRecovery = this.#recoveries.at(-1);
    return {
      status: this.#writeFailure === undefined ? "ok" : "degraded",
      ...(this.#writeFailure === undefined
        ? {}
        : { reason: `write failed: ${this.#writeFailure}` }),
      pendingRecords: this.#answers.total + this.#unansweredHourly.total,
      droppedRecords: this.#dropped,
      inDoubtRecords: 0,
      recoveries: this.#recoveries.length,
      ...(lastRecovery === undefined ? {} : { lastRecovery }),
    };
  }

  recordAnswered({ faqId, channel, at }: AnsweredEvent): Promise<void> {
    this.#answers.add(hourOf(at ?? this.#options.nowMs()), channel, faqId);
    return this.#commits.add();
  }

  recordUnanswered(event: UnansweredEvent): Promise<void> {
    const at = event.at?.getTime() ?? this.#options.nowMs();
    this.#unansweredHourly.add(hourOf(at), event.channel, "");
    this.#questions.push({ event, at });
    return this.#commits.add();
  }

  async recordVote(event: VoteEvent): Promise<VoteOutcome> {
    return this.#healing(() => this.#recordVote(event));
  }

  async chooseLanguage(userKey: string, language: string | null): Promise<void> {
    const expiresAt = this.#options.nowMs() + LANGUAGE_CHOICE_TTL_SECONDS * 1000;
    this.#healing(() =>
      language === null
        ? this.#sql.forgetLanguage.run(userKey)
        : this.#sql.chooseLanguage.run(userKey, language, expiresAt),
    );
  }

  async chosenLanguage(userKey: string): Promise<string | null> {
    const now = this.#options.nowMs();
    return this.#healing(() => this.#sql.chosenLanguage.get(userKey, now)?.language ?? null);
  }

  async claimUpdate(updateId: number): Promise<boolean> {
    const now = this.#options.nowMs();
    const expiresAt = now + this.#options.updateClaimTtlSeconds * 1000;
    return this.#healing(() => this.#sql.claim.run({ updateId, expiresAt, now }).changes === 1);
  }

  async mostAsked(limit: number): Promise<string[]> {
    this.#flush();
    checkLimit(limit);
    const oldest = oldestKeptHour(this.#options.now(), this.#options.retentionDays);
    return this.#healing(() => this.#sql.mostAsked.all(oldest, limit)).map((row) => row.faq_id);
  }

  async stats(query: StatsQuery): Promise<InsightStats> {
    this.#flush();
    const { days, top } = checkStatsQuery(query);
    const now = this.#options.now();
    const window = statsWindow(now, days);
    const oldest = Math.max(window.firstHour, oldestKeptHour(now, this.#options.retentionDays));
    return this.#healing(() => {
      const stats = new StatsAccumulator(window, top);
      for (const row of this.#sql.answeredByDay.all(oldest))
        stats.answered(row.day, row.channel, row.faq_id, row.count);
      for (const row of this.#sql.unansweredByDay.all(oldest))
        stats.unanswered(row.day, row.channel, row.count);
      for (const row of this.#sql.feedbackByDay.all(oldest)) {
        stats.feedback(row.day, row.faq_id, "up", row.up);
        stats.feedback(row.day, row.faq_id, "down", row.down);
      }
      return stats.finish();
    });
  }

  async unanswered(limit: number): Promise<UnansweredItem[]> {
    this.#flush();
    checkLimit(limit);
    const oldest = oldestKeptDay(this.#options.now(), this.#options.retentionDays);
    return this.#healing(() => this.#sql.unanswered.all({ oldestDay: oldest, limit }))
      .map((row) => ({
        question: row.question,
        count: row.count,
        firstSeen: new Date(row.first_seen).toISOString(),
        lastSeen: new Date(row.last_seen).toISOString(),
        bestCandidate: row.best_candidate,
        confidence: row.confidence,
      }))
      .sort(byFrequencyThenRecency);
  }

  async feedback(): Promise<FeedbackItem[]> {
    this.#flush();
    const oldest = oldestKeptHour(this.#options.now(), this.#options.retentionDays);
    const totals = new Map(
      this.#healing(() => this.#sql.feedbackTotals.all(oldest))
        .sort((a, b) => compareText(a.faq_id, b.faq_id))
        .map((row) => [row.faq_id, { up: row.up, down: row.down }]),
    );
    return sortFeedback(totals);
  }

  async prune(now: Date = this.#options.now()): Promise<PruneResult> {
    this.#flush();
    return { removed: this.#healing(() => this.#prune(now.getTime())) };
  }

  async close(): Promise<void> {
    clearInterval(this.#checkTimer);
    this.#flush();
    if (this.#db.open) this.#db.close();
  }

  #vote({ faqId, vote, voterKey, at }: VoteEvent): VoteOutcome {
    const now = this.#options.nowMs();
    const guard = this.#sql.voteGuard.get(voterKey, now);
    if (guard !== undefined) {
      if (guard.faq_id === faqId && guard.vote === vote) return "unchanged";
      // The vote stays in the hour it was first cast: move it, don't add one.
      this.#sql.addVote.run(guard.hour, guard.faq_id, ...voteDelta(guard.vote, -1));
      this.#sql.addVote.run(guard.hour, faqId, ...voteDelta(vote, +1));
      this.#sql.changeVoteGuard.run(faqId, vote, voterKey);
      return "changed";
    }
    const hour = hourOf(at ?? now);
    this.#sql.addVote.run(hour, faqId, ...voteDelta(vote, +1));
    this.#sql.putVoteGuard.run(
      voterKey,
      faqId,
      vote,
      hour,
      now + this.#options.voterKeyTtlSeconds * 1000,
    );
    return "recorded";
  }

  /**
   * Keeps the unanswered log within its cap, once per group: the group's new rows are in, and
   * the rarest rows (which may be some of them) go. Counting walks the smallest index of a
   * table the cap keeps small; deleting walks the (count, day, question) index.
   */
  #evictRarest(): void {
    const excess = this.#sql.questionRows.get()!.rows - this.#options.maxUnansweredRows;
    if (excess > 0) this.#sql.evictRarest.run(excess);
  }

  #pruneAll(now: number): number {
    const oldestHour = oldestKeptHour(now, this.#options.retentionDays);
    const oldestDay = oldestKeptDay(now, this.#options.retentionDays);
    return [
      this.#sql.pruneAnswered.run(oldestHour),
      this.#sql.pruneUnansweredHourly.run(oldestHour),
      this.#sql.pruneQuestions.run(oldestDay),
      this.#sql.pruneFeedback.run(oldestHour),
      this.#sql.pruneVoteGuards.run(now),
      this.#sql.pruneClaims.run(now),
      this.#sql.pruneLanguages.run(now),
    ].reduce((sum, result) => sum + result.changes, 0);
  }
}

/** `[up, down]` increments for one vote. */
function voteDelta(vote: Vote, delta: number): [number, number] {
  return vote === "up" ? [delta, 0] : [0, delta];
}

/** Applies the migrations this database has not seen yet, all in one transaction. */
function migrate(db: Database.Database): void {
  const version = checkSchemaVersion(db);
  if (version === MIGRATIONS.length) return;
  db.transaction(() => {
    for (const sql of MIGRATIONS.slice(version)) db.exec(sql);
    db.pragma(`user_version = ${MIGRATIONS.length}`);
  }).immediate();
}

/** The schema version of the file; a newer one than this code knows is refused. */
function checkSchemaVersion(db: Database.Database): number {
  const version = db.pragma("user_version", { simple: true }) as number;
  if (version > MIGRATIONS.length)
    throw new StoreSchemaError(
      `${db.name} has schema version ${version}, newer than this version of the service understands (${MIGRATIONS.length}); upgrade the service or use another DATA_DIR`,
    );
  return version;
}
