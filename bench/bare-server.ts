/**
 * The reference point of the HTTP benchmark: a bare Fastify process (same Fastify version as the
 * service) with one `GET /ask` route that validates the same query string and returns a
 * same-shaped JSON body of the same size through the same response schema, without any search.
 *
 * Env: PORT, HOST (default 127.0.0.1), BARE_BODY (path to a JSON sample of a real /ask body),
 * BARE_COHORT=1 (reply through the service's `Cohort`, as /ask does: how much of /ask's gain from
 * it the framework alone would get too).
 * Run compiled (node_modules/.cache/faq-bench/bare-server.mjs) so start-up is not charged for a TypeScript loader.
 */
import { readFileSync } from "node:fs";
import Fastify, { type FastifyReply, LogController } from "fastify";
import { Cohort } from "../src/http/cohort.js";
import { askResponseSchema } from "../src/http/routes/ask.js";

const sample: Record<string, unknown> = process.env.BARE_BODY
  ? (JSON.parse(readFileSync(process.env.BARE_BODY, "utf8")) as Record<string, unknown>)
  : { query: "", answer: null, related: [] };

// The service's own response schema, so both serialise the same shape the same way.
const { $id: _id, ...answerSchema } = askResponseSchema;

const replies = new Cohort<{ query: string; reply: FastifyReply }>({
  run: ({ query, reply }) => reply.send({ ...sample, query }),
  onError: ({ reply }, error) => reply.send(error),
});

const app = Fastify({
  logger: false,
  logController: new LogController({ disableRequestLogging: true }),
});

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
  process.env.BARE_COHORT === "1"
    ? (request, reply) => replies.add({ query: request.query.q, reply })
    : async (request) => ({ ...sample, query: request.query.q }),
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
