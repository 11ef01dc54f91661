import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { FaqEntry } from "../../faq/types.js";
import { AnswerCache } from "../../search/answer-cache.js";
import type { Answer, AnswerEngine } from "../../search/engine.js";
import { Cohort } from "../cohort.js";
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

/** The /ask response body (exported for the benchmark's bare route, which mirrors it). */
export const askResponseSchema = {
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
  readonly onAnswer?: (question: string, answer: Answer, request: FastifyRequest) => void;
}

/** A question's answer and the `AskResponse` body that carries it. */
export interface AskReply {
  readonly answer: Answer;
  /** UTF-8 bytes when the whole body was kept (a question asked again word for word). */
  readonly body: string | Buffer;
}

/**
 * Writes `AskResponse` bodies (see the schema above, which documents them) from cached parts.
 *
 * - An entry's JSON parts never change: they are serialised once per entry (escaping a
 *   900-character answer on every request cost more than finding it). Entries are immutable and
 *   replaced as a whole on reload, so a weak map never serves a stale part.
 * - Everything after `"query"` depends on the ranking only, which the engine hands out from its
 *   cache to every question read as the same terms: that part is kept by ranking key, admitted
 *   when the key comes back (a body is a kilobyte or more: keeping the body of every one-off
 *   question, in a weak map or an LRU, made each unseen question markedly slower, all of it
 *   garbage-collection work).
 * - A question asked again word for word (the popular ones) gets its whole reply back, the body
 *   already encoded: no search, no string building, and no UTF-8 encoding or length count when it
 *   is sent. Kept by the question's text from its second sight, with the engine that answered:
 *   after a reload the engine is another one and the question is answered afresh.
 */
export class AnswerBodies {
  readonly #fragments = new WeakMap<FaqEntry, { answer: string; related: string }>();
  /**
   * Everything after `"query"`, by ranking key, with the related list of the ranking it was
   * written for: a ranking the engine did not cache always comes with a new list.
   */
  readonly #rests: AnswerCache<{ readonly related: Answer["related"]; readonly rest: string }>;
  /** Whole replies, by the question as typed. */
  readonly #replies: AnswerCache<
    AskReply & { readonly engine: AnswerEngine; readonly body: Buffer }
  >;

  /**
   * @param cached how many answers' bodies are kept (by ranking)
   * @param repliesCached how many questions' whole replies are kept (by their exact text)
   */
  constructor(cached = 4_000, repliesCached = 1_000) {
    this.#rests = new AnswerCache(cached);
    this.#replies = new AnswerCache(repliesCached);
  }

  /** `engine`'s answer to `query`, and its body. */
  reply(engine: AnswerEngine, query: string): AskReply {
    const kept = this.#replies.get(query);
    if (kept !== undefined && kept.engine === engine) return kept;
    const answer = engine.ask(query);
    const body = this.serialize(query, answer);
    if (this.#replies.admits(query)) {
      // Its own memory: a small Buffer.from() is a slice of a shared 8 KB pool, which a kept
      // slice would hold on to whole.
      const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body));
      bytes.write(body);
      this.#replies.set(query, { engine, answer, body: bytes });
    }
    return { answer, body };
  }

  /** The body for `query` answered with `result`. */
  serialize(query: string, result: Answer): string {
    const cached = this.#rests.get(result.key);
    let rest = cached?.related === result.related ? cached.rest : undefined;
    if (rest === undefined) {
      const best = result.answer;
      const answer =
        best === null
          ? "null"
          : `{${this.#of(best.entry).answer},"confidence":${JSON.stringify(best.confidence)},"score":${JSON.stringify(best.score)}}`;
      let related = "";
      for (const match of result.related) {
        if (related !== "") related += ",";
        related += `{${this.#of(match.entry).related},"confidence":${JSON.stringify(match.confidence)}}`;
      }
      rest = `,"answer":${answer},"related":[${related}]}`;
      this.#rests.offer(result.key, { related: result.related, rest });
    }
    return `{"query":${JSON.stringify(query)}${rest}`;
  }

  #of(entry: FaqEntry): { answer: string; related: string } {
    let cached = this.#fragments.get(entry);
    if (cached === undefined) {
      const id = JSON.stringify(entry.id);
      const question = JSON.stringify(entry.question);
      cached = {
        answer:
          `"id":${id},"question":${question},"answer":${JSON.stringify(entry.answer)},` +
          `"category":${JSON.stringify(entry.category)},"sources":${JSON.stringify(entry.sources)}`,
        related: `"id":${id},"question":${question}`,
      };
      this.#fragments.set(entry, cached);
    }
    return cached;
  }
}

/** `GET /ask?q=...` and `POST /ask {"question": "..."}`: the best FAQ answer, or null. */
export const askRoutes: FastifyPluginAsync<AskRouteOptions> = async (
  app,
  { engines, onAnswer },
) => {
  app.addSchema(askResponseSchema);
  const response = {
    200: { $ref: "AskResponse#" },
    "4xx": { $ref: "Error#" },
    503: { $ref: "Error#" },
  };

  const bodies = new AnswerBodies();
  // Under load, the questions of one turn of the event loop are answered together (see Cohort).
  const questions = new Cohort<{ readonly query: string; readonly reply: FastifyReply }>({
    run({ query, reply }) {
      const { answer, body } = bodies.reply(engines.serving, query);
      onAnswer?.(query, answer, reply.request);
      reply
        .header("x-content-type-options", "nosniff")
        .type("application/json; charset=utf-8")
        .send(body);
    },
    onError: ({ reply }, error) => reply.send(error), // to the app's error handler
  });

  app.get<{ Querystring: { q: string } }>(
    "/ask",
    {
      // JSON only: helmet's page headers (CSP and friends) cost more than answering does here.
      config: { securityHeaders: false },
      schema: {
        summary: "Answer a question",
        querystring: { type: "object", required: ["q"], properties: { q: question } },
        response,
      },
    },
    // Synchronous handlers that send themselves: no promise per answer.
    (request, reply) => questions.add({ query: request.query.q, reply }),
  );

  app.post<{ Body: { question: string } }>(
    "/ask",
    {
      bodyLimit: 4096,
      config: { securityHeaders: false },
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
    (request, reply) => questions.add({ query: request.body.question, reply }),
  );
};
