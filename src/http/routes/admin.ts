/**
 * Admin insight over HTTP: what people ask, what goes unanswered, which answers do not help.
 * The routes exist only when an admin token is configured (otherwise every path is a plain
 * 404); each request needs `Authorization: Bearer <ADMIN_TOKEN>`, compared in constant time
 * (SHA-256 digests of equal length, then `timingSafeEqual`), or gets 401.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import {
  INSIGHT_CHANNELS,
  MAX_LIST_LIMIT,
  MAX_STATS_DAYS,
  type InsightsStore,
} from "../../store/insights.js";

/** Options of {@link adminRoutes}. */
export interface AdminRouteOptions {
  /** Where the insight is read from. Errors surface as 503 (pass the raw store, not the degrading wrapper). */
  readonly store: InsightsStore;
  /** The bearer token; without one the routes are not registered at all. */
  readonly token: string | undefined;
  /** Days `/admin/stats` covers when the query does not say. Default 30. */
  readonly defaultDays?: number;
}

const counts = {
  type: "object",
  required: ["answered", "unanswered"],
  properties: { answered: { type: "integer" }, unanswered: { type: "integer" } },
} as const;

const feedbackItem = {
  type: "object",
  required: ["faqId", "up", "down"],
  properties: {
    faqId: { type: "string" },
    up: { type: "integer" },
    down: { type: "integer" },
  },
} as const;

const statsSchema = {
  $id: "AdminStats",
  type: "object",
  required: ["window", "totals", "byChannel", "byDay", "topFaqIds", "feedback"],
  properties: {
    window: {
      type: "object",
      required: ["days", "from", "to"],
      properties: {
        days: { type: "integer" },
        from: { type: "string", format: "date" },
        to: { type: "string", format: "date" },
      },
    },
    totals: counts,
    byChannel: {
      type: "object",
      required: [...INSIGHT_CHANNELS],
      properties: Object.fromEntries(INSIGHT_CHANNELS.map((channel) => [channel, counts])),
    },
    byDay: {
      type: "array",
      items: {
        type: "object",
        required: ["day", "answered", "unanswered"],
        properties: {
          day: { type: "string", format: "date" },
          answered: { type: "integer" },
          unanswered: { type: "integer" },
        },
      },
    },
    topFaqIds: {
      type: "array",
      items: {
        type: "object",
        required: ["faqId", "count"],
        properties: { faqId: { type: "string" }, count: { type: "integer" } },
      },
    },
    feedback: { type: "array", items: feedbackItem },
  },
} as const;

const unansweredSchema = {
  $id: "AdminUnanswered",
  type: "object",
  required: ["items"],
  properties: {
    items: {
      type: "array",
      items: {
        type: "object",
        required: ["question", "count", "lastSeen", "bestCandidate", "confidence"],
        properties: {
          question: { type: "string", description: "The question as normalised by the engine" },
          count: { type: "integer" },
          firstSeen: { type: "string", format: "date-time" },
          lastSeen: { type: "string", format: "date-time" },
          bestCandidate: { type: ["string", "null"], description: "Closest FAQ id, if any" },
          confidence: { type: "number", minimum: 0, maximum: 1 },
        },
      },
    },
  },
} as const;

const feedbackSchema = {
  $id: "AdminFeedback",
  type: "object",
  required: ["items"],
  properties: { items: { type: "array", items: feedbackItem } },
} as const;

/**
 * A whole number in a query string. The app's validator does not coerce types (so that
 * `{"question": 42}` is a 400), so the value arrives as a string and {@link wholeNumberIn}
 * checks it.
 */
const wholeNumber = (description: string, max: number) =>
  ({ type: "string", description: `${description}: a whole number from 1 to ${max}` }) as const;

const errors = { 400: { $ref: "Error#" }, 401: { $ref: "Error#" }, 503: { $ref: "Error#" } };

