import type { FastifyPluginAsync } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";

/**
 * Probes answer a few fixed fields, so `JSON.stringify` serialises them; the schemas below
 * document them. A compiled serializer would load and run fast-json-stringify (and Ajv) on the
 * first probe, inside the start-up that probe is waiting for.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

/** `GET /healthz` (the process is alive) and `GET /readyz` (the index is built and serving). */
export const healthRoutes: FastifyPluginAsync<{ answers: AnswerServiceHolder }> = async (
  app,
  { answers },
) => {
  app.get(
    "/healthz",
    {
      serializerCompiler: plainJson,
      schema: {
        summary: "Liveness",
        response: { 200: { type: "object", properties: { status: { type: "string" } } } },
      },
    },
    async () => ({ status: "ok" }),
  );

  app.get(
    "/readyz",
    {
      serializerCompiler: plainJson,
      schema: {
        summary: "Readiness: 200 once the index is built",
        response: {
          "2xx": {
            type: "object",
            properties: {
              status: { type: "string" },
              version: { type: "string" },
              entries: { type: "integer" },
              languages: { type: "array", items: { type: "string" } },
              loadedAt: { type: "string" },
            },
          },
          503: { type: "object", properties: { status: { type: "string" } } },
        },
      },
    },
    async (_request, reply) => {
      const service = answers.current;
      if (service === undefined) return reply.code(503).send({ status: "starting" });
      return {
        status: "ready",
        version: service.version,
        entries: service.knowledgeBase.entries.length,
        languages: service.languages,
        loadedAt: answers.loadedAt?.toISOString(),
      };
    },
  );
};
