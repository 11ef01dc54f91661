/**
 * The page's 👍 / 👎 (`POST /vote`) and "suggest this question" (`POST /question-suggestions`):
 * plain form posts that redirect back (post/redirect/get), so they work without JavaScript; the
 * script posts the same forms with `?fragment=1` and gets the status line to show in place.
 *
 * Counted the bot's privacy-preserving way: a vote is stored as entry, vote and hour, and the
 * duplicate-vote guard is an HMAC of (client address, entry), never the address itself, with the
 * store's usual lifetime; pressing again changes the vote instead of counting twice. A suggestion
 * is kept like an unanswered question: normalised text only.
 */
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { InsightsStore, Vote } from "../../store/insights.js";
import { KeyedHasher } from "../../store/keyed-hash.js";
import { clientKeyOf } from "../../store/rate-limit.js";
import { recordSuggestion } from "../../store/record.js";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import { messagesFor } from "../../i18n/messages.js";
import { SOURCE_LANGUAGE } from "../../text/languages.js";
import {
  renderFormStatus,
  renderProblemStatus,
  statusOf,
  type ProblemKind,
  type ResultView,
} from "../web/page.js";
import { problemOfError } from "../web/problems.js";
import type { PageResponder } from "../web/responder.js";
import type { PageTexts } from "../web/texts.js";
import { entryPath, MAX_QUESTION_LENGTH } from "./ask.js";

/** Where the page's votes and suggestions go. */
export interface PageFeedback {
  /** The insights store (the resilient wrapper: a slow store never fails a vote). */
  readonly insights: Pick<InsightsStore, "recordVote" | "recordUnanswered">;
  /** The configured hashing secret (`HASH_SECRET`): keys the duplicate-vote guard. */
  readonly secret: Uint8Array;
}

interface Dependencies {
  readonly answers: AnswerServiceHolder;
  readonly feedback: PageFeedback;
  readonly responder: PageResponder;
}

/** Form bodies are small: an id and a vote, or one question. */
const FORM_BODY_LIMIT = 4096;

/** The page's language, which its forms carry (a hidden field). */
const languageField = {
  type: "string",
  maxLength: 35,
  description: "The page's language",
} as const;

/** The language a form post is answered in: the form's, else the request's. */
const bodyLanguage = (request: FastifyRequest) =>
  (request.body as { lang?: unknown } | undefined)?.lang;

/** `?fragment=1`: the script wants the status line, not a redirect. */
const fragmentQuery = {
  type: "object",
  properties: { fragment: { type: "string", enum: ["1"] } },
} as const;

const isFragment = (request: FastifyRequest) =>
  (request.query as { fragment?: unknown }).fragment === "1";

/**
 * Parses `application/x-www-form-urlencoded` (what an HTML form posts) with the platform's own
 * URLSearchParams. A field given twice becomes a list, which the route schemas then refuse.
 */
function registerFormParser(app: FastifyInstance): void {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string", bodyLimit: FORM_BODY_LIMIT },
    (_request, body, done) => {
      const fields: Record<string, string | string[]> = {};
      for (const [name, value] of new URLSearchParams(body as string)) {
        const known = fields[name];
        fields[name] = known === undefined ? value : [known, value].flat();
      }
      done(null, fields);
    },
  );
}

