/**
 * Anonymous usage counts: how often each answer was given (so inline mode can show the most
 * asked entries) and the normalised text of questions nothing answered (so the FAQ can grow).
 * Never a user, chat or raw question of an answered message. In-memory here; the storage issue
 * adds a durable implementation of {@link QuestionStats}.
 */

/** One question the FAQ could not answer, as normalised by the engine. */
export interface UnansweredQuestion {
  readonly normalized: string;
  readonly at: Date;
}

/** Where anonymous question statistics go. */
export interface QuestionStats {
  /** One more time the entry was given as an answer. */
  recordAnswered(faqId: string): Promise<void>;
  /** A question without a confident answer (its normalised text only). */
  recordUnanswered(normalized: string): Promise<void>;
  /** Entry ids by how often they were answered, most first; at most `limit`. */
  mostAsked(limit: number): Promise<string[]>;
  /** Unanswered questions still within the retention period, newest last. */
  unanswered(): Promise<UnansweredQuestion[]>;
}

/** Options of {@link MemoryQuestionStats}. */
export interface MemoryQuestionStatsOptions {
  /** Unanswered questions older than this many days are dropped. Default 30. */
  readonly retentionDays?: number;
  /** Most unanswered questions kept (oldest dropped first). Default 1 000. */
  readonly maxUnanswered?: number;
  /** Clock, for tests. */
  readonly now?: () => Date;
}

/** In-process statistics, lost on restart. */
export class MemoryQuestionStats implements QuestionStats {
  readonly #retentionMs: number;
  readonly #maxUnanswered: number;
  readonly #now: () => Date;
  readonly #answered = new Map<string, number>();
  #unanswered: UnansweredQuestion[] = [];

  constructor(options: MemoryQuestionStatsOptions = {}) {
    this.#retentionMs = (options.retentionDays ?? 30) * 24 * 60 * 60 * 1000;
    this.#maxUnanswered = options.maxUnanswered ?? 1_000;
    this.#now = options.now ?? (() => new Date());
  }

  async recordAnswered(faqId: string): Promise<void> {
    this.#answered.set(faqId, (this.#answered.get(faqId) ?? 0) + 1);
  }

  async recordUnanswered(normalized: string): Promise<void> {
    if (normalized === "") return;
    this.#prune();
    this.#unanswered.push({ normalized, at: this.#now() });
    if (this.#unanswered.length > this.#maxUnanswered) this.#unanswered.shift();
  }

  async mostAsked(limit: number): Promise<string[]> {
    return [...this.#answered]
      .sort(([, a], [, b]) => b - a)
      .slice(0, limit)
      .map(([id]) => id);
  }

  async unanswered(): Promise<UnansweredQuestion[]> {
    this.#prune();
    return [...this.#unanswered];
  }

  #prune(): void {
    const cutoff = this.#now().getTime() - this.#retentionMs;
    if (this.#unanswered[0] !== undefined && this.#unanswered[0].at.getTime() < cutoff) {
      this.#unanswered = this.#unanswered.filter((q) => q.at.getTime() >= cutoff);
    }
  }
}
