import type { FastifyError, FastifyReply, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import { messagesFor } from "../../i18n/messages.js";
import type { Language } from "../../text/languages.js";
import { ASSETS } from "./assets.js";
import {
  renderPage,
  renderResult,
  statusOf,
  type LanguageChoice,
  type PageContext,
  type ResultView,
} from "./page.js";
import {
  cookieLanguage,
  defaultLanguageOf,
  languageCookie,
  languageToRemember,
  PAGE_LANGUAGES,
  pageLanguageOf,
  type RequestLanguage,
} from "./page-language.js";
import { readPageQuery } from "./page-query.js";
import { problemOfError } from "./problems.js";

/** Options of {@link PageResponder}. */
export interface PageResponderOptions {
  readonly answers: AnswerServiceHolder;
  /** Show 👍 / 👎 and "suggest this question" (their routes exist). Default false. */
  readonly feedback?: boolean;
  /** Link /docs in the footer (off when it needs a token). Default true. */
  readonly docsLink?: boolean;
}

/** How a view is sent. */
export interface SendOptions {
  /** What the question box holds. */
  readonly query?: string;
  /** The entry the page shows by its link (the language switcher keeps it). */
  readonly id?: string;
  /** The result area alone (the script's request). */
  readonly fragment?: boolean;
  /** The page's language when a reply decided it; else the request's (see languageOf). */
  readonly language?: Language;
}

/** Host names as browsers send them; anything else gets relative links rather than an echo. */
const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/** The switcher's languages, each in its own name. */
const LANGUAGE_CHOICES: readonly LanguageChoice[] = PAGE_LANGUAGES.map((code) => ({
  code,
  name: messagesFor(code).languageName,
}));

/**
 * Sends the page or its result area for a view: what the page's routes answer, and what a
 * browser gets for problems (a limit, an unknown address) instead of JSON. Every response is in
 * the reader's language (see page-language.ts) and says which (`Content-Language`).
 */
export class PageResponder {
  readonly #options: PageResponderOptions;

  constructor(options: PageResponderOptions) {
    this.#options = options;
  }

  /**
   * What a request says about its reader's language: `?lang=` (or a form's `lang`, passed as
   * `explicit`), the remembered choice (cookie), and `Accept-Language`.
   */
  requestLanguage(request: FastifyRequest, explicit?: unknown): RequestLanguage {
    const query = request.query as Record<string, unknown> | undefined;
    return {
      explicit: pageLanguageOf(explicit ?? query?.lang),
      chosen: cookieLanguage(request.headers.cookie),
      client: request.headers["accept-language"],
    };
  }

  /** The page's language for a request when no question decides it. */
  languageOf(request: FastifyRequest, explicit?: unknown): Language {
    return defaultLanguageOf(this.requestLanguage(request, explicit));
  }

  /** What rendering needs for this request, in `language`. */
  contextFor(request: FastifyRequest, language: Language): PageContext {
    const messages = messagesFor(language);
    return {
      language,
      texts: messages.page,
      outcome: messages.outcome,
      languages: LANGUAGE_CHOICES,
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

  /**
   * The headers of a page response in `language`: which language it is, and that it depends on
   * the reader's language and cookie.
   */
  languageHeaders(reply: FastifyReply, language: Language): void {
    reply
      .header("content-language", messagesFor(language).page.lang)
      .header("vary", "Accept-Language, Cookie");
  }

  /**
   * Remembers the switcher's `?lang=` in a cookie where it differs from what the request would
   * otherwise get. Only the switcher's choice is: a link's `&lang=` (a shared answer, a related
   * question in the language of the last reply) shows that page and changes nothing after.
   */
  rememberLanguage(request: FastifyRequest, reply: FastifyReply): void {
    const remember = languageToRemember(this.requestLanguage(request));
    if (remember !== undefined)
      reply.header("set-cookie", languageCookie(remember, request.protocol === "https"));
  }

  /** Sends a view: the result area alone for the script (`fragment`), else the whole page. */
  send(
    request: FastifyRequest,
    reply: FastifyReply,
    view: ResultView,
    { query = "", id, fragment = false, language }: SendOptions = {},
  ): FastifyReply {
    const shown = language ?? this.languageOf(request);
    const context = this.contextFor(request, shown);
    reply.code(statusOf(view)).type("text/html; charset=utf-8").header("cache-control", "no-store");
    this.languageHeaders(reply, shown);
    if (fragment) return reply.send(renderResult(view, context));
    // Explaining a problem must not need the engine (it may be what is missing).
    const current = this.#options.answers.current;
    return reply.send(
      renderPage(
        {
          query,
          id,
          result: view,
          categories: current?.categories(shown) ?? [],
          entries: current?.entries(shown) ?? [],
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
      { query: query.q, id: query.id, fragment: query.fragment },
    );
  };

  /** An address with nothing there, for a browser: the page with the form, saying so (404). */
  notFound(request: FastifyRequest, reply: FastifyReply): FastifyReply {
    return this.send(request, reply, { kind: "problem", problem: "notFound" });
  }
}
