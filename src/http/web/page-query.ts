import type { VoteOutcome } from "../../store/insights.js";
import { MAX_QUESTION_LENGTH } from "../routes/ask.js";
import type { ProblemOf } from "./problems.js";

/** Longest FAQ id the page accepts in a link. */
export const MAX_ID_LENGTH = 100;
const VOTE_OUTCOMES: readonly VoteOutcome[] = ["recorded", "changed", "unchanged"];

/** What the page's query string asks for. */
export interface PageQuery {
  /** The question (the box shows it, even when it is the problem). */
  readonly q: string;
  readonly id?: string;
  /** The script asks for the result area only. */
  readonly fragment: boolean;
  /** What a vote did (the page a vote without JavaScript returns to). */
  readonly voted?: VoteOutcome;
  /** A question suggestion was received (likewise). */
  readonly suggested: boolean;
  /** What is wrong with the query, to explain on the page. */
  readonly problem?: ProblemOf;
}

/**
 * Reads the page's query string leniently: a bad part (a question given twice or too long)
 * becomes a problem the page explains in words, and parameters it does not know are ignored.
 * `lang` is read by the responder (see page-language.ts): one the page does not speak (`it`,
 * garbage, given twice) is ignored, so the page is in the reader's usual language.
 */
export function readPageQuery(raw: Readonly<Record<string, unknown>>): PageQuery {
  const fragment = raw.fragment === "1";
  const voted = VOTE_OUTCOMES.find((outcome) => outcome === raw.voted);
  const base = { fragment, voted, suggested: raw.suggested === "1" };
  if (Array.isArray(raw.q))
    return { ...base, q: String(raw.q[0] ?? "").trim(), problem: { kind: "repeated" } };
  const q = typeof raw.q === "string" ? raw.q.trim() : "";
  if (q.length > MAX_QUESTION_LENGTH)
    return {
      ...base,
      q,
      problem: { kind: "tooLong", values: { max: MAX_QUESTION_LENGTH, length: q.length } },
    };
  if (raw.id === undefined) return { ...base, q };
  if (typeof raw.id !== "string" || raw.id.length > MAX_ID_LENGTH)
    return { ...base, q, problem: { kind: "invalid" } };
  return { ...base, q, id: raw.id };
}
