import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { AnswerService } from "../../src/answering/service.js";
import { realKnowledgeBase, realService } from "../support/knowledge-base.js";

let app: FastifyInstance;
beforeAll(async () => {
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 100 }));
  app = await buildApp({ answers });
});
afterAll(() => app.close());

const ask = (q: string) => app.inject({ method: "GET", url: "/ask", query: { q } });

describe("GET /ask and POST /ask", () => {
  it("answers a slangy question with the right entry and up to three related", async () => {
    const response = await ask("can fb read my msgs??");
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.query).toBe("can fb read my msgs??");
    expect(body.answer).toMatchObject({ id: "e2e-messages", category: "encryption" });
    expect(body.answer.answer.length).toBeGreaterThan(100);
    expect(body.answer.sources.length).toBeGreaterThan(0);
    expect(body.answer.confidence).toBeGreaterThanOrEqual(0.5);
    expect(body.answer.confidence).toBeLessThanOrEqual(1);
    expect(typeof body.answer.score).toBe("number");
    expect(body.answer.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(body.answer.url).toBe("http://localhost:80/?id=e2e-messages");
    expect(body).toMatchObject({ language: "en", outcome: "answered" });
    expect(body.related.length).toBeLessThanOrEqual(3);
    for (const related of body.related)
      expect(Object.keys(related).sort()).toEqual([
        "confidence",
        "id",
        "language",
        "question",
        "url",
      ]);
  });

  it("answers null for an off-topic question, and says why in words", async () => {
    const body = (await ask("how do I bake bread")).json();
    expect(body.answer).toBeNull();
    expect(body.outcome).not.toBe("answered");
    expect(body.message).toMatch(/privacy and security|don't have an answer/);
    expect(Array.isArray(body.related)).toBe(true);
  });

  it("declines a WhatsApp question that is not about privacy, politely", async () => {
    const body = (await ask("how do i change my whatsapp wallpaper")).json();
    expect(body).toMatchObject({ outcome: "out-of-scope", answer: null, related: [] });
    expect(body.message).toMatch(/only answer questions about privacy and security/);
  });

  it("declines a question about another app, in the asker's language", async () => {
    const body = (await ask("snapchat account hacked how to recover")).json();
    expect(body).toMatchObject({ outcome: "out-of-scope", answer: null, related: [] });
    const spanish = (await ask("me hackearon la cuenta de tiktok, como la recupero")).json();
    expect(spanish).toMatchObject({ outcome: "out-of-scope", language: "es", answer: null });
  });

  it("sends a question asked again the same reply, headers and all (HEAD too)", async () => {
    const question = "does whatsapp share my location with facebook";
    const replies = [];
    for (let i = 0; i < 4; i++) replies.push(await ask(question));
    for (const reply of replies) {
      expect(reply.statusCode).toBe(200);
      expect(reply.headers["content-type"]).toBe("application/json; charset=utf-8");
      expect(reply.headers["x-content-type-options"]).toBe("nosniff");
      expect(reply.headers["content-length"]).toBe(String(reply.rawPayload.length));
      expect(reply.body).toBe(replies[0]!.body);
    }
    expect(replies[0]!.json().answer.id).toBe("location-sharing");
    const head = await app.inject({ method: "HEAD", url: "/ask", query: { q: question } });
    expect(head.statusCode).toBe(200);
    expect(head.headers["content-length"]).toBe(replies[0]!.headers["content-length"]);
    expect(head.rawPayload.length).toBe(0);
  });

  it("answers questions that arrive together each with its own reply, as if asked alone", async () => {
    const questions = [
      "can fb read my msgs??",
      "how do I bake bread",
      "does whatsapp share my location with facebook",
      "is my icloud backup encrypted",
      "what changed in the 2021 privacy policy",
      "can businesses see my chats",
    ];
    const alone = [];
    for (const question of questions) alone.push((await ask(question)).json());
    // Twice: the first burst is gathered behind its first question, the second from its start.
    for (let burst = 0; burst < 2; burst++) {
      const together = await Promise.all([
        ...questions.map(ask),
        ...questions.map((question) =>
          app.inject({ method: "POST", url: "/ask", payload: { question } }),
        ),
      ]);
      expect(together.map((reply) => reply.statusCode)).toEqual(together.map(() => 200));
      expect(together.map((reply) => reply.json())).toEqual([...alone, ...alone]);
    }
  });

  it("POST gives the same answer as GET", async () => {
    const post = await app.inject({
      method: "POST",
      url: "/ask",
      payload: { question: "is my icloud backup encrypted" },
    });
    expect(post.statusCode).toBe(200);
    expect(post.json()).toEqual((await ask("is my icloud backup encrypted")).json());
  });

  it.each([
    ["a missing q", { method: "GET", url: "/ask" }, 400, /querystring q is required/],
    ["an empty q", { method: "GET", url: "/ask?q=" }, 400, /must not be empty/],
    ["a blank q", { method: "GET", url: "/ask?q=%20%20%09" }, 400, /must not be blank/],
    [
      "a question over 500 characters",
      { method: "GET", url: `/ask?q=${"a".repeat(501)}` },
      400,
      /at most 500 characters/,
    ],
    [
      "a missing body field",
      { method: "POST", url: "/ask", payload: {} },
      400,
      /body question is required/,
    ],
    [
      "a number instead of text",
      { method: "POST", url: "/ask", payload: { question: 42 } },
      400,
      /question must be string/,
    ],
    [
      "an array instead of text",
      { method: "POST", url: "/ask", payload: { question: ["a"] } },
      400,
      /question must be string/,
    ],
    [
      "a body that is not an object",
      {
        method: "POST",
        url: "/ask",
        payload: "[1,2]",
        headers: { "content-type": "application/json" },
      },
      400,
      /body must be object/,
    ],
    [
      "an unknown field",
      { method: "POST", url: "/ask", payload: { question: "hi", extra: 1 } },
      400,
      /unknown property "extra"/,
    ],
    [
      "invalid JSON",
      {
        method: "POST",
        url: "/ask",
        payload: "{bad",
        headers: { "content-type": "application/json" },
      },
      400,
      /not valid JSON/,
    ],
    [
      "an empty JSON body",
      { method: "POST", url: "/ask", payload: "", headers: { "content-type": "application/json" } },
      400,
      /empty/,
    ],
    [
      "text/plain",
      { method: "POST", url: "/ask", payload: "hello", headers: { "content-type": "text/plain" } },
      415,
      /application\/json/,
    ],
    [
      "a body over the limit",
      { method: "POST", url: "/ask", payload: { question: "x".repeat(5000) } },
      413,
      /too large/,
    ],
  ] as const)("rejects %s with a clear 4xx", async (_label, request, status, message) => {
    const response = await app.inject(request as never);
    expect(response.statusCode).toBe(status);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(["error", "message"]);
    expect(body.message).toMatch(message);
    expect(response.body).not.toMatch(/\/work|node_modules|at .*\(|\.ts:\d+/);
  });
});

describe("GET /faq", () => {
  it("lists every entry with id, question, short title, category and language only", async () => {
    const body = (await app.inject("/faq")).json();
    expect(body.language).toBe("en");
    expect(body.entries.length).toBeGreaterThanOrEqual(60);
    expect(Object.keys(body.entries[0]).sort()).toEqual([
      "category",
      "id",
      "language",
      "question",
      "short",
    ]);
  });

  it("filters by category, lists the categories, and says which category is unknown", async () => {
    const categories = (await app.inject("/faq/categories")).json().categories;
    expect(categories.map((c: { id: string }) => c.id)).toContain("account-security");
    const security = categories.find((c: { id: string }) => c.id === "account-security");
    const listed = (await app.inject("/faq?category=account-security")).json().entries;
    expect(listed).toHaveLength(security.entries);
    expect(listed.every((e: { category: string }) => e.category === "account-security")).toBe(true);
    const unknown = await app.inject("/faq?category=nope");
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().message).toMatch(/Unknown category "nope"/);
  });

  it("returns one entry in full", async () => {
    const response = await app.inject("/faq/backups");
    expect(response.statusCode).toBe(200);
    expect(Object.keys(response.json()).sort()).toEqual(
      [
        "alternates",
        "answer",
        "category",
        "id",
        "language",
        "question",
        "related",
        "reviewed",
        "short",
        "sources",
        "tags",
      ].sort(),
    );
  });

  it("404s an unknown id and an unknown route", async () => {
    expect((await app.inject("/faq/nope")).statusCode).toBe(404);
    const response = await app.inject("/nowhere");
    expect(response.statusCode).toBe(404);
    expect(response.json().error).toBe("not_found");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
  });
});

describe("unknown query parameters and wrong methods", () => {
  it("answers an unknown query parameter with the same 400 as an unknown body field", async () => {
    for (const url of [
      "/ask?q=backup&question=backup",
      "/faq?cursor=2",
      "/faq/backups?full=1",
      "/suggest?q=ba&limit=3",
      "/healthz?verbose=1",
      "/openapi.json?v=3",
    ]) {
      const response = await app.inject(url);
      expect(response.statusCode, url).toBe(400);
      const name = [...new URL(url, "http://x").searchParams.keys()].at(-1);
      expect(response.json(), url).toEqual({
        error: "bad_request",
        message: `querystring has an unknown property "${name}"`,
      });
    }
    const post = await app.inject({
      method: "POST",
      url: "/ask?lang=en",
      payload: { question: "backup" },
    });
    expect(post.statusCode).toBe(400);
    const head = await app.inject({ method: "HEAD", url: "/ask?q=backup&x=1" });
    expect(head.statusCode).toBe(400);
  });

  it("answers a known path with another method with 405 and Allow", async () => {
    for (const [method, url, allow] of [
      ["DELETE", "/ask", "GET, HEAD, POST"],
      ["PUT", "/faq/backups", "GET, HEAD"],
      ["POST", "/healthz", "GET, HEAD"],
      ["POST", "/", "GET, HEAD"],
    ] as const) {
      const response = await app.inject({ method, url });
      expect(response.statusCode, `${method} ${url}`).toBe(405);
      expect(response.headers.allow).toBe(allow);
      expect(response.json()).toEqual({
        error: "method_not_allowed",
        message: `${url} does not take ${method}; it takes ${allow}`,
      });
    }
    expect((await app.inject({ method: "DELETE", url: "/no-such-path" })).statusCode).toBe(404);
  });
});

describe("health", () => {
  it("is alive and ready with the knowledge base version", async () => {
    expect((await app.inject("/healthz")).json()).toEqual({ status: "ok" });
    const ready = (await app.inject("/readyz")).json();
    expect(ready).toMatchObject({
      status: "ready",
      entries: expect.any(Number),
      version: expect.any(String),
      warm: expect.any(Boolean),
    });
  });

  it("is not ready (503) until an index is built, and /ask says so", async () => {
    const empty = await buildApp({ answers: new AnswerServiceHolder() });
    expect((await empty.inject("/readyz")).statusCode).toBe(503);
    const response = await empty.inject("/ask?q=hello");
    expect(response.statusCode).toBe(503);
    expect(response.json().error).toBe("service_unavailable");
    // Questions that arrive together (gathered behind the first) each get the error too.
    const together = await Promise.all(
      ["hello", "hi", "hey"].map((q) => empty.inject({ url: "/ask", query: { q } })),
    );
    for (const reply of together)
      expect(reply.json()).toMatchObject({ error: "service_unavailable" });
    await empty.close();
  });
});

describe("API documentation", () => {
  it("serves an OpenAPI 3 document listing the routes", async () => {
    const doc = (await app.inject("/openapi.json")).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(["/ask", "/faq", "/faq/{id}", "/healthz", "/readyz"]),
    );
  });

  it("serves Swagger UI under /docs, set up on the first visit", async () => {
    const page = await app.inject("/docs");
    expect(page.statusCode).toBe(200);
    expect(page.headers["content-type"]).toMatch(/text\/html/);
    expect(page.headers["x-content-type-options"]).toBe("nosniff"); // the app's own hooks apply
    const css = await app.inject("/docs/static/swagger-ui.css");
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toMatch(/text\/css/);
    const head = await app.inject({ method: "HEAD", url: "/docs/static/swagger-ui.css" });
    expect(head.headers["content-length"]).toBe(String(css.rawPayload.length));
    expect(head.rawPayload.length).toBe(0);
    expect((await app.inject("/docs/json")).json()).toEqual(
      (await app.inject("/openapi.json")).json(),
    );
    const missing = await app.inject("/docs/static/no-such-file.js");
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error).toBe("not_found"); // the app's own 404
  });
});

