import cors from "@fastify/cors";
import underPressure from "@fastify/under-pressure";
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
  type onRequestHookHandler,
  type RouteOptions,
} from "fastify";
import type { Metrics } from "../ops/metrics.js";
import type { AnswerServiceHolder } from "../answering/holder.js";
import type { Reply } from "../answering/service.js";
import type { InsightsStore, StoreHealth } from "../store/insights.js";
import { type QuestionLimiter, TooManyRequestsError } from "../store/rate-limit.js";
import { type DrainSwitch, registerDraining } from "./drain.js";
import { registerAccessLog, type AccessLogOptions } from "./access-log.js";
import { registerLazyDocs } from "./docs.js";
import { recordOpenApi } from "./openapi.js";
import { errorSchema, registerErrorHandling } from "./errors.js";
import { lazyCompilersFactory } from "./lazy-compilers.js";
import { recordAllowedMethods } from "./method-not-allowed.js";
import { protectOpsRoutes } from "./ops-token.js";
import { lazyRequestLogger } from "./request-logger.js";
import { addOnRequest } from "./route-hooks.js";
import { adminRoutes } from "./routes/admin.js";
import { askRoutes } from "./routes/ask.js";
import { faqRoutes } from "./routes/faq.js";
import { healthRoutes } from "./routes/health.js";
import type { PageFeedback } from "./routes/page-feedback.js";
import { webRoutes } from "./routes/web.js";
import { PageRepeats } from "./web/page-repeats.js";
import { PageResponder } from "./web/responder.js";
import { registerSecurityHeaders } from "./security-headers.js";
import { registerStrictQuery } from "./strict-query.js";

/** What the HTTP app needs; everything is passed in, nothing is global. */
export interface AppDependencies {
  readonly answers: AnswerServiceHolder;
  /** Fastify logger options (pino); `false` for silence in tests. */
  readonly logger?: FastifyServerOptions["logger"];
  /**
   * Called after every answer to a question (`/ask` and the page), for statistics, with the
   * request (its client address counts against the unanswered log's per-client budget); must
   * not throw or block.
   */
  readonly onAnswer?: (question: string, reply: Reply, request: FastifyRequest) => void;
  /** The statistics store's health, reported by `/readyz`. */
  readonly storeHealth?: () => StoreHealth;
  /** Public base URL of the service (`https://faq.example.com`): answers' permalinks use it. */
  readonly publicUrl?: string;
  /** One log line per request (see access-log.ts); none without it. */
  readonly accessLog?: AccessLogOptions;
  /**
   * Token `/metrics` and `/docs` then require (`METRICS_TOKEN`); both are open without it. The
   * page's footer then stops linking the documentation.
   */
  readonly opsToken?: string;
  /** Prometheus metrics; without it there is no `/metrics` route. */
  readonly metrics?: Metrics;
  /** Origins allowed to call `/ask` and `/faq` from a browser (`*` for any); none by default. */
  readonly corsOrigins?: readonly string[];
  /**
   * Load shedding (`@fastify/under-pressure`): the service passes {@link DEFAULT_PRESSURE}.
   * Without it nothing is shed (apps built in tests, whose set-up blocks the event loop).
   */
  readonly pressure?: PressureOptions;
  /**
   * How long a request over its client's question budget waits for its 429, ms (default
   * {@link DEFAULT_RATE_LIMIT_DELAY_MS}). See {@link registerQuestionRateLimit}.
   */
  readonly rateLimitDelayMs?: number;
  /** Extra plugins (the Telegram webhook) registered after the core routes. */
  readonly plugins?: readonly ((app: FastifyInstance) => Promise<void> | void)[];
  /**
   * Per-client limit on the question routes (`GET`/`POST /ask`, the page's `GET /?q=`, its
   * votes and suggestions) and `/suggest`, one budget shared by all (a suggestion as you type
   * costs a fifth of a question). No limit without it.
   */
  readonly questionRateLimit?: QuestionLimiter;
  /** 👍 / 👎 and "suggest this question" on the page; both are off without it. */
  readonly pageFeedback?: PageFeedback;
  /** The admin API (`/admin/*`); it exists only when `token` is set. */
  readonly admin?: {
    /** Bearer token required by every admin route. */
    readonly token: string | undefined;
    /** Where the insight is read from (the raw store: failures become 503, not empty data). */
    readonly store: InsightsStore;
  };
  /** When on, every request is answered 503 with `Connection: close` (shutting down). */
  readonly drain?: DrainSwitch;
  /**
   * Proxies whose `X-Forwarded-For` gives the client IP (Fastify's `trustProxy`): a hop count or
   * addresses. Off by default, since a client could otherwise pick its own rate-limit key.
   */
  readonly trustProxy?: boolean | number | readonly string[];
}

