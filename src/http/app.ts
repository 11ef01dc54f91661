import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from "fastify";
import type { Answer } from "../search/engine.js";
import type { EngineHolder } from "./engine-holder.js";
import { errorSchema, registerErrorHandling } from "./errors.js";
import { askRoutes } from "./routes/ask.js";
import { faqRoutes } from "./routes/faq.js";
import { healthRoutes } from "./routes/health.js";
import { webRoutes } from "./routes/web.js";

/** What the HTTP app needs; everything is passed in, nothing is global. */
export interface AppDependencies {
  readonly engines: EngineHolder;
  /** Fastify logger options (pino); `false` for silence in tests. */
  readonly logger?: FastifyServerOptions["logger"];
  /** Called after every /ask answer (statistics); must not throw or block. */
  readonly onAnswer?: (question: string, answer: Answer) => void;
  /** Extra plugins (the Telegram webhook) registered after the core routes. */
  readonly plugins?: readonly ((app: FastifyInstance) => Promise<void> | void)[];
}

/**
 * Builds the Fastify app without listening (the process entry point listens; tests use inject).
 * Request logging is off by default: one pino line per request costs more than answering, and
 * the URL carries the user's question, which is never logged at info.
 */
export async function buildApp(deps: AppDependencies): Promise<FastifyInstance> {
  const app = Fastify({
    logger: deps.logger ?? false,
    logController: new LogController({ disableRequestLogging: true }),
    bodyLimit: 64 * 1024,
    // Wrong types are an error, not silently coerced ({"question": 42} is a 400).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false } },
    requestTimeout: 15_000,
    connectionTimeout: 10_000,
    keepAliveTimeout: 72_000,
    return503OnClosing: true,
  });
  // JSON only: a text/plain body is a 415, not a string parsed into a confusing 400.
  app.removeContentTypeParser("text/plain");
  app.addSchema(errorSchema);
  registerErrorHandling(app);
  await app.register(swagger, {
    openapi: {
      info: {
        title: "WhatsApp privacy FAQ",
        description: "Answers questions about WhatsApp's privacy from a curated FAQ. Unofficial.",
        version: "1.0.0",
      },
    },
    refResolver: {
      buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`),
    },
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });
  app.get("/openapi.json", { schema: { hide: true } }, async () => app.swagger());
  await app.register(healthRoutes, { engines: deps.engines });
  await app.register(askRoutes, { engines: deps.engines, onAnswer: deps.onAnswer });
  await app.register(faqRoutes, { engines: deps.engines });
  await app.register(webRoutes, { engines: deps.engines, onAnswer: deps.onAnswer });
  for (const plugin of deps.plugins ?? []) await plugin(app);
  return app;
}
