/**
 * `METRICS_TOKEN`: when set, `/metrics` and `/docs` answer only requests that carry it, as a
 * bearer token (Prometheus' `authorization`) or as the password of Basic authentication (any
 * user name), which a browser asks for itself when it opens `/docs`. Compared in constant time
 * (SHA-256 digests of equal length, then `timingSafeEqual`), as the admin token is.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { FastifyInstance, onRequestHookHandler } from "fastify";
import { addOnRequest } from "./route-hooks.js";

const digest = (text: string) => createHash("sha256").update(text, "utf8").digest();

/** Paths of the operational routes the token protects. */
export function isOpsRoute(url: string): boolean {
  return url === "/metrics" || url === "/docs" || url.startsWith("/docs/");
}

/** The token in an Authorization header: `Bearer <token>`, or Basic with it as the password. */
function presentedToken(header: string | undefined): string | undefined {
  if (header === undefined) return undefined;
  const bearer = /^Bearer (.+)$/i.exec(header)?.[1];
  if (bearer !== undefined) return bearer;
  const basic = /^Basic ([A-Za-z0-9+/=]+)$/i.exec(header)?.[1];
  if (basic === undefined) return undefined;
  const decoded = Buffer.from(basic, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  return colon === -1 ? undefined : decoded.slice(colon + 1);
}

/** Requires `token` on `/metrics` and `/docs` (registered before those routes). */
export function protectOpsRoutes(app: FastifyInstance, token: string): void {
  const expected = digest(token);
  const check: onRequestHookHandler = (request, reply, done) => {
    const presented = presentedToken(request.headers.authorization);
    // Both digests are 32 bytes, so the comparison time reveals nothing about the token.
    if (presented !== undefined && timingSafeEqual(digest(presented), expected)) return done();
    void reply
      .code(401)
      .header("www-authenticate", 'Basic realm="operations", charset="UTF-8"')
      .header("cache-control", "no-store")
      .send({
        error: "unauthorized",
        message:
          "Send METRICS_TOKEN as a bearer token, or as the password of Basic authentication.",
      });
  };
  app.addHook("onRoute", (route) => {
    if (isOpsRoute(route.url)) addOnRequest(route, check);
  });
}
