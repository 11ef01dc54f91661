import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import { ASSETS } from "./assets.js";
import { renderPage, renderResult, statusOf, type PageContext, type ResultView } from "./page.js";
import { readPageQuery } from "./page-query.js";
import { problemOfError } from "./problems.js";
import { PAGE_TEXTS, type PageTexts } from "./texts.js";

/** Options of {@link PageResponder}. */
export interface PageResponderOptions {
  readonly answers: AnswerServiceHolder;
  /** The page's texts. Default {@link PAGE_TEXTS}. */
  readonly texts?: PageTexts;
  /** Show 👍 / 👎 and "suggest this question" (their routes exist). Default false. */
  readonly feedback?: boolean;
  /** Link /docs in the footer (off when it needs a token). Default true. */
  readonly docsLink?: boolean;
}

/** Host names as browsers send them; anything else gets relative links rather than an echo. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * Sends the page or its result area for a view: what the page's routes answer, and what a
 * browser gets for problems (a limit, an unknown address) instead of JSON.
 */
export class PageResponder {
  readonly texts: PageTexts;
  readonly #options: PageResponderOptions;

  constructor(options: PageResponderOptions) {
    this.#options = options;
    this.texts = options.texts ?? PAGE_TEXTS;
  }

  /** What rendering needs for this request. */
  contextFor(request: FastifyRequest): PageContext {
    return {
      texts: this.texts,
      origin: HOST.test(request.host) ? `${request.protocol}://${request.host}` : "",
      votes: this.#options.feedback ?? false,
      suggestions: this.#options.feedback ?? false,
      docsLink: this.#options.docsLink ?? true,
      assets: {
        css: ASSETS["app.css"].url,
        js: ASSETS["app.js"].url,
        icon: ASSETS["favicon.svg"].url,
      },
    };
  }

  /** Sends a view: the result area alone for the script (`fragment`), else the whole page. */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: ResultView,
    { query = "", fragment = false }: { query?: string; fragment?: boolean } = {},
  ): FastifyReply {
    const context = this.contextFor(request);
    reply.code(statusOf(view)).type("text/html; charset=utf-8").header("cache-control", "no-store");
    if (fragment) return reply.send(renderResult(view, context));
    // Explaining a problem must not need the engine (it may be what is missing).
    const current = this.#options.answers.current;
    return reply.send(
      renderPage(
        {
          query,
          result: view,
          categories: current?.categories() ?? [],
          entries: current?.knowledgeBase.entries ?? [],
        },
        context,
      ),
    );
  }

  /** A page route's error handler: the error (a limit, a fault) as a page that explains it. */
  readonly pageErrors = (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    const { kind, values } = problemOfError(error);
    if (kind === "failed") request.log.error({ err: error }, "request failed");
    const query = readPageQuery(request.query as Record<string, unknown>);
    return this.send(
      request,
      reply,
      { kind: "problem", problem: kind, values },
      { query: query.q, fragment: query.fragment },
    );
  };

  /** An address with nothing there, for a browser: the page with the form, saying so (404). */
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.send(request, reply, { kind: "problem", problem: "notFound" });
  }
}
