import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import type { LanguageHints } from "../../answering/language.js";
import type { AnswerService, Reply, ShownEntry } from "../../answering/service.js";
import type { FaqEntry } from "../../faq/types.js";
import { messagesFor } from "../../i18n/messages.js";
import { AnswerCache } from "../../search/answer-cache.js";
import { type Language, LANGUAGE_NAMES, LANGUAGES, SOURCE_LANGUAGE } from "../../text/languages.js";
import { Cohort } from "../cohort.js";

/** Longest question accepted, in characters. */
export const MAX_QUESTION_LENGTH = 500;

const question = {
  type: "string",
  minLength: 1,
  maxLength: MAX_QUESTION_LENGTH,
  pattern: "\\S",
  description: "The question, in any words",
} as const;

/** A language the caller asks for (BCP 47: "es", "pt-BR"); unsupported ones are ignored. */
export const languageParameter = {
  type: "string",
  maxLength: 35,
  pattern: "^[A-Za-z]{2,8}(?:[-_][A-Za-z0-9]{1,8})*$",
  description: `Answer in this language (BCP 47). Supported: ${LANGUAGES.join(", ")}. Without it, the question's own language (and Accept-Language for short questions) decides.`,
} as const;

const shownEntryProperties = {
  id: { type: "string" },
  question: { type: "string" },
  language: { type: "string", description: "BCP 47 code of this entry's texts" },
  url: { type: "string", description: "Permalink to the entry on the web page" },
} as const;

/** The /ask response body (exported for the benchmark's bare route, which mirrors it). */
export const askResponseSchema = {
  $id: "AskResponse",
  type: "object",
  required: ["query", "language", "outcome", "answer", "related"],
  properties: {
    query: { type: "string" },
    language: {
      type: "string",
      description: "BCP 47 code of the text returned (the answer's, else the reply's)",
    },
    outcome: {
      type: "string",
      enum: ["answered", "no-answer", "out-of-scope"],
      description:
        "answered: an entry answers it; no-answer: a privacy question no entry answers; out-of-scope: not about WhatsApp privacy or security",
    },
    message: {
      type: "string",
      description: "Without an answer: what to tell the asker, in `language`",
    },
    note: {
      type: "string",
      description: "Set when the question's language is not supported (the reply is in English)",
    },
    answer: {
      type: ["object", "null"],
      required: [
        "id",
        "question",
        "answer",
        "category",
        "confidence",
        "score",
        "sources",
        "reviewed",
        "language",
        "url",
      ],
      properties: {
        ...shownEntryProperties,
        answer: { type: "string", description: "Markdown" },
        category: { type: "string" },
        confidence: { type: "number", minimum: 0, maximum: 1 },
        score: { type: "number" },
        sources: { type: "array", items: { type: "string" } },
        reviewed: {
          type: "string",
          format: "date",
          description: "Last checked against its sources",
        },
      },
    },
    related: {
      type: "array",
      maxItems: 3,
      items: {
        type: "object",
        required: ["id", "question", "confidence", "language", "url"],
        properties: { ...shownEntryProperties, confidence: { type: "number" } },
      },
    },
  },
} as const;

export interface AskRouteOptions {
  readonly answers: AnswerServiceHolder;
  /** Called after every answer, for statistics; must not throw or block. */
  readonly onAnswer?: (question: string, reply: Reply, request: FastifyRequest) => void;
}

/** A question as a route received it. */
interface Question {
  readonly query: string;
  readonly hints: LanguageHints;
  /** Scheme and host the permalinks are made with (`https://faq.example.com`). */
  readonly origin: string;
}

/** A question's reply and the `AskResponse` body that carries it. */
export interface AskReply {
  readonly reply: Reply;
  /** UTF-8 bytes when the whole body was kept (a question asked again word for word). */
  readonly body: string | Buffer;
}

/** The page's link to an entry, in a language. */
export function entryPath(id: string, language: Language): string {
  return `/?id=${encodeURIComponent(id)}${language === SOURCE_LANGUAGE ? "" : `&lang=${language}`}`;
}

/**
 * Writes `AskResponse` bodies (see the schema above, which documents them) from cached parts.
 *
 * - An entry's JSON parts never change: they are serialised once per entry and origin (escaping
 *   a 900-character answer on every request cost more than finding it). Entries are immutable
 *   and replaced as a whole on reload, so a weak map never serves a stale part.
 * - A question asked again word for word (the popular ones) gets its whole reply back, the body
 *   already encoded: no search, no string building, and no UTF-8 encoding or length count when it
 *   is sent. Kept by the question's text, hints and origin from its second sight, with the
 *   service that answered: after a reload the service is another one and the question is
 *   answered afresh.
 */
export class AnswerBodies {
  readonly #fragments = new WeakMap<FaqEntry, Map<string, { answer: string; related: string }>>();
  /** Whole replies, by the question as typed (with its hints and origin). */
  readonly #replies: AnswerCache<
    AskReply & { readonly service: AnswerService; readonly body: Buffer }
  >;

  /** @param repliesCached how many questions' whole replies are kept (by their exact text) */
  constructor(repliesCached = 1_000) {
    this.#replies = new AnswerCache(repliesCached);
  }

