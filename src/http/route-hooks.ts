import type { onRequestHookHandler, RouteOptions } from "fastify";

/** Adds `hook` to the route's own onRequest hooks (from an `onRoute` hook, as it is registered). */
export function addOnRequest(route: RouteOptions, hook: onRequestHookHandler): void {
  route.onRequest = [route.onRequest ?? []].flat().concat(hook);
}
