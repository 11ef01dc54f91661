import { readFileSync } from "node:fs";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { Answer, AnswerEngine } from "../../search/engine.js";
import { Suggester } from "../../search/suggest.js";
import type { EngineHolder } from "../engine-holder.js";
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
  readonly engines: EngineHolder;
  readonly onAnswer?: (question: string, answer: Answer, request: FastifyRequest) => void;
}

/** The web page (`GET /`), its assets, and `GET /suggest` for suggestions as you type. */
export const webRoutes: FastifyPluginAsync<WebRouteOptions> = async (
  app,
  { engines, onAnswer },
) => {
  const suggesters = new WeakMap<AnswerEngine, Suggester>();
  const engine = () => engines.serving;

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
      const current = engine();
      const query = request.query.q?.trim() ?? "";
      let result: ResultView = { kind: "empty" };
      if (request.query.id) {
        const entry = current.get(request.query.id);
        result = entry
          ? { kind: "entry", entry, related: entry.related.flatMap((id) => current.get(id) ?? []) }
          : { kind: "unknown-id", id: request.query.id };
      } else if (query !== "") {
        const answer = current.ask(query);
        onAnswer?.(query, answer, request);
        result = viewOfAnswer(query, answer);
      }
      reply.type("text/html; charset=utf-8").header("cache-control", "no-store");
      if (request.query.fragment === "1") return renderResult(result);
      return renderPage({
        query,
        result,
        categories: current.categories,
        entries: current.entries,
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
    async (request) => {
      const current = engine();
      let suggester = suggesters.get(current);
      if (suggester === undefined) {
        suggester = new Suggester(current.entries);
        suggesters.set(current, suggester);
      }
      return { suggestions: suggester.suggest(request.query.q) };
    },
  );
};
