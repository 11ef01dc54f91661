import { readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { AnswerServiceHolder } from "../../answering/holder.js";
import type { Reply } from "../../answering/service.js";
import { renderPage, renderResult, viewOfAnswer, type ResultView } from "../web/page.js";
import { MAX_QUESTION_LENGTH } from "./ask.js";

// Small enough to hold in memory; read once at start (the build copies them next to this file).
const ASSETS = {
  "app.js": { type: "text/javascript; charset=utf-8", body: readAsset("app.js") },
  "app.css": { type: "text/css; charset=utf-8", body: readAsset("app.css") },
} as const;

function readAsset(name: string): string {
  return readFileSync(new URL(`../public/${name}`, import.meta.url), "utf8");
}

export interface WebRouteOptions {
  readonly answers: AnswerServiceHolder;
  readonly onAnswer?: (question: string, reply: Reply, request: FastifyRequest) => void;
}

/** The web page (`GET /`), its assets, and `GET /suggest` for suggestions as you type. */
export const webRoutes: FastifyPluginAsync<WebRouteOptions> = async (
  app,
  { answers, onAnswer },
) => {
  app.get<{ Querystring: { q?: string; id?: string; fragment?: string } }>(
    "/",
    {
      schema: {
        summary: "The web page (server-rendered; works without JavaScript)",
        querystring: {
          type: "object",
          properties: {
            q: { type: "string", maxLength: MAX_QUESTION_LENGTH },
            id: { type: "string", maxLength: 100 },
            fragment: { type: "string", enum: ["1"] },
          },
        },
        produces: ["text/html"],
      },
    },
    async (request, reply) => {
      const service = answers.serving;
      const query = request.query.q?.trim() ?? "";
      let result: ResultView = { kind: "empty" };
      if (request.query.id) {
        const entry = service.entry(request.query.id)?.entry;
        result = entry
          ? {
              kind: "entry",
              entry,
              related: entry.related.flatMap((id) => service.entry(id)?.entry ?? []),
            }
          : { kind: "unknown-id", id: request.query.id };
      } else if (query !== "") {
        const reply = service.ask(query);
        onAnswer?.(query, reply, request);
        result = viewOfAnswer(query, reply);
      }
      reply.type("text/html; charset=utf-8").header("cache-control", "no-store");
      if (request.query.fragment === "1") return renderResult(result);
      return renderPage({
        query,
        result,
        categories: service.categories(),
        entries: service.knowledgeBase.entries,
      });
    },
  );

  app.get<{ Params: { name: keyof typeof ASSETS } }>(
    "/assets/:name",
    {
      schema: {
        hide: true,
        params: {
          type: "object",
          properties: { name: { type: "string", enum: Object.keys(ASSETS) } },
        },
      },
    },
    async (request, reply) => {
      const asset = ASSETS[request.params.name];
      reply.type(asset.type).header("cache-control", "public, max-age=3600");
      return asset.body;
    },
  );

  app.get<{ Querystring: { q: string } }>(
    "/suggest",
    {
      schema: {
        summary: "Questions matching what has been typed so far",
        querystring: {
          type: "object",
          required: ["q"],
          properties: { q: { type: "string", maxLength: MAX_QUESTION_LENGTH } },
        },
        response: {
          200: {
            type: "object",
            required: ["suggestions"],
            properties: {
              suggestions: {
                type: "array",
                items: {
                  type: "object",
                  required: ["id", "question"],
                  properties: { id: { type: "string" }, question: { type: "string" } },
                },
              },
            },
          },
          "4xx": { $ref: "Error#" },
          503: { $ref: "Error#" },
        },
      },
    },
    async (request) => ({ suggestions: answers.serving.suggest(request.query.q) }),
  );
};
