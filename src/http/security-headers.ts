import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import helmet from "helmet";
import { addOnRequest } from "./route-hooks.js";

declare module "fastify" {
  interface FastifyContextConfig {
    /** `false` on routes that set their own headers: helmet's security headers skip them. */
    securityHeaders?: boolean;
  }
}

type HeaderMiddleware = (
  request: IncomingMessage,
  response: ServerResponse,
  next: (error?: unknown) => void,
) => void;

/** The page and /docs load their scripts, styles and images from this origin only. */
const OWN_ORIGIN_ONLY = {
  "script-src": ["'self'"],
  "style-src": ["'self'", "'unsafe-inline'"],
  "img-src": ["'self'", "data:"],
};

/**
 * Helmet's middlewares for the two ways a request arrives. Over HTTPS: helmet's defaults, with
 * `upgrade-insecure-requests` and HSTS. Over plain HTTP neither: `upgrade-insecure-requests`
 * makes the browser fetch the page's own script and styles over HTTPS, which a plain-HTTP server
 * (a phone on the LAN, compose's default port 8080) does not answer, so the page loaded unstyled
 * and dead; and browsers ignore HSTS sent over HTTP anyway.
 */
export function securityHeaderMiddlewares(): { https: HeaderMiddleware; http: HeaderMiddleware } {
  return {
    https: helmet({ contentSecurityPolicy: { directives: OWN_ORIGIN_ONLY } }),
    http: helmet({
      contentSecurityPolicy: {
        directives: { ...OWN_ORIGIN_ONLY, "upgrade-insecure-requests": null },
      },
      strictTransportSecurity: false,
    }),
  };
}

/**
 * Helmet's security headers, on every route except those declaring `config.securityHeaders:
 * false` (the JSON answers, which set the one header that matters for JSON themselves). The
 * middlewares are built once: `@fastify/helmet` rebuilt one on every request, and ran two hooks
 * even on the routes it skipped. HTTPS is read from `request.protocol`, so behind a
 * TLS-terminating proxy it needs `TRUST_PROXY` (the proxy's `X-Forwarded-Proto`).
 */
export function registerSecurityHeaders(app: FastifyInstance): void {
  const headers = securityHeaderMiddlewares();
  const hook: onRequestHookHandler = (request, reply, done) => {
    const setHeaders = request.protocol === "https" ? headers.https : headers.http;
    setHeaders(request.raw, reply.raw, (error) => done(error as Error | undefined));
  };
  app.addHook("onRoute", (route) => {
    if (route.config?.securityHeaders !== false) addOnRequest(route, hook);
  });
}
