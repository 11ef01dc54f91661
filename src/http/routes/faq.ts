import type { FastifyPluginAsync } from "fastify";
import type { EngineHolder } from "../engine-holder.js";

const strings = { type: "array", items: { type: "string" } } as const;

const entrySchema = {
  $id: "FaqEntry",
  type: "object",
  required: [
    "id",
    "question",
    "alternates",
    "category",
    "tags",
    "related",
    "sources",
    "reviewed",
    "answer",
  ],
  properties: {
    id: { type: "string" },
    question: { type: "string" },
    alternates: strings,
    category: { type: "string" },
    tags: strings,
    related: strings,
    sources: strings,
    reviewed: { type: "string", format: "date" },
    answer: { type: "string", description: "Markdown" },
  },
} as const;

/** `GET /faq` (the list) and `GET /faq/:id` (one entry in full). */
export const faqRoutes: FastifyPluginAsync<{ engines: EngineHolder }> = async (
  app,
  { engines },
) => {
  app.addSchema(entrySchema);
  const engine = () => engines.serving;

  app.get(
    "/faq",
    {
      schema: {
        summary: "List all FAQ entries",
        response: {
          200: {
            type: "object",
            required: ["entries"],
            properties: {
              entries: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "question", "category"],
                  properties: {
                    id: { type: "string" },
                    question: { type: "string" },
                    category: { type: "string" },
                  },
                },
              },
            },
          },
          503: { $ref: "Error#" },
        },
      },
    },
    async () => ({ entries: engine().entries }),
  );

  app.get<{ Params: { id: string } }>(
    "/faq/:id",
    {
      schema: {
        summary: "One FAQ entry in full",
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } } },
        response: {
          200: { $ref: "FaqEntry#" },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    async (request, reply) => {
      const entry = engine().get(request.params.id);
      if (entry === undefined) {
        return reply
          .code(404)
          .send({ error: "not_found", message: `No FAQ entry with id "${request.params.id}"` });
      }
      return entry;
    },
  );
};
