import type { FastifyError } from "fastify";
import { TooManyRequestsError } from "../../store/rate-limit.js";
import type { ProblemKind } from "./page.js";

/** A problem to explain, with the values its text needs. */
export interface ProblemOf {
  readonly kind: ProblemKind;
  readonly values?: Readonly<Record<string, number>>;
}

/**
 * The problem to explain for an error a page route ran into (a limit, a fault, a bad request:
 * `invalid` for the page's links, `badForm` for its forms).
 */
export function problemOfError(
  error: FastifyError,
  badRequest: "invalid" | "badForm" = "invalid",
): ProblemOf {
  if (error instanceof TooManyRequestsError)
    return { kind: "rateLimited", values: { seconds: error.retryAfterSeconds } };
  const status = error.validation ? 400 : (error.statusCode ?? 500);
  if (status === 503) return { kind: "busy" };
  if (status >= 500) return { kind: "failed" };
  if (status === 404) return { kind: "notFound" };
  return { kind: badRequest };
}
