import type { onRequestHookHandler, RouteOptions } from "fastify";

declare module "fastify" {
  interface FastifyContextConfig {
    /**
     * `"ignore"` on routes that accept query parameters they do not know (the page: shared links
     * pick up `fbclid` and `utm_*`); every other route answers them with a 400.
     */
    unknownQuery?: "reject" | "ignore";
  }
}

/** Adds `hook` to the route's own onRequest hooks (from an `onRoute` hook, as it is registered). */
export function addOnRequest(route: RouteOptions, hook: onRequestHookHandler): void {
  route.onRequest = [route.onRequest ?? []].flat().concat(hook);
}
