import type { FastifyPluginAsync } from "fastify";
import type { Answer } from "../../search/engine.js";
import type { EngineHolder } from "../engine-holder.js";

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

const question = {
  type: "string",
  minLength: 1,
  maxLength: MAX_QUESTION_LENGTH,
  pattern: "\\S",
  description: "The question, in any words",
} as const;

const answerSchema = {
  $id: "AskResponse",
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
        answer: { type: "string", description: "Markdown" },
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

export interface AskRouteOptions {
  readonly engines: EngineHolder;
  /** Called after every answer, for statistics; must not throw or block. */
  readonly onAnswer?: (question: string, answer: Answer) => void;
}

/** `GET /ask?q=...` and `POST /ask {"question": "..."}`: the best FAQ answer, or null. */
export const askRoutes: FastifyPluginAsync<AskRouteOptions> = async (
  app,
  { engines, onAnswer },
) => {
  app.addSchema(answerSchema);
  const response = {
    200: { $ref: "AskResponse#" },
    "4xx": { $ref: "Error#" },
    503: { $ref: "Error#" },
  };

  const answer = (query: string) => {
    const engine = engines.current;
    if (engine === undefined)
      throw Object.assign(new Error("index not built"), { statusCode: 503 });
    const result = engine.ask(query);
    onAnswer?.(query, result);
    return {
      query,
      answer: result.answer && {
        id: result.answer.entry.id,
        question: result.answer.entry.question,
        answer: result.answer.entry.answer,
        category: result.answer.entry.category,
        confidence: result.answer.confidence,
        score: result.answer.score,
        sources: result.answer.entry.sources,
      },
      related: result.related.map((m) => ({
        id: m.entry.id,
        question: m.entry.question,
        confidence: m.confidence,
      })),
    };
  };

  app.get<{ Querystring: { q: string } }>(
    "/ask",
    {
      // JSON only: helmet's page headers (CSP and friends) cost more than answering does here.
      helmet: false,
      schema: {
        summary: "Answer a question",
        querystring: { type: "object", required: ["q"], properties: { q: question } },
        response,
      },
    },
    async (request, reply) => {
      reply.header("x-content-type-options", "nosniff");
      return answer(request.query.q);
    },
  );

  app.post<{ Body: { question: string } }>(
    "/ask",
    {
      bodyLimit: 4096,
      helmet: false,
      schema: {
        summary: "Answer a question (JSON body)",
        body: {
          type: "object",
          required: ["question"],
          additionalProperties: false,
          properties: { question },
        },
        response,
      },
    },
    async (request, reply) => {
      reply.header("x-content-type-options", "nosniff");
      return answer(request.body.question);
    },
  );
};
