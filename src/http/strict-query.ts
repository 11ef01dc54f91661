import type { FastifyInstance, FastifyRequest, onRequestHookHandler } from "fastify";
import { addOnRequest } from "./route-hooks.js";

/** The 400 for a query parameter a route does not know, worded like a schema's (see errors.ts). */
function unknownParameter(name: string): Error {
  return Object.assign(new Error(`querystring/${name} is not a parameter of this route`), {
    statusCode: 400,
    validationContext: "querystring",
    validation: [
      { keyword: "additionalProperties", instancePath: "", params: { additionalProperty: name } },
    ],
  });
}

const firstParameter = (request: FastifyRequest): string | undefined => {
  for (const name in request.query as Record<string, unknown>) return name;
  return undefined;
};

/** Routes without a query: any parameter is unknown (checked without a schema, so no Ajv). */
const noParameters: onRequestHookHandler = (request, _reply, done) => {
  const name = firstParameter(request);
  done(name === undefined ? undefined : unknownParameter(name));
};

/**
 * Unknown query parameters get the same 400 as unknown body fields (`querystring has an unknown
 * property "x"`), so a typo (`?question=` for `?q=`) is an error rather than silently ignored.
 * Routes with a query schema get `additionalProperties: false` (Ajv checks it with the rest);
 * routes without one refuse any parameter in a small hook. A route opts out with
 * `config.unknownQuery: "ignore"` (the page, whose shared links pick up `fbclid`).
 */
export function registerStrictQuery(app: FastifyInstance): void {
  app.addHook("onRoute", (route) => {
    if (route.config?.unknownQuery === "ignore") return;
    const schema = route.schema;
    const querystring = schema?.querystring as Record<string, unknown> | undefined;
    if (querystring === undefined) return addOnRequest(route, noParameters);
    if (querystring.additionalProperties !== undefined) return;
    // A copy: schema objects may be shared between routes.
    route.schema = { ...schema, querystring: { ...querystring, additionalProperties: false } };
  });
}