export function registerPageFeedback(app: FastifyInstance, deps: Dependencies): void {
  const { answers, feedback, responder } = deps;
  const voterKeys = new KeyedHasher(feedback.secret, "voter-key:web");
  registerFormParser(app);

  /** A problem: the status line for the script, else the page that explains it. */
  const sendProblem = (
    request: FastifyRequest,
    reply: FastifyReply,
    problem: ProblemKind,
    values: Readonly<Record<string, string | number>> = {},
  ) => {
    const view: ResultView = { kind: "problem", problem, values };
    const language = responder.languageOf(request, bodyLanguage(request));
    if (!isFragment(request)) return responder.send(request, reply, view, { language });
    responder.languageHeaders(reply, language);
    return reply
      .code(statusOf(view))
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderProblemStatus(problem, messagesFor(language).page, values));
  };

  /**
   * Refuses a post another site's page made (a form that votes for its visitors): browsers say
   * so in `Sec-Fetch-Site`. Clients that do not send it (older browsers, scripts) are let in.
   */
  const sameSite = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (request.headers["sec-fetch-site"] !== "cross-site") return done();
    void sendProblem(request, reply, "otherSite");
  };

  /** Errors before the handler (a limit, a bad form) as the same status line or page. */
  const formErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { kind, values } = problemOfError(error, "badForm");
    if (kind === "failed") request.log.error({ err: error }, "request failed");
    return sendProblem(request, reply, kind, values);
  };

  /** A status line for the script (`text`: of the form's language's page texts). */
  const sendStatus = (
    request: FastifyRequest,
    reply: FastifyReply,
    text: (texts: PageTexts) => string,
  ) => {
    const language = responder.languageOf(request, bodyLanguage(request));
    responder.languageHeaders(reply, language);
    return reply
      .type("text/html; charset=utf-8")
      .header("cache-control", "no-store")
      .send(renderFormStatus(text(messagesFor(language).page)));
  };

  /** Where a post without the script goes back to: `path` in the form's language. */
  const back = (request: FastifyRequest, path: string) => {
    const language = responder.languageOf(request, bodyLanguage(request));
    return language === SOURCE_LANGUAGE ? path : `${path}&lang=${language}`;
  };

  app.post<{ Body: { id: string; vote: Vote; lang?: string } }>(
    "/vote",
    {
      bodyLimit: FORM_BODY_LIMIT,
      errorHandler: formErrors,
      preHandler: sameSite,
      schema: {
        summary: "👍 / 👎 on an answer, from the page (a form post: 303 back to the answer)",
        consumes: ["application/x-www-form-urlencoded"],
        querystring: fragmentQuery,
        body: {
          type: "object",
          required: ["id", "vote"],
          additionalProperties: false,
          properties: {
            id: { type: "string", maxLength: 100, description: "The FAQ entry" },
            vote: { type: "string", enum: ["up", "down"] },
            lang: languageField,
          },
        },
      },
    },
    async (request, reply) => {
      const { id, vote } = request.body;
      if (answers.serving.entry(id) === undefined)
        return sendProblem(request, reply, "unknownId", { id });
      const voterKey = voterKeys.hash(`${clientKeyOf(request.ip)}\u0000${id}`);
      const outcome = await feedback.insights.recordVote({ faqId: id, vote, voterKey });
      if (isFragment(request)) return sendStatus(request, reply, (texts) => texts.vote[outcome]);
      const language = responder.languageOf(request, request.body.lang);
      return reply.redirect(`${entryPath(id, language)}&voted=${outcome}`, 303);
    },
  );

  app.post<{ Body: { question: string; lang?: string } }>(
    "/question-suggestions",
    {
      bodyLimit: FORM_BODY_LIMIT,
      errorHandler: formErrors,
      preHandler: sameSite,
      schema: {
        summary: "Suggest a question for the FAQ, from the page (a form post: 303 to a thank-you)",
        consumes: ["application/x-www-form-urlencoded"],
        querystring: fragmentQuery,
        body: {
          type: "object",
          required: ["question"],
          additionalProperties: false,
          properties: {
            question: { type: "string", description: "The question to add" },
            lang: languageField,
          },
        },
      },
    },
    async (request, reply) => {
      const question = request.body.question.trim();
      if (question === "") return sendProblem(request, reply, "badForm");
      if (question.length > MAX_QUESTION_LENGTH)
        return sendProblem(request, reply, "tooLong", {
          max: MAX_QUESTION_LENGTH,
          length: question.length,
        });
      // Not awaited: the store never delays the reply (the resilient wrapper reports failures).
      void recordSuggestion(feedback.insights, "http", answers.serving.ask(question));
      if (isFragment(request))
        return sendStatus(request, reply, (texts) => texts.suggest.thanksBody);
      return reply.redirect(back(request, "/?suggested=1"), 303);
    },
  );
}
