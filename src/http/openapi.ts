import type { SwaggerOptions } from "@fastify/swagger";
import type { FastifyInstance, FastifySchema, HTTPMethods } from "fastify";

/** What the OpenAPI document needs of a route. */
interface RecordedRoute {
  readonly method: HTTPMethods | HTTPMethods[];
  readonly url: string;
  readonly schema: FastifySchema | undefined;
  readonly config: unknown;
}

/**
 * The app's OpenAPI document, generated on its first request. @fastify/swagger loads its
 * document generator (and a YAML library) when it is registered: ~25 ms of every start, for a
 * document few processes ever serve. So the routes and shared schemas are recorded as they are
 * added (what the plugin itself records), and the first call replays them, without handlers or
 * validation, into a small Fastify instance with the plugin, whose document is then kept.
 *
 * Call before the routes are added. Returns the function that gives the document.
 */
export function recordOpenApi(
  app: FastifyInstance,
  options: SwaggerOptions,
): () => Promise<Record<string, unknown>> {
  const routes: RecordedRoute[] = [];
  const instances: FastifyInstance[] = [];
  const schemas = new Map<string, unknown>();
  app.addHook("onRoute", ({ method, url, schema, config }) => {
    if (method !== "HEAD") routes.push({ method, url, schema, config });
  });
  app.addHook("onRegister", (instance) => {
    instances.push(instance);
  });
  app.addHook("onReady", async () => {
    for (const instance of [...instances, app])
      for (const [id, schema] of Object.entries(instance.getSchemas())) schemas.set(id, schema);
    instances.length = 0;
  });
  let document: Promise<Record<string, unknown>> | undefined;
  return () =>
    (document ??= generate(routes, schemas, options).catch((error: unknown) => {
      document = undefined; // let a later request try again
      throw error;
    }));
}

async function generate(
  routes: readonly RecordedRoute[],
  schemas: ReadonlyMap<string, unknown>,
  options: SwaggerOptions,
): Promise<Record<string, unknown>> {
  const [{ default: Fastify }, { default: swagger }] = await Promise.all([
    import("fastify"),
    import("@fastify/swagger"),
  ]);
  const replay = Fastify({ logger: false, exposeHeadRoutes: false });
  // Nothing is served: schemas are read, never compiled.
  replay.setValidatorCompiler(() => () => true);
  replay.setSerializerCompiler(() => (data) => JSON.stringify(data));
  await replay.register(swagger, options);
  for (const schema of schemas.values()) replay.addSchema(schema);
  const handler = async () => null;
  for (const { method, url, schema, config } of routes)
    replay.route({ method, url, schema, config, handler } as never);
  await replay.ready();
  const generated = replay.swagger() as unknown as Record<string, unknown>;
  await replay.close();
  return generated;
}