describe("AnswerBodies", () => {
  const origin = "http://faq.test";

  it("writes exactly what the AskResponse schema describes, for any question text", async () => {
    const { AnswerBodies } = await import("../../src/http/routes/ask.js");
    const bodies = new AnswerBodies(2);
    const service = await realService();
    for (const query of [
      'can "fb" read my msgs\u2028?',
      "how do I bake bread",
      "how do i change my whatsapp wallpaper",
      "backup </script>",
    ]) {
      const reply = service.ask(query);
      const body = JSON.parse(bodies.serialize(query, reply, origin, service));
      expect(body).toEqual({
        query,
        language: "en",
        outcome: reply.outcome,
        ...(reply.answer === null ? { message: expect.any(String) } : {}),
        answer: reply.answer && {
          id: reply.answer.entry.id,
          question: reply.answer.entry.question,
          language: "en",
          url: `${origin}/?id=${reply.answer.entry.id}`,
          answer: reply.answer.entry.answer,
          category: reply.answer.entry.category,
          confidence: reply.answer.confidence,
          score: reply.answer.score,
          sources: reply.answer.entry.sources,
          reviewed: reply.answer.entry.reviewed,
        },
        related: reply.related.map((m) => ({
          id: m.entry.id,
          question: m.entry.question,
          language: "en",
          url: `${origin}/?id=${m.entry.id}`,
          confidence: m.confidence,
        })),
      });
    }
  });

  it("keeps a question's whole reply from its second sight, for the service that answered it", async () => {
    const { AnswerBodies } = await import("../../src/http/routes/ask.js");
    const bodies = new AnswerBodies(10);
    const service = await realService({ cacheSize: 100 });
    const query = "Can Facebook read my messages?";
    const question = { query, hints: {}, origin };
    const [first, second, third] = [1, 2, 3].map(() => bodies.reply(service, question));
    // Written the first two times (the doorkeeper admits on the second), then kept encoded.
    expect(typeof first!.body).toBe("string");
    expect(typeof second!.body).toBe("string");
    expect(Buffer.isBuffer(third!.body)).toBe(true);
    // Its own memory, not a slice of Buffer's shared pool that it would keep alive whole.
    expect((third!.body as Buffer).buffer.byteLength).toBe(third!.body.length);
    expect(third!.body.toString()).toBe(first!.body);
    expect(JSON.parse(third!.body.toString()).query).toBe(query);
    // Another spelling, or another language asked for, is another question.
    expect(
      JSON.parse(
        String(bodies.reply(service, { ...question, query: "can facebook read my messages" }).body),
      ).query,
    ).toBe("can facebook read my messages");
    expect(bodies.reply(service, { ...question, hints: { explicit: "de" } }).body).not.toBe(
      third!.body,
    );

    // After a reload the kept reply belongs to the old service: the question is answered afresh.
    const knowledgeBase = await realKnowledgeBase();
    const answered = first!.reply.answer!.entry.id;
    const edited = AnswerService.build({
      ...knowledgeBase,
      entries: knowledgeBase.entries.map((entry) =>
        entry.id === answered ? { ...entry, answer: `${entry.answer} (edited)` } : { ...entry },
      ),
    });
    const reloaded = bodies.reply(edited, question);
    expect(reloaded.reply.answer?.entry.answer).toMatch(/\(edited\)$/);
    expect(JSON.parse(String(reloaded.body)).answer.answer).toMatch(/\(edited\)$/);
    expect(JSON.parse(String(bodies.reply(edited, question).body)).answer.answer).toMatch(
      /\(edited\)$/,
    );
  });
});