/**
 * Routes that answer a question or take the page's feedback, and so count against the
 * per-client question budget.
 */
function isQuestionRoute(route: RouteOptions): boolean {
  const methods = [route.method].flat();
  return (
    route.url === "/ask" ||
    (route.url === "/" && methods.includes("GET")) ||
    route.url === "/vote" ||
    route.url === "/question-suggestions"
  );
}

/** `/suggest` shares the question budget at a fraction of a question's cost. */
const isSuggestionRoute = (route: RouteOptions) => route.url === "/suggest";

/** Load shedding: requests get 503 with `Retry-After` while the event loop is queueing. */
export interface PressureOptions {
  /** Mean event-loop delay over a sample (ms) above which a sample counts as queueing. */
  readonly maxEventLoopDelay: number;
  /** Length of a sample, ms. */
  readonly sampleInterval: number;
  /** Samples in a row over the bound before requests are shed. Default 2. */
  readonly samples?: number;
}

/**
 * The service's load-shedding thresholds (`bench/fairness.ts` measured them; README, "Load
 * shedding"): requests are shed once the mean event-loop delay has exceeded 30 ms in two
 * half-second samples in a row, i.e. while requests keep waiting that long before they are even
 * looked at. That is queueing, tens of times a normal answer's latency: 256 connections kept
 * busy took the mean delay to 27-41 ms and others' p99 from 11 to 185 ms, while a
 * server merely busy (8 connections, ~90% utilisation) stays near 1 ms (at most 11) and must not
 * shed. The former bound, 1 s sampled each second, never engaged. Utilisation is not used: it
 * reads 0.87-1.00 for busy and overloaded alike. Two samples in a row, because one long task
 * (building the index at start or on a reload, 150 ms or more) fills one sample on its own and
 * is not a queue: with one sample the service shed its first requests after becoming ready.
 */
export const DEFAULT_PRESSURE = {
  maxEventLoopDelay: 30,
  sampleInterval: 500,
  samples: 2,
} as const satisfies PressureOptions;

/**
 * under-pressure's own delay check sheds on a single sample; this one (its `healthCheck`, run
 * every sample) needs `samples` in a row. The delay is the mean lateness of a 10 ms timer over
 * the sample; a sample in which the timer never ran (the loop was blocked throughout) counts
 * the time since its last run. Returns the check and a `stop` for the timer.
 */
function sustainedDelayCheck(options: PressureOptions): {
  check: () => Promise<boolean>;
  stop: () => void;
} {
  const tickMs = 10;
  let last = performance.now();
  let lateness = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    const now = performance.now();
    lateness += Math.max(0, now - last - tickMs);
    ticks++;
    last = now;
  }, tickMs);
  timer.unref();
  let over = 0;
  const check = async () => {
    const delay = ticks === 0 ? performance.now() - last : lateness / ticks;
    lateness = 0;
    ticks = 0;
    over = delay > options.maxEventLoopDelay ? over + 1 : 0;
    return over < (options.samples ?? 2);
  };
  return { check, stop: () => clearInterval(timer) };
}

/**
 * Default {@link AppDependencies.rateLimitDelayMs}. A flooding client over its budget gets its
 * 429 after this long, so each of its connections sends at most one request per delay: a 429
 * costs little, but tens of thousands a second from one client (measured: 7,500/s from 32
 * connections) kept the event loop 95% busy and multiplied everyone else's p99.
 */
