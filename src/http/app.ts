import cors from "@fastify/cors";
import swagger from "@fastify/swagger";
import underPressure from "@fastify/under-pressure";
import Fastify, {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyServerOptions,
  type onRequestHookHandler,
  type RouteOptions,
} from "fastify";
import type { Metrics } from "../ops/metrics.js";
import type { Answer } from "../search/engine.js";
import type { InsightsStore } from "../store/insights.js";
import { type QuestionLimiter, TooManyRequestsError } from "../store/rate-limit.js";
import { registerAccessLog, type AccessLogOptions } from "./access-log.js";
import type { EngineHolder } from "./engine-holder.js";
import { registerLazyDocs } from "./docs.js";
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
import { PageResponder } from "./web/responder.js";
import { registerSecurityHeaders } from "./security-headers.js";
import { registerStrictQuery } from "./strict-query.js";

/** What the HTTP app needs; everything is passed in, nothing is global. */
export interface AppDependencies {
  readonly engines: EngineHolder;
  /** Fastify logger options (pino); `false` for silence in tests. */
  readonly logger?: FastifyServerOptions["logger"];
  /** Called after every /ask answer (statistics); must not throw or block. */
  readonly onAnswer?: (question: string, answer: Answer) => void;
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
  /** Load shedding: event-loop delay (ms) above which requests get 503 with Retry-After. */
  readonly pressure?: { readonly maxEventLoopDelay?: number; readonly sampleInterval?: number };
  /** Extra plugins (the Telegram webhook) registered after the core routes. */
  readonly plugins?: readonly ((app: FastifyInstance) => Promise<void> | void)[];
  /**
   * Per-client limit on the question routes (`GET`/`POST /ask`, the page's `GET /?q=`, and its
   * votes and suggestions), one budget shared by all. No limit without it.
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

/** Lets a request through (`wait` null) or ends it with a 429 and `Retry-After`. */
function settleLimit(reply: FastifyReply, wait: number | null, done: (error?: Error) => void) {
  if (wait === null) return done();
  reply.header("retry-after", String(wait));
  done(new TooManyRequestsError(wait));
}

/**
 * Adds the shared question limiter to the question routes as they are registered. The page
 * (`GET /`) only counts when it answers a question (`?q=`), not when it is merely opened. A
 * callback hook that settles synchronously when the counts are in memory: a promise chain per
 * request (as `@fastify/rate-limit` has) cost a measurable share of answering a cached question.
 */
function registerQuestionRateLimit(app: FastifyInstance, limiter: QuestionLimiter): void {
  const limit: onRequestHookHandler = (request, reply, done) => {
    const wait = limiter.hit(request.ip, request.raw.socket);
    if (wait instanceof Promise) void wait.then((seconds) => settleLimit(reply, seconds, done));
    else settleLimit(reply, wait, done);
  };
  const limitQuestionsOnly: onRequestHookHandler = function (request, reply, done) {
    const query = request.query as { q?: unknown };
    if (typeof query.q === "string" && query.q.trim() !== "")
      return limit.call(this, request, reply, done);
    done();
  };
  app.addHook("onRoute", (route) => {
    if (isQuestionRoute(route)) addOnRequest(route, route.url === "/" ? limitQuestionsOnly : limit);
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
  app.removeContentTypeParser("text/plain");
  // Before any route is added: both watch routes as they are registered.
  const allowedMethods = recordAllowedMethods(app);
  registerStrictQuery(app);
  if (deps.opsToken !== undefined) protectOpsRoutes(app, deps.opsToken);
  app.addSchema(errorSchema);
  const responder = new PageResponder({
    engines: deps.engines,
    feedback: deps.pageFeedback !== undefined,
    docsLink: deps.opsToken === undefined,
  });
  // A browser that opens an address with nothing there gets the page saying so, not JSON.
  registerErrorHandling(app, {
    allowedMethods,
    notFoundPage: (request, reply) => responder.notFound(request, reply),
  });
  registerSecurityHeaders(app);
  await app.register(underPressure, {
    maxEventLoopDelay: deps.pressure?.maxEventLoopDelay ?? 1_000,
    sampleInterval: deps.pressure?.sampleInterval ?? 1_000,
    retryAfter: 10,
    exposeStatusRoute: false,
  });
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
  await app.register(swagger, {
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
  registerLazyDocs(app, "/docs");
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  if (deps.questionRateLimit !== undefined) registerQuestionRateLimit(app, deps.questionRateLimit);
  await app.register(healthRoutes, { engines: deps.engines });
  await app.register(askRoutes, { engines: deps.engines, onAnswer: deps.onAnswer });
  await app.register(faqRoutes, { engines: deps.engines });
  await app.register(webRoutes, {
    engines: deps.engines,
    responder,
    onAnswer: deps.onAnswer,
    feedback: deps.pageFeedback,
  });
  if (deps.admin !== undefined)
    await app.register(adminRoutes, { token: deps.admin.token, store: deps.admin.store });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
