import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/** Headers of the in-memory response that describe that transfer, not the content. */
const TRANSFER_HEADERS = new Set(["connection", "keep-alive", "transfer-encoding", "date"]);

/**
 * Swagger UI under `prefix`, set up on its first request. The plugin and the static-file
 * server it brings cost ~60 ms of every start for a page few processes ever serve. So it lives
 * in a small Fastify instance of its own, built on the first visit around the app's OpenAPI
 * document (see `recordOpenApi`), and requests under `prefix` are
 * passed to it in memory. The outer app's hooks (security headers, limits) apply as before.
 */
export function registerLazyDocs(
  app: FastifyInstance,
  prefix: string,
  openApi: () => Promise<Record<string, unknown>>,
): void {
  let docs: Promise<FastifyInstance> | undefined;
  const relay = async (request: FastifyRequest, reply: FastifyReply) => {
    docs ??= openApi()
      .then((document) => buildDocsApp(document, prefix))
      .catch((error: unknown) => {
        docs = undefined; // let a later request try again
        throw error;
      });
    // Always a GET: for a HEAD request the outer app drops the body itself, as it did before.
    const response = await (await docs).inject({ url: request.url, headers: request.headers });
    // Unknown paths get this app's own 404, as before.
    if (response.statusCode === 404) return reply.callNotFound();
    for (const [name, value] of Object.entries(response.headers)) {
      if (value !== undefined && !TRANSFER_HEADERS.has(name)) reply.header(name, value);
    }
    const body = response.rawPayload;
    return reply.code(response.statusCode).send(body.length > 0 ? body : undefined);
  };
  // Swagger UI's own files decide their parameters.
  const options = { schema: { hide: true }, config: { unknownQuery: "ignore" as const } };
  app.get(prefix, options, relay);
  app.get(`${prefix}/*`, options, relay);
  app.addHook("onClose", async () => {
    await (await docs?.catch(() => undefined))?.close();
  });
}

async function buildDocsApp(
  document: Record<string, unknown>,
  prefix: string,
): Promise<FastifyInstance> {
  const [{ default: Fastify }, { default: swagger }, { default: swaggerUi }] = await Promise.all([
    import("fastify"),
    import("@fastify/swagger"),
    import("@fastify/swagger-ui"),
  ]);
  const docs = Fastify({ logger: false });
  await docs.register(swagger, {
    mode: "static",
    specification: { document: document as never },
  });
  await docs.register(swaggerUi, { routePrefix: prefix });
  await docs.ready();
  return docs;
}
