import type { FastifyInstance } from "fastify";
import FindMyWay, { type HTTPMethod } from "find-my-way";

/** Which methods each registered path answers, for `405 Method Not Allowed` and its `Allow`. */
export interface AllowedMethods {
  /** The methods some route answers at `path` (the URL's path, no query); empty for none. */
  at(path: string): string[];
}

const noop = () => undefined;

/**
 * Records every route as it is registered in a router of its own: find-my-way, the router
 * Fastify itself uses, so a path matches here exactly when Fastify would have matched it with
 * another method. Catch-all routes (CORS preflight's `OPTIONS *`) are left out: they would make
 * every unknown path "known".
 */
export function recordAllowedMethods(app: FastifyInstance): AllowedMethods {
  const router = FindMyWay({ ignoreTrailingSlash: false });
  const methods = new Set<HTTPMethod>();
  app.addHook("onRoute", (route) => {
    if (route.url === "*" || route.url === "/*") return;
    for (const method of [route.method].flat() as HTTPMethod[]) {
      if (router.hasRoute(method, route.url)) continue;
      router.on(method, route.url, noop);
      methods.add(method);
    }
  });
  return {
    at: (path) => [...methods].filter((method) => router.find(method, path) !== null).sort(),
  };
}