export const DEFAULT_RATE_LIMIT_DELAY_MS = 1_000;

/**
 * Lets a request through (`wait` null) or ends it, `delayMs` later, with a 429 and
 * `Retry-After` (a client cannot ask again before the window ends anyway).
 */
function settleLimit(
  reply: FastifyReply,
  wait: number | null,
  done: (error?: Error) => void,
  delayMs: number,
) {
  if (wait === null) return done();
  reply.header("retry-after", String(wait));
  const refuse = () => done(new TooManyRequestsError(wait));
  if (delayMs > 0) setTimeout(refuse, delayMs);
  else refuse();
}

/**
 * Adds the shared question limiter to the question routes and to `/suggest` as they are
 * registered. The page (`GET /`) only counts when it answers a question (`?q=`), not when it is
 * merely opened, nor when it loads after its script asked the same question (see
 * {@link PageRepeats}). A callback hook that settles synchronously when the counts are in memory: a
 * promise chain per request (as `@fastify/rate-limit` has) cost a measurable share of answering
 * a cached question. A request over the budget gets its 429 `delayMs` later (see
 * {@link DEFAULT_RATE_LIMIT_DELAY_MS}).
 */
function registerQuestionRateLimit(
  app: FastifyInstance,
  limiter: QuestionLimiter,
  delayMs: number,
  repeats: PageRepeats,
): void {
  const hook =
    (kind: "question" | "suggestion"): onRequestHookHandler =>
    (request, reply, done) => {
      const wait = limiter.hit(request.ip, request.raw.socket, kind);
      if (wait instanceof Promise)
        void wait.then((seconds) => settleLimit(reply, seconds, done, delayMs));
      else settleLimit(reply, wait, done, delayMs);
    };
  const limit = hook("question");
  const limitSuggestions = hook("suggestion");
  const limitQuestionsOnly: onRequestHookHandler = function (request, reply, done) {
    const question = (request.query as { q?: unknown }).q;
    // The page load after the script's ask is that ask's question: already charged.
    if (
      typeof question === "string" &&
      question.trim() !== "" &&
      !repeats.isRepeat(request, question)
    )
      return limit.call(this, request, reply, done);
    done();
  };
  app.addHook("onRoute", (route) => {
    if (isQuestionRoute(route)) addOnRequest(route, route.url === "/" ? limitQuestionsOnly : limit);
    else if (isSuggestionRoute(route)) addOnRequest(route, limitSuggestions);
  });
}

/** Request durations by route pattern, and `GET /metrics` in Prometheus text format. */
function registerMetrics(app: FastifyInstance, metrics: Metrics): void {
  // A callback hook, not an async one: no promise per request on the hot path.
  app.addHook("onResponse", (request, reply, done) => {
    metrics.observeRequest(
      request.routeOptions.url ?? "unmatched",
      request.method,
      reply.statusCode,
      reply.elapsedTime / 1000,
    );
    done();
  });
  app.get(
    "/metrics",
    { schema: { summary: "Prometheus metrics", produces: ["text/plain"] } },
    async (_request, reply) => {
      reply.type(metrics.registry.contentType);
      return metrics.registry.metrics();
    },
  );
}

