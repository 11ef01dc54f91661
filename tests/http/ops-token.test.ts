import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { Metrics } from "../../src/ops/metrics.js";
import { realService } from "../support/knowledge-base.js";

const TOKEN = "metrics-token-0123456789abcdef";
const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}`;

async function app(opsToken?: string): Promise<FastifyInstance> {
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 10 }));
  return buildApp({ answers, metrics: new Metrics(), opsToken });
}

describe("METRICS_TOKEN protects /metrics and /docs", () => {
  let open: FastifyInstance;
  let guarded: FastifyInstance;
  beforeAll(async () => {
    [open, guarded] = await Promise.all([app(), app(TOKEN)]);
  });
  afterAll(() => Promise.all([open.close(), guarded.close()]));

  it("leaves them open without a token, and the page links the docs", async () => {
    expect((await open.inject("/metrics")).statusCode).toBe(200);
    expect((await open.inject("/docs")).statusCode).toBe(200);
    expect((await open.inject("/")).body).toContain('href="/docs"');
  });

  it("asks for the token (a browser gets a login prompt), and takes it as bearer or Basic password", async () => {
    for (const url of ["/metrics", "/docs", "/docs/static/swagger-ui.css", "/docs/json"]) {
      const refused = await guarded.inject(url);
      expect(refused.statusCode, url).toBe(401);
      expect(refused.headers["www-authenticate"]).toMatch(/^Basic realm=/);
      expect(refused.json()).toMatchObject({ error: "unauthorized" });
    }
    const bearer = await guarded.inject({
      url: "/metrics",
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect(bearer.statusCode).toBe(200);
    expect(bearer.body).toContain("faq_index_entries");
    const browser = await guarded.inject({
      url: "/docs",
      headers: { authorization: basic("anyone", TOKEN) },
    });
    expect(browser.statusCode).toBe(200);
    for (const authorization of [`Bearer ${TOKEN}x`, basic(TOKEN, "x"), "Basic !!", "Token x"])
      expect(
        (await guarded.inject({ url: "/metrics", headers: { authorization } })).statusCode,
        authorization,
      ).toBe(401);
  });

  it("keeps the API, its OpenAPI document and the page public, and the page stops linking the docs", async () => {
    for (const url of ["/openapi.json", "/ask?q=backup", "/healthz", "/"])
      expect((await guarded.inject(url)).statusCode, url).toBe(200);
    expect((await guarded.inject("/")).body).not.toContain('href="/docs"');
  });
});