  /** `service`'s reply to a question, and its body. */
  reply(service: AnswerService, { query, hints, origin }: Question): AskReply {
    const key = `${hints.explicit ?? ""}\u0000${hints.client ?? ""}\u0000${origin}\u0000${query}`;
    const kept = this.#replies.get(key);
    if (kept !== undefined && kept.service === service) return kept;
    const reply = service.ask(query, hints);
    const body = this.serialize(query, reply, origin, service);
    if (this.#replies.admits(key)) {
      // Its own memory: a small Buffer.from() is a slice of a shared 8 KB pool, which a kept
      // slice would hold on to whole.
      const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(body));
      bytes.write(body);
      this.#replies.set(key, { service, reply, body: bytes });
    }
    return { reply, body };
  }

  /** The body for `query` answered with `reply`. */
  serialize(query: string, reply: Reply, origin: string, service: AnswerService): string {
    const best = reply.answer;
    const answer =
      best === null
        ? "null"
        : `{${this.#of(best, origin).answer},"confidence":${JSON.stringify(best.confidence)},"score":${JSON.stringify(best.score)}}`;
    let related = "";
    for (const match of reply.related) {
      if (related !== "") related += ",";
      related += `{${this.#of(match, origin).related},"confidence":${JSON.stringify(match.confidence)}}`;
    }
    const language = best?.language ?? reply.language;
    let extra = "";
    if (best === null) {
      const { outcome } = messagesFor(reply.language);
      const message =
        reply.outcome === "out-of-scope"
          ? outcome.outOfScope
          : reply.related.length > 0
            ? outcome.noAnswerWithSuggestions
            : outcome.noAnswer;
      extra += `,"message":${JSON.stringify(message)}`;
    }
    if (reply.decision.unsupported) {
      const names = service.languages.map((code) => LANGUAGE_NAMES[code]).join(", ");
      extra += `,"note":${JSON.stringify(messagesFor(SOURCE_LANGUAGE).outcome.unsupportedLanguage(names))}`;
    }
    return (
      `{"query":${JSON.stringify(query)},"language":"${language}","outcome":"${reply.outcome}"` +
      `${extra},"answer":${answer},"related":[${related}]}`
    );
  }

  #of({ entry, language }: ShownEntry, origin: string): { answer: string; related: string } {
    let byOrigin = this.#fragments.get(entry);
    if (byOrigin === undefined) {
      byOrigin = new Map();
      this.#fragments.set(entry, byOrigin);
    }
    let cached = byOrigin.get(origin);
    if (cached === undefined) {
      const shared =
        `"id":${JSON.stringify(entry.id)},"question":${JSON.stringify(entry.question)},` +
        `"language":"${language}","url":${JSON.stringify(origin + entryPath(entry.id, language))}`;
      cached = {
        answer:
          `${shared},"answer":${JSON.stringify(entry.answer)},` +
          `"category":${JSON.stringify(entry.category)},"sources":${JSON.stringify(entry.sources)},` +
          `"reviewed":${JSON.stringify(entry.reviewed)}`,
        related: shared,
      };
      // Few origins per entry (a service answers under one or two host names); bounded anyway.
      if (byOrigin.size < 8) byOrigin.set(origin, cached);
    }
    return cached;
  }
}

/** Where permalinks point: the configured public URL, else the request's own scheme and host. */
export function originOf(request: FastifyRequest, publicUrl: string | undefined): string {
  return publicUrl ?? `${request.protocol}://${request.host}`;
}

/** `GET /ask?q=...` and `POST /ask {"question": "..."}`: the best FAQ answer, or null. */
export const askRoutes: FastifyPluginAsync<AskRouteOptions & { publicUrl?: string }> = async (
  app,
  { answers, onAnswer, publicUrl },
) => {
  app.addSchema(askResponseSchema);
  const response = {
    200: { $ref: "AskResponse#" },
    "4xx": { $ref: "Error#" },
    503: { $ref: "Error#" },
  };

  const bodies = new AnswerBodies();
  // Under load, the questions of one turn of the event loop are answered together (see Cohort).
  const questions = new Cohort<Question & { readonly reply: FastifyReply }>({
    run(question) {
      const { reply, body } = bodies.reply(answers.serving, question);
      onAnswer?.(question.query, reply, question.reply.request);
      question.reply
        .header("x-content-type-options", "nosniff")
        .header("content-language", reply.answer?.language ?? reply.language)
        .type("application/json; charset=utf-8")
        .send(body);
    },
    onError: ({ reply }, error) => reply.send(error), // to the app's error handler
  });
  const hintsOf = (request: FastifyRequest, lang: string | undefined): LanguageHints => ({
    explicit: lang,
    client: request.headers["accept-language"],
  });

  app.get<{ Querystring: { q: string; lang?: string } }>(
    "/ask",
    {
      // JSON only: helmet's page headers (CSP and friends) cost more than answering does here.
      config: { securityHeaders: false },
      schema: {
        summary: "Answer a question",
        querystring: {
          type: "object",
          required: ["q"],
          additionalProperties: false,
          properties: { q: question, lang: languageParameter },
        },
        response,
      },
    },
    // Synchronous handlers that send themselves: no promise per answer.
    (request, reply) =>
      questions.add({
        query: request.query.q,
        hints: hintsOf(request, request.query.lang),
        origin: originOf(request, publicUrl),
        reply,
      }),
  );

  app.post<{ Body: { question: string; lang?: string } }>(
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
          properties: { question, lang: languageParameter },
        },
        response,
      },
    },
    (request, reply) =>
      questions.add({
        query: request.body.question,
        hints: hintsOf(request, request.body.lang),
        origin: originOf(request, publicUrl),
        reply,
      }),
  );
};