/**
 * Builds the Fastify app without listening (the process entry point listens; tests use inject).
 * Fastify's own request logging stays off: one pino line per request costs more than answering,
 * and it logs the URL, which carries the user's question. `accessLog` turns on lines of our own
 * that leave the question and the address out.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const hops = deps.trustProxy;
  // A hop count trusts that many proxies in front (Fastify's numeric form, as a function).
  const trustProxy: FastifyServerOptions["trustProxy"] =
    typeof hops === "number"
      ? (_address: string, hop: number) => hop < hops
      : typeof hops === "object"
        ? [...hops]
        : (hops ?? false);
  const app = Fastify({
    logger: deps.logger ?? false,
    trustProxy,
    logController: new LogController({ disableRequestLogging: true }),
    ...(deps.logger ? { childLoggerFactory: lazyRequestLogger } : {}),
    bodyLimit: 64 * 1024,
    // Wrong types are an error, not silently coerced ({"question": 42} is a 400).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    // Validators and serializers compile on each route's first request, not all before listening.
    schemaController: { compilersFactory: lazyCompilersFactory() },
    requestTimeout: 15_000,
    connectionTimeout: 10_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
  });
  // JSON only: a text/plain body is a 415, not a string parsed into a confusing 400.
  // Before every other hook: a stopping process answers at once.
  if (deps.drain !== undefined) registerDraining(app, deps.drain);
  app.removeContentTypeParser("text/plain");
  // Before any route is added: both watch routes as they are registered.
  const allowedMethods = recordAllowedMethods(app);
  registerStrictQuery(app);
  if (deps.opsToken !== undefined) protectOpsRoutes(app, deps.opsToken);
  app.addSchema(errorSchema);
  const responder = new PageResponder({
    answers: deps.answers,
    feedback: deps.pageFeedback !== undefined,
    docsLink: deps.opsToken === undefined,
  });
  // A browser that opens an address with nothing there gets the page saying so, not JSON.
  registerErrorHandling(app, {
    allowedMethods,
    notFoundPage: (request, reply) => responder.notFound(request, reply),
  });
  registerSecurityHeaders(app);
  if (deps.pressure !== undefined) {
    const delay = sustainedDelayCheck(deps.pressure);
    app.addHook("onClose", (_instance, done) => {
      delay.stop();
      done();
    });
    await app.register(underPressure, {
      healthCheck: delay.check,
      healthCheckInterval: deps.pressure.sampleInterval,
      retryAfter: 10,
      exposeStatusRoute: false,
    });
  }
  const origins = deps.corsOrigins ?? [];
  if (origins.length > 0) {
    const origin = origins.includes("*") ? "*" : [...origins];
    await app.register(cors, {
      hook: "onRequest",
      // Only the public read API is cross-origin; the page, metrics, admin and webhook are not.
      delegator: (request, callback) => {
        const path = (request.url ?? "").split("?")[0]!;
        const publicApi = path === "/ask" || path === "/faq" || path.startsWith("/faq/");
        callback(
          null,
          publicApi ? { origin, methods: ["GET", "POST"], maxAge: 600 } : { origin: false },
        );
      },
    });
  }
  if (deps.accessLog !== undefined) registerAccessLog(app, deps.accessLog);
  if (deps.metrics) registerMetrics(app, deps.metrics);
  const openApi = recordOpenApi(app, {
    openapi: {
      info: {
        title: "WhatsApp privacy FAQ",
        description: "Answers questions about WhatsApp's privacy from a curated FAQ. Unofficial.",
        version: "1.0.0",
      },
      components: {
        securitySchemes: {
          adminToken: {
            type: "http",
            scheme: "bearer",
            description: "The ADMIN_TOKEN of the service (admin routes only)",
          },
        },
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  registerLazyDocs(app, "/docs", openApi);
  app.get("/openapi.json", { schema: { hide: true } }, openApi);
  const repeats = new PageRepeats();
  if (deps.questionRateLimit !== undefined)
    registerQuestionRateLimit(
      app,
      deps.questionRateLimit,
      deps.rateLimitDelayMs ?? DEFAULT_RATE_LIMIT_DELAY_MS,
      repeats,
    );
  await app.register(healthRoutes, { answers: deps.answers, store: deps.storeHealth });
  await app.register(askRoutes, {
    answers: deps.answers,
    onAnswer: deps.onAnswer,
    publicUrl: deps.publicUrl,
  });
  await app.register(faqRoutes, { answers: deps.answers });
  await app.register(webRoutes, {
    answers: deps.answers,
    responder,
    onAnswer: deps.onAnswer,
    feedback: deps.pageFeedback,
    repeats,
  });
  if (deps.admin !== undefined)
    await app.register(adminRoutes, { token: deps.admin.token, store: deps.admin.store });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
