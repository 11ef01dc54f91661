import type { FastifyPluginAsync } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import type { StoreHealth } from "../../store/insights.js";

/** Options of {@link healthRoutes}. */
export interface HealthRouteOptions {
  readonly answers: AnswerServiceHolder;
  /**
   * The statistics store's health, reported by `/readyz` (`store`). A degraded store does not
   * make the service unready: answers never depend on it.
   */
  readonly store?: () => StoreHealth;
}

/**
 * Probes answer a few fixed fields, so `JSON.stringify` serialises them; the schemas below
 * document them. A compiled serializer would load and run fast-json-stringify (and Ajv) on the
 * first probe, inside the start-up that probe is waiting for.
 */
const plainJson = () => (data: unknown) => JSON.stringify(data);

/** `GET /healthz` (the process is alive) and `GET /readyz` (the index is built and serving). */
export const healthRoutes: FastifyPluginAsync<HealthRouteOptions> = async (
  app,
  { answers, store },
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
              warm: {
                type: "boolean",
                description:
                  "Every language's index is built and the language detector loaded (right after start-up they are built in the background; a question that needs one before then waits for it)",
              },
              loadedAt: { type: "string" },
              store: {
                type: "object",
                description:
                  "The statistics store: status ok or degraded (records wait in memory), with the reason, records waiting and dropped, and the last corrupt file moved aside",
                properties: {
                  status: { type: "string", enum: ["ok", "degraded"] },
                  reason: { type: "string" },
                  pendingRecords: { type: "integer" },
                  droppedRecords: { type: "integer" },
                  inDoubtRecords: { type: "integer" },
                  recoveries: { type: "integer" },
                  lastRecovery: {
                    type: "object",
                    properties: {
                      at: { type: "string" },
                      movedTo: { type: "string" },
                      reason: { type: "string" },
                    },
                  },
                },
              },
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
        warm: service.warm,
        loadedAt: answers.loadedAt?.toISOString(),
        store: store?.(),
      };
    },
  );
};
