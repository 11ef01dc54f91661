/**
 * The reference point of the HTTP benchmark: a bare Fastify process (same Fastify version as the
 * service) with one `GET /ask` route that validates the same query string and returns a
 * same-shaped JSON body of the same size through the same response schema, without any search.
 *
 * Env: PORT, HOST (default 127.0.0.1), BARE_BODY (path to a JSON sample of a real /ask body).
 * Run compiled (node_modules/.cache/faq-bench/bare-server.mjs) so start-up is not charged for a TypeScript loader.
 */
import { readFileSync } from "node:fs";
import Fastify from "fastify";

const sample: Record<string, unknown> = process.env.BARE_BODY
  ? (JSON.parse(readFileSync(process.env.BARE_BODY, "utf8")) as Record<string, unknown>)
  : { query: "", answer: null, related: [] };

const answerSchema = {
  type: "object",
  required: ["query", "answer", "related"],
  properties: {
    query: { type: "string" },
    answer: {
      type: ["object", "null"],
      required: ["id", "question", "answer", "category", "confidence", "score", "sources"],
      properties: {
        id: { type: "string" },
        question: { type: "string" },
        answer: { type: "string" },
        category: { type: "string" },
        confidence: { type: "number", minimum: 0, maximum: 1 },
        score: { type: "number" },
        sources: { type: "array", items: { type: "string" } },
      },
    },
    related: {
      type: "array",
      maxItems: 3,
      items: {
        type: "object",
        required: ["id", "question", "confidence"],
        properties: {
          id: { type: "string" },
          question: { type: "string" },
          confidence: { type: "number" },
        },
      },
    },
  },
} as const;

const app = Fastify({ logger: false, disableRequestLogging: true });

app.get<{ Querystring: { q: string } }>(
  "/ask",
  {
    schema: {
      querystring: {
        type: "object",
        required: ["q"],
        properties: { q: { type: "string", minLength: 1, maxLength: 500, pattern: "\\S" } },
      },
      response: { 200: answerSchema },
    },
  },
  async (request) => ({ ...sample, query: request.query.q }),
);

app.get("/readyz", async () => ({ status: "ready" }));

await app.listen({ port: Number(process.env.PORT ?? 3001), host: process.env.HOST ?? "127.0.0.1" });

const close = () => {
  app.close().then(
    () => process.exit(0),
    () => process.exit(1),
  );
};
process.on("SIGTERM", close);
process.on("SIGINT", close);
