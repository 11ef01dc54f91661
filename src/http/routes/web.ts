import type { FastifyInstance, FastifyPluginAsync, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import type { Reply } from "../../answering/service.js";
import type { Language } from "../../text/languages.js";
import { ASSETS, type AssetName } from "../web/assets.js";
import { viewOfAnswer, type ResultView } from "../web/page.js";
import { PAGE_LANGUAGES } from "../web/page-language.js";
import { MAX_ID_LENGTH, readPageQuery } from "../web/page-query.js";
import type { PageRepeats } from "../web/page-repeats.js";
import type { PageResponder } from "../web/responder.js";
import { MAX_QUESTION_LENGTH } from "./ask.js";
import { registerPageFeedback, type PageFeedback } from "./page-feedback.js";

export interface WebRouteOptions {
  readonly answers: AnswerServiceHolder;
  /** Renders the page and its problems (shared with the app's not-found handler). */
  readonly responder: PageResponder;
  readonly onAnswer?: (question: string, reply: Reply, request: FastifyRequest) => void;
  /** 👍 / 👎 and "suggest this question" on the page; both are off without it. */
  readonly feedback?: PageFeedback;
  /**
   * Questions answered to the page's script, so the page load that may follow for the same
   * question is not counted twice (see {@link PageRepeats}).
   */
  readonly repeats?: PageRepeats;
}

/**
 * The web page (`GET /`), its assets, `GET /suggest` for suggestions as you type, and with
 * {@link WebRouteOptions.feedback} the page's votes and question suggestions. Everything a
 * browser gets is HTML, problems included (a rate limit, a question too long): explained in
 * words with the form still there, never raw JSON.
 */
export const webRoutes: FastifyPluginAsync<WebRouteOptions> = async (app, options) => {
  const { answers, responder, onAnswer, feedback, repeats } = options;

  app.get(
    "/",
    {
      // Shared links pick up tracking parameters (fbclid, utm_*): the page ignores them.
      config: { unknownQuery: "ignore" },
      // Problems with the query are explained on the page (see readPageQuery), not as JSON.
      attachValidation: true,
      errorHandler: responder.pageErrors,
      schema: {
        summary: "The web page (server-rendered; works without JavaScript)",
        querystring: {
          type: "object",
          properties: {
            q: { type: "string", maxLength: MAX_QUESTION_LENGTH, description: "A question" },
            id: { type: "string", maxLength: MAX_ID_LENGTH, description: "An entry to show" },
            lang: {
              type: "string",
              maxLength: 35,
              description: `The page's language (BCP 47; ${PAGE_LANGUAGES.join(", ")}), remembered in a cookie (with remember=1, as the switcher sends it) when it differs from the reader's usual one. Without it: the cookie, else Accept-Language, else English; a question's page is in its reply's language. Other values are ignored.`,
            },
            remember: {
              type: "string",
              enum: ["1"],
              description:
                "Remember lang in a cookie and redirect without this parameter (the language switcher sends it)",
            },
            fragment: { type: "string", enum: ["1"], description: "The result area only" },
          },
        },
        produces: ["text/html"],
      },
    },
    async (request, reply) => {
      // The switcher's choice: remembered (cookie), then the same address without `remember`, so
      // the address bar and a shared link show only what the page shows.
      if ((request.query as Record<string, unknown>).remember === "1") {
        responder.rememberLanguage(request, reply);
        const target = new URLSearchParams(request.url.slice(request.url.indexOf("?") + 1));
        target.delete("remember");
        const rest = target.toString();
        return reply.redirect(rest === "" ? "/" : `/?${rest}`, 303);
      }
      const query = readPageQuery(request.query as Record<string, unknown>);
      let view: ResultView = { kind: "empty" };
      // Without a question, the request's language (?lang=, cookie, Accept-Language, English).
      let language: Language | undefined;
      if (query.problem !== undefined) {
        view = { kind: "problem", problem: query.problem.kind, values: query.problem.values };
      } else if (query.id !== undefined) {
        const service = answers.serving;
        language = responder.languageOf(request);
        const shown = service.entry(query.id, language);
        view = shown
          ? {
              kind: "entry",
              entry: shown,
              related: shown.entry.related.flatMap((id) => service.entry(id, language) ?? []),
              voted: query.voted,
            }
          : { kind: "problem", problem: "unknownId", values: { id: query.id } };
      } else if (query.q !== "") {
        // The reply's language: ?lang= pins it, then the remembered choice; else the question's
        // own language, with Accept-Language for short ones.
        const reply = answers.serving.ask(query.q, responder.requestLanguage(request));
        // The page load that follows the script's ask was counted when the script asked.
        if (repeats?.isRepeat(request, query.q) !== true) onAnswer?.(query.q, reply, request);
        repeats?.answered(request, query.q);
        view = viewOfAnswer(query.q, reply);
        language = reply.language;
      } else if (query.suggested) {
        view = { kind: "suggested" };
      }
      return responder.send(request, reply, view, {
        query: query.q,
        id: query.id,
        fragment: query.fragment,
        language,
      });
    },
  );

  registerAssets(app);
  registerSuggest(app, answers, responder);
  if (feedback !== undefined) registerPageFeedback(app, { answers, feedback, responder });
};

function registerAssets(app: FastifyInstance): void {
  app.get<{ Params: { name: AssetName } }>(
    "/assets/:name",
    {
      // `?v=` tells releases apart; the file is the same whatever it says.
      config: { unknownQuery: "ignore" },
      schema: {
        hide: true,
        params: {
          type: "object",
          properties: { name: { type: "string", enum: Object.keys(ASSETS) } },
        },
      },
    },
    async (request, reply) => {
      const asset = ASSETS[request.params.name];
      reply.type(asset.type).header("cache-control", "public, max-age=3600");
      return asset.body;
    },
  );
  // Browsers and crawlers ask for /favicon.ico whatever the page says.
  app.get("/favicon.ico", { schema: { hide: true } }, async (_request, reply) =>
    reply.redirect(ASSETS["favicon.svg"].url, 301),
  );
}

function registerSuggest(
  app: FastifyInstance,
  answers: AnswerServiceHolder,
  responder: PageResponder,
): void {
  app.get<{ Querystring: { q: string } }>(
    "/suggest",
    {
      schema: {
        summary: "Questions matching what has been typed so far",
        querystring: {
          type: "object",
          required: ["q"],
          properties: { q: { type: "string", maxLength: MAX_QUESTION_LENGTH } },
        },
        response: {
          200: {
            type: "object",
            required: ["suggestions"],
            properties: {
              suggestions: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "question"],
                  properties: { id: { type: "string" }, question: { type: "string" } },
                },
              },
            },
          },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    // In the reader's remembered or browser language for short beginnings (the page's script
    // sends its cookie and Accept-Language), else the words' own language.
    async (request) => ({
      suggestions: answers.serving.suggest(request.query.q, {
        ...responder.requestLanguage(request),
        explicit: undefined,
      }),
    }),
  );
}