/** `GET /admin/stats`, `GET /admin/unanswered`, `GET /admin/feedback` (see the file comment). */
export const adminRoutes: FastifyPluginAsync<AdminRouteOptions> = async (app, options) => {
  if (options.token === undefined || options.token === "") return;
  const expected = digest(options.token);
  const { store } = options;
  const defaultDays = options.defaultDays ?? 30;

  app.addSchema(statsSchema);
  app.addSchema(unansweredSchema);
  app.addSchema(feedbackSchema);

  const authorize = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers.authorization;
    const token = typeof header === "string" ? /^Bearer (.+)$/i.exec(header)?.[1] : undefined;
    // Both digests are 32 bytes, so the comparison time reveals nothing about the token.
    if (token === undefined || !timingSafeEqual(digest(token), expected)) {
      return reply
        .code(401)
        .header("www-authenticate", 'Bearer realm="admin"')
        .send({ error: "unauthorized", message: "Missing or wrong admin token." });
    }
  };
  const noStore = async (_request: FastifyRequest, reply: FastifyReply) => {
    reply.header("cache-control", "no-store");
  };

  const common = {
    onRequest: [authorize, noStore],
    schema: { tags: ["admin"], security: [{ adminToken: [] as string[] }] },
  };

  app.get<{ Querystring: { days?: string } }>(
    "/admin/stats",
    {
      ...common,
      schema: {
        ...common.schema,
        summary: "Answered and unanswered questions per channel and day, top answers, feedback",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { days: wholeNumber("UTC days ending today", MAX_STATS_DAYS) },
        },
        response: { 200: { $ref: "AdminStats#" }, ...errors },
      },
    },
    async (request) => {
      const days = wholeNumberIn(request.query, "days", MAX_STATS_DAYS) ?? defaultDays;
      return unavailableOnError(request, () => store.stats({ days }));
    },
  );

  app.get<{ Querystring: { limit?: string } }>(
    "/admin/unanswered",
    {
      ...common,
      schema: {
        ...common.schema,
        summary: "Questions without a confident answer, most frequent first",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: { limit: wholeNumber("Most items returned; default 50", MAX_LIST_LIMIT) },
        },
        response: { 200: { $ref: "AdminUnanswered#" }, ...errors },
      },
    },
    async (request) => {
      const limit = wholeNumberIn(request.query, "limit", MAX_LIST_LIMIT) ?? 50;
      return { items: await unavailableOnError(request, () => store.unanswered(limit)) };
    },
  );

  app.get(
    "/admin/feedback",
    {
      ...common,
      schema: {
        ...common.schema,
        summary: "👍 / 👎 per FAQ entry within the retention period",
        response: { 200: { $ref: "AdminFeedback#" }, ...errors },
      },
    },
    async (request) => ({ items: await unavailableOnError(request, () => store.feedback()) }),
  );
};

function digest(value: string): Buffer {
  return createHash("sha256").update(value, "utf8").digest();
}

/**
 * Reads `query[name]` as a whole number from 1 to `max` (undefined when absent). A bad value is
 * reported the way schema validation reports one: `querystring <name> must be ...` with 400.
 */
function wholeNumberIn<K extends string>(
  query: Partial<Record<K, string>>,
  name: K,
  max: number,
): number | undefined {
  const raw = query[name];
  if (raw === undefined) return undefined;
  const value = /^[0-9]{1,7}$/.test(raw) ? Number(raw) : NaN;
  if (value >= 1 && value <= max) return value;
  throw Object.assign(new Error(`querystring/${name} is out of range`), {
    statusCode: 400,
    validationContext: "querystring",
    validation: [
      {
        keyword: "range",
        instancePath: `/${name}`,
        params: {},
        message: `must be a whole number from 1 to ${max}`,
      },
    ],
  });
}

/** A store failure is a 503 (logged with the error, never the data), not a 500. */
async function unavailableOnError<T>(request: FastifyRequest, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (error) {
    request.log.warn({ err: error }, "admin read from the store failed");
    throw Object.assign(new Error("store unavailable"), { statusCode: 503 });
  }
}
