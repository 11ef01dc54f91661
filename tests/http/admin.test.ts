import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import type { InsightsStore } from "../../src/store/insights.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { recordAnswer } from "../../src/store/record.js";
import { realService } from "../support/knowledge-base.js";

const TOKEN = "test-admin-token-0123456789";
const auth = { authorization: `Bearer ${TOKEN}` };

let answers: AnswerServiceHolder;
let store: MemoryInsightsStore;
let app: FastifyInstance;

beforeAll(async () => {
  answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 0 }));
  store = new MemoryInsightsStore();
  app = await buildApp({
    answers,
    admin: { token: TOKEN, store },
    // As main.ts wires it: every /ask and page answer is recorded on the "http" channel.
    onAnswer: (_question, answer) => void recordAnswer(store, "http", answer),
  });
  await app.inject("/ask?q=can%20whatsapp%20read%20my%20messages");
  await app.inject({ method: "POST", url: "/ask", payload: { question: "how do I bake bread" } });
  await app.inject("/ask?q=how%20do%20I%20bake%20bread");
  await app.inject("/?q=can%20the%20police%20get%20my%20messages");
  await store.recordAnswered({ faqId: "e2e-messages", channel: "telegram-private" });
  await store.recordVote({ faqId: "e2e-messages", vote: "up", voterKey: "k1" });
  await store.recordVote({ faqId: "e2e-messages", vote: "down", voterKey: "k2" });
  await store.recordVote({ faqId: "e2e-messages", vote: "down", voterKey: "k3" });
});
afterAll(() => app.close());

describe("admin API", () => {
  it.each(["/admin/stats", "/admin/unanswered", "/admin/feedback"])(
    "%s needs the bearer token: 401 without it or with a wrong one",
    async (url) => {
      for (const headers of [
        {},
        { authorization: "Bearer wrong-token-0123456789" },
        { authorization: `Bearer ${TOKEN}x` },
        { authorization: TOKEN },
        { authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}` },
      ]) {
        const response = await app.inject({ url, headers });
        expect(response.statusCode, JSON.stringify(headers)).toBe(401);
        expect(response.json()).toEqual({
          error: "unauthorized",
          message: "Missing or wrong admin token.",
        });
        expect(response.headers["www-authenticate"]).toMatch(/^Bearer/);
      }
    },
  );

  it("GET /admin/stats: answered and unanswered per channel and day, top FAQ ids, feedback", async () => {
    const response = await app.inject({ url: "/admin/stats?days=7", headers: auth });
    expect(response.statusCode).toBe(200);
    expect(response.headers["cache-control"]).toBe("no-store");
    const stats = response.json();
    expect(stats.window.days).toBe(7);
    expect(stats.byDay).toHaveLength(7);
    expect(stats.totals).toEqual({ answered: 3, unanswered: 2 });
    expect(stats.byChannel).toEqual({
      "telegram-private": { answered: 1, unanswered: 0 },
      "telegram-group": { answered: 0, unanswered: 0 },
      inline: { answered: 0, unanswered: 0 },
      http: { answered: 2, unanswered: 2 },
    });
    expect(stats.topFaqIds[0]).toEqual({ faqId: "e2e-messages", count: 2 });
    expect(stats.feedback).toEqual([{ faqId: "e2e-messages", up: 1, down: 2 }]);
    // The default window is 30 days.
    const defaults = (await app.inject({ url: "/admin/stats", headers: auth })).json();
    expect(defaults.window.days).toBe(30);
  });

  it("GET /admin/unanswered: the normalised questions, most frequent first, never the raw text", async () => {
    const response = await app.inject({ url: "/admin/unanswered?limit=5", headers: auth });
    expect(response.statusCode).toBe(200);
    const { items } = response.json();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ count: 2, confidence: expect.any(Number) });
    expect(Object.keys(items[0]).sort()).toEqual(
      ["bestCandidate", "confidence", "count", "firstSeen", "lastSeen", "question"].sort(),
    );
    expect(items[0].question).not.toMatch(/[A-Z?]/);
    expect(Date.parse(items[0].lastSeen)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("GET /admin/feedback: votes per FAQ id", async () => {
    const response = await app.inject({ url: "/admin/feedback", headers: auth });
    expect(response.json()).toEqual({ items: [{ faqId: "e2e-messages", up: 1, down: 2 }] });
  });

  it.each([
    ["/admin/unanswered?limit=0", "querystring limit must be a whole number from 1 to 1000"],
    ["/admin/unanswered?limit=abc", "querystring limit must be a whole number from 1 to 1000"],
    ["/admin/unanswered?limit=1001", "querystring limit must be a whole number from 1 to 1000"],
    ["/admin/stats?days=367", "querystring days must be a whole number from 1 to 366"],
    ["/admin/stats?what=1", 'querystring has an unknown property "what"'],
  ])("rejects %s with a clear 400", async (url, message) => {
    const response = await app.inject({ url, headers: auth });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: "bad_request", message });
  });

  it("answers 503 when the store fails, without leaking the error", async () => {
    const failing = new Proxy({} as InsightsStore, {
      get: () => () => Promise.reject(new Error("ECONNREFUSED secret-host:6379")),
    });
    const broken = await buildApp({ answers, admin: { token: TOKEN, store: failing } });
    const response = await broken.inject({ url: "/admin/feedback", headers: auth });
    expect(response.statusCode).toBe(503);
    expect(response.body).not.toContain("secret-host");
    await broken.close();
  });

  it("lists the admin routes in the OpenAPI document, with bearer security and their schemas", async () => {
    const document = (await app.inject("/openapi.json")).json();
    expect(document.components.securitySchemes.adminToken).toMatchObject({
      type: "http",
      scheme: "bearer",
    });
    for (const path of ["/admin/stats", "/admin/unanswered", "/admin/feedback"]) {
      expect(document.paths[path].get.security).toEqual([{ adminToken: [] }]);
      expect(document.paths[path].get.responses["200"]).toBeDefined();
    }
    expect(
      document.paths["/admin/unanswered"].get.parameters.map((p: { name: string }) => p.name),
    ).toEqual(["limit"]);
  });

  it("does not exist without ADMIN_TOKEN: every admin path is a plain 404", async () => {
    const open = await buildApp({ answers, admin: { token: undefined, store } });
    for (const url of ["/admin/stats", "/admin/unanswered", "/admin/feedback"]) {
      const response = await open.inject({ url, headers: auth });
      expect(response.statusCode).toBe(404);
      expect(response.json().error).toBe("not_found");
    }
    const document = (await open.inject("/openapi.json")).json();
    expect(Object.keys(document.paths).some((path) => path.startsWith("/admin"))).toBe(false);
    await open.close();
  });
});
