import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { QuestionLimiter } from "../../src/store/rate-limit.js";
import { realService } from "../support/knowledge-base.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");
let answers: AnswerServiceHolder;

beforeAll(async () => {
  answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 0 }));
});

const build = (trustProxy?: number) =>
  buildApp({
    answers,
    questionRateLimit: new QuestionLimiter({ secret: SECRET, limit: 3 }),
    // Counting is what these tests are about; the delayed 429 has its own test below.
    rateLimitDelayMs: 0,
    trustProxy,
  });

describe("per-client question limit on /ask and the page", () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await build();
  });
  afterAll(() => app.close());

  it("shares one budget between GET /ask, POST /ask and the page's questions; 429 with Retry-After", async () => {
    const from = { remoteAddress: "198.51.100.1" };
    const statuses = [
      (await app.inject({ url: "/ask?q=backup", ...from })).statusCode,
      (await app.inject({ method: "POST", url: "/ask", payload: { question: "ads" }, ...from }))
        .statusCode,
      (await app.inject({ url: "/?q=location", ...from })).statusCode,
    ];
    expect(statuses).toEqual([200, 200, 200]);
    // Opening the page, the FAQ list and health checks cost nothing.
    for (const url of ["/", "/faq", "/healthz", "/?q="])
      expect((await app.inject({ url, ...from })).statusCode, url).toBe(200);

    for (const request of [
      { url: "/ask?q=backup" },
      { method: "POST" as const, url: "/ask", payload: { question: "ads" } },
    ]) {
      const response = await app.inject({ ...request, ...from });
      expect(response.statusCode).toBe(429);
      expect(Number(response.headers["retry-after"])).toBeGreaterThan(0);
      expect(response.json()).toMatchObject({ error: "too_many_requests" });
    }
    // The page says it in words, with the question still in the box (see tests/web too).
    const page = await app.inject({ url: "/?q=location", ...from });
    expect(page.statusCode).toBe(429);
    expect(Number(page.headers["retry-after"])).toBeGreaterThan(0);
    expect(page.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(page.body).toContain("Too many questions at once");
    expect(page.body).toMatch(/try again in \d+ s/);
    expect(page.body).toContain('name="q" type="search" value="location"');
    expect(
      (await app.inject({ url: "/ask?q=backup", remoteAddress: "198.51.100.2" })).statusCode,
    ).toBe(200);
  });

  it("counts /suggest in the same budget, five suggestions for one question", async () => {
    const from = { remoteAddress: "198.51.100.30" };
    // A budget of 3 questions is 15 suggestions; one question leaves 10.
    expect((await app.inject({ url: "/ask?q=backup", ...from })).statusCode).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++)
      statuses.push((await app.inject({ url: "/suggest?q=enc", ...from })).statusCode);
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(statuses[10]).toBe(429);
    // The suggestions used up the questions too.
    expect((await app.inject({ url: "/ask?q=backup", ...from })).statusCode).toBe(429);
    expect(
      (await app.inject({ url: "/suggest?q=enc", remoteAddress: "198.51.100.31" })).statusCode,
    ).toBe(200);
  });

  it("ignores X-Forwarded-For unless a proxy is trusted", async () => {
    const spoofing = { remoteAddress: "198.51.100.9" };
    for (let i = 0; i < 3; i++)
      await app.inject({
        url: "/ask?q=x",
        headers: { "x-forwarded-for": `203.0.113.${i}` },
        ...spoofing,
      });
    const response = await app.inject({
      url: "/ask?q=x",
      headers: { "x-forwarded-for": "203.0.113.99" },
      ...spoofing,
    });
    expect(response.statusCode).toBe(429);
  });
});

describe("behind a trusted proxy (TRUST_PROXY=1)", () => {
  it("limits each client by the address the proxy reports", async () => {
    const app = await build(1);
    const viaProxy = (client: string) =>
      app.inject({
        url: "/ask?q=x",
        remoteAddress: "10.0.0.2",
        headers: { "x-forwarded-for": client },
      });
    for (let i = 0; i < 3; i++) expect((await viaProxy("203.0.113.1")).statusCode).toBe(200);
    expect((await viaProxy("203.0.113.1")).statusCode).toBe(429);
    expect((await viaProxy("203.0.113.2")).statusCode).toBe(200);
    await app.close();
  });
});

describe("a client over its budget", () => {
  it("gets its 429 after the delay (one request per connection per delay), others at once", async () => {
    const app = await buildApp({
      answers,
      questionRateLimit: new QuestionLimiter({ secret: SECRET, limit: 1 }),
      rateLimitDelayMs: 150,
    });
    const from = { remoteAddress: "198.51.100.40" };
    expect((await app.inject({ url: "/ask?q=backup", ...from })).statusCode).toBe(200);
    const started = performance.now();
    const refused = await app.inject({ url: "/ask?q=backup", ...from });
    expect(refused.statusCode).toBe(429);
    expect(performance.now() - started).toBeGreaterThanOrEqual(145);
    expect(
      (await app.inject({ url: "/ask?q=backup", remoteAddress: "198.51.100.41" })).statusCode,
    ).toBe(200);
    await app.close();
  });
});

describe("the page's script ask and the page load after it", () => {
  it("cost one question and count once; a second load is a question again", async () => {
    let counted = 0;
    const app = await buildApp({
      answers,
      questionRateLimit: new QuestionLimiter({ secret: SECRET, limit: 1 }),
      rateLimitDelayMs: 0,
      onAnswer: () => counted++,
    });
    try {
      const from = { remoteAddress: "198.51.100.7" };
      const question = encodeURIComponent("¿WhatsApp puede leer mis mensajes?");
      // The script asks for a fragment, sees a Spanish reply on the English page, loads the page.
      const fragment = await app.inject({ url: `/?q=${question}&fragment=1`, ...from });
      expect(fragment.statusCode).toBe(200);
      expect(fragment.headers["content-language"]).toBe("es");
      const load = await app.inject({ url: `/?q=${question}`, ...from });
      expect(load.statusCode).toBe(200);
      expect(counted).toBe(1);
      // Only that one load: asking again is a new question, over this client's budget of one.
      expect((await app.inject({ url: `/?q=${question}`, ...from })).statusCode).toBe(429);
      // Another client's page load is its own question.
      const other = await app.inject({ url: `/?q=${question}`, remoteAddress: "198.51.100.8" });
      expect(other.statusCode).toBe(200);
      expect(counted).toBe(2);
    } finally {
      await app.close();
    }
  });
});
