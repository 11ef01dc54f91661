import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { AllowedMethods } from "./method-not-allowed.js";

/** The one error body every route uses: a stable code and a human-readable message. */
export const errorSchema = {
  $id: "Error",
  type: "object",
  required: ["error", "message"],
  properties: { error: { type: "string" }, message: { type: "string" } },
} as const;

const CODES: Record<number, string> = {
  400: "bad_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
  406: "not_acceptable",
  413: "payload_too_large",
  415: "unsupported_media_type",
  429: "too_many_requests",
  503: "service_unavailable",
};

/**
 * One error handler for the whole app: validation and client errors become a 4xx with a clear
 * message; anything else is logged with its stack and answered with a generic 500, so internals
 * (stack traces, file paths) never reach a client.
 */
export interface ErrorHandlingOptions {
  /** The methods each path answers: a known path with another method gets 405 and `Allow`. */
  readonly allowedMethods?: AllowedMethods;
  /** Answers a browser's GET of an address with no route (an HTML page instead of JSON). */
  readonly notFoundPage?: (request: FastifyRequest, reply: FastifyReply) => FastifyReply;
}

/** A browser navigating (its Accept names HTML), not an API client (JSON, or `*\/*` alone). */
export function wantsHtml(request: FastifyRequest): boolean {
  const accept = request.headers.accept;
  return typeof accept === "string" && accept.includes("text/html");
}

export function registerErrorHandling(
  app: FastifyInstance,
  options: ErrorHandlingOptions = {},
): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const status = error.validation ? 400 : (error.statusCode ?? 500);
    if (status >= 500) {
      request.log.error({ err: error }, "request failed");
      return reply.code(status === 503 ? 503 : 500).send({
        error: status === 503 ? CODES[503] : "internal_error",
        message:
          status === 503
            ? "The service is busy or still starting; try again shortly."
            : "Something went wrong on our side.",
      });
    }
    return reply
      .code(status)
      .send({ error: CODES[status] ?? "bad_request", message: clientMessage(error, status) });
  });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0]!;
    const allowed = options.allowedMethods?.at(path) ?? [];
    // A route that takes this method and found nothing itself (a missing /docs file) is a 404.
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header("x-content-type-options", "nosniff").header("allow", allowed.join(", "));
      return reply.code(405).send({
        error: "method_not_allowed",
        message: `${path} does not take ${request.method}; it takes ${allowed.join(", ")}`,
      });
    }
    if (options.notFoundPage && request.method === "GET" && wantsHtml(request))
      return options.notFoundPage(request, reply);
    // No route, so none of the routes' security headers: the one that matters for JSON.
    reply.header("x-content-type-options", "nosniff");
    reply.code(404).send({
      error: "not_found",
      message: `No route ${request.method} ${path}`,
    });
  });
}

function clientMessage(error: FastifyError, status: number): string {
  // Rate limiting builds its own message (it says when to retry; see src/store/rate-limit.ts).
  if (status === 429) return error.message;
  if (error.validation) {
    const issue = error.validation[0];
    const where = error.validationContext ?? "request";
    const field = issue?.instancePath
      ? issue.instancePath.replace(/^\//, "").replace(/\//g, ".")
      : "";
    const missing = issue?.keyword === "required" ? String(issue.params.missingProperty) : "";
    const subject = missing || field ? `${where} ${missing || field}` : where;
    if (issue?.keyword === "required") return `${subject} is required`;
    if (issue?.keyword === "pattern") return `${subject} must not be blank`;
    if (issue?.keyword === "minLength") return `${subject} must not be empty`;
    if (issue?.keyword === "maxLength")
      return `${subject} must be at most ${String(issue.params.limit)} characters`;
    if (issue?.keyword === "additionalProperties")
      return `${where} has an unknown property "${String(issue.params.additionalProperty)}"`;
    return `${subject} ${issue?.message ?? "is invalid"}`;
  }
  switch (error.code) {
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return "Send JSON with Content-Type: application/json";
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return "Request body is too large";
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
      return 'Request body is empty; send JSON such as {"question": "..."}';
    default:
      if (error instanceof SyntaxError || error.code === "FST_ERR_CTP_INVALID_JSON_BODY")
        return "Request body is not valid JSON";
      return status === 404 ? "Not found" : "Bad request";
  }
}
