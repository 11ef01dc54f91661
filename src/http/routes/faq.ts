import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import { languageParameter } from "./ask.js";

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
    "language",
  ],
  properties: {
    id: { type: "string" },
    question: { type: "string" },
    short: { type: "string" },
    alternates: strings,
    category: { type: "string" },
    tags: strings,
    related: strings,
    sources: strings,
    reviewed: { type: "string", format: "date" },
    answer: { type: "string", description: "Markdown" },
    language: { type: "string", description: "BCP 47 code of the entry's texts" },
  },
} as const;

const listItem = {
  type: "object",
  required: ["id", "question", "category", "language"],
  properties: {
    id: { type: "string" },
    question: { type: "string" },
    short: { type: "string", description: "A few words naming the entry (buttons, lists)" },
    category: { type: "string" },
    language: { type: "string", description: "BCP 47 code of the entry's texts" },
  },
} as const;

const languageQuery = {
  type: "object",
  additionalProperties: false,
  properties: { lang: languageParameter },
} as const;

/**
 * `GET /faq` (the list, filtered by `?category=`), `GET /faq/categories` and `GET /faq/:id` (one
 * entry in full), each in the language `?lang=` (or Accept-Language) asks for, where translated.
 */
export const faqRoutes: FastifyPluginAsync<{ answers: AnswerServiceHolder }> = async (
  app,
  { answers },
) => {
  app.addSchema(entrySchema);
  const languageOf = (request: FastifyRequest<{ Querystring: { lang?: string } }>) =>
    answers.serving.languageFor({
      explicit: request.query.lang,
      client: request.headers["accept-language"],
    });

  app.get<{ Querystring: { lang?: string; category?: string } }>(
    "/faq",
    {
      schema: {
        summary: "List the FAQ entries (all, or one category's)",
        querystring: {
          type: "object",
          additionalProperties: false,
          properties: {
            lang: languageParameter,
            category: {
              type: "string",
              maxLength: 100,
              description: "A category id (see /faq/categories)",
            },
          },
        },
        response: {
          200: {
            type: "object",
            required: ["language", "entries"],
            properties: {
              language: { type: "string" },
              entries: { type: "array", items: listItem },
            },
          },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    async (request, reply) => {
      const service = answers.serving;
      const language = languageOf(request);
      const { category } = request.query;
      if (category !== undefined && !service.categories().some((c) => c.id === category)) {
        return reply.code(400).send({
          error: "bad_request",
          message: `Unknown category "${category}"; the categories are listed at /faq/categories`,
        });
      }
      const entries = service
        .entries(language)
        .filter(({ entry }) => category === undefined || entry.category === category)
        .map(({ entry, language: entryLanguage }) => ({ ...entry, language: entryLanguage }));
      reply.header("content-language", language);
      return { language, entries };
    },
  );

  app.get<{ Querystring: { lang?: string } }>(
    "/faq/categories",
    {
      schema: {
        summary: "The categories, in browsing order, with how many entries each has",
        querystring: languageQuery,
        response: {
          200: {
            type: "object",
            required: ["language", "categories"],
            properties: {
              language: { type: "string" },
              categories: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "title", "description", "entries"],
                  properties: {
                    id: { type: "string" },
                    title: { type: "string" },
                    description: { type: "string" },
                    entries: { type: "integer" },
                  },
                },
              },
            },
          },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    async (request, reply) => {
      const service = answers.serving;
      const language = languageOf(request);
      const counts = new Map<string, number>();
      for (const entry of service.knowledgeBase.entries)
        counts.set(entry.category, (counts.get(entry.category) ?? 0) + 1);
      reply.header("content-language", language);
      return {
        language,
        categories: service
          .categories(language)
          .map((category) => ({ ...category, entries: counts.get(category.id) ?? 0 })),
      };
    },
  );

  app.get<{ Params: { id: string }; Querystring: { lang?: string } }>(
    "/faq/:id",
    {
      schema: {
        summary: "One FAQ entry in full",
        params: { type: "object", properties: { id: { type: "string", maxLength: 100 } } },
        querystring: languageQuery,
        response: {
          200: { $ref: "FaqEntry#" },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    async (request, reply) => {
      const shown = answers.serving.entry(request.params.id, languageOf(request));
      if (shown === undefined) {
        return reply
          .code(404)
          .send({ error: "not_found", message: `No FAQ entry with id "${request.params.id}"` });
      }
      reply.header("content-language", shown.language);
      return { ...shown.entry, language: shown.language };
    },
  );
};
