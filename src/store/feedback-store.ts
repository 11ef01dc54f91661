/**
 * 👍 / 👎 feedback on answers. The bot talks to {@link FeedbackStore}; this file holds the
 * in-memory implementation. The storage issue adds durable (SQLite) and shared (Redis) ones
 * behind the same interface.
 *
 * Nothing here identifies a person: a vote is keyed by an opaque `voterKey` that the caller
 * derives with an HMAC (see `src/bot/voter-key.ts`), so pressing the other button on the same
 * message changes the vote instead of adding a second one.
 */

/** A thumbs-up or thumbs-down on one answer. */
export type Vote = "up" | "down";

/** One press of a feedback button. */
export interface FeedbackVote {
  /** The FAQ entry the vote is about. */
  readonly faqId: string;
  readonly vote: Vote;
  /** Opaque, non-reversible key for "this person, this message"; never a user id. */
  readonly voterKey: string;
}

/** What a press did: a first vote, a changed vote, or the same vote again. */
export type VoteOutcome = "recorded" | "changed" | "unchanged";

/** Anonymous vote counts of one entry. */
export interface VoteTally {
  readonly up: number;
  readonly down: number;
}

/** Where feedback goes. Implementations must be safe to call concurrently. */
export interface FeedbackStore {
  /** Records a vote; a second vote with the same `voterKey` replaces the first. */
  recordVote(vote: FeedbackVote): Promise<VoteOutcome>;
  /** Current counts for an entry (zeros when it has none). */
  tally(faqId: string): Promise<VoteTally>;
}

/** Options of {@link MemoryFeedbackStore}. */
export interface MemoryFeedbackStoreOptions {
  /**
   * Most voter keys remembered (oldest forgotten first), so memory stays bounded. A forgotten
   * key only means a later press on that old message counts as a new vote. Default 100 000.
   */
  readonly maxVoters?: number;
}

/** In-process feedback store: counts survive until the process exits. */
export class MemoryFeedbackStore implements FeedbackStore {
  readonly #maxVoters: number;
  /** voterKey -> the vote it last cast (Map keeps insertion order: oldest first). */
  readonly #votes = new Map<string, { faqId: string; vote: Vote }>();
  readonly #tallies = new Map<string, { up: number; down: number }>();

  constructor(options: MemoryFeedbackStoreOptions = {}) {
    this.#maxVoters = options.maxVoters ?? 100_000;
  }

  async recordVote({ faqId, vote, voterKey }: FeedbackVote): Promise<VoteOutcome> {
    const previous = this.#votes.get(voterKey);
    if (previous !== undefined && previous.faqId === faqId && previous.vote === vote)
      return "unchanged";
    if (previous !== undefined) this.#adjust(previous.faqId, previous.vote, -1);
    this.#votes.delete(voterKey); // re-insert so the key counts as recent
    this.#votes.set(voterKey, { faqId, vote });
    this.#adjust(faqId, vote, +1);
    while (this.#votes.size > this.#maxVoters) {
      const oldest = this.#votes.keys().next().value;
      if (oldest === undefined) break;
      this.#votes.delete(oldest);
    }
    return previous === undefined ? "recorded" : "changed";
  }

  async tally(faqId: string): Promise<VoteTally> {
    const tally = this.#tallies.get(faqId);
    return { up: tally?.up ?? 0, down: tally?.down ?? 0 };
  }

  #adjust(faqId: string, vote: Vote, delta: number): void {
    const tally = this.#tallies.get(faqId) ?? { up: 0, down: 0 };
    tally[vote] = Math.max(0, tally[vote] + delta);
    this.#tallies.set(faqId, tally);
  }
}
