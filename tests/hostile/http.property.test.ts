import fc from "fast-check";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { realService } from "../support/knowledge-base.js";
import { hostileString } from "../support/hostile.js";

let app: FastifyInstance;
beforeAll(async () => {
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 50 }));
  app = await buildApp({ answers });
});
afterAll(() => app.close());

/** What a browser would send: lone surrogates become U+FFFD before percent-encoding. */
const encode = (text: string) =>
  encodeURIComponent((text as string & { toWellFormed(): string }).toWellFormed());

const isValidAskBody = (body: { query: unknown; answer: unknown; related: unknown }) =>
  typeof body.query === "string" &&
  (body.answer === null || typeof body.answer === "object") &&
  Array.isArray(body.related);

describe("/ask on hostile input", () => {
  it("GET answers 200 with a valid body or a clear 4xx, never a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (q) => {
        const response = await app.inject({ method: "GET", url: `/ask?q=${encode(q)}` });
        expect(response.statusCode).toBeLessThan(500);
        const body = response.json();
        if (response.statusCode === 200) expect(isValidAskBody(body)).toBe(true);
        else expect(Object.keys(body).sort()).toEqual(["error", "message"]);
      }),
      { numRuns: 300 },
    );
  });

  it("POST accepts any JSON value without a 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.jsonValue(),
          fc.record({ question: fc.jsonValue() }),
          fc.record({ question: hostileString }),
        ),
        async (payload) => {
          const response = await app.inject({
            method: "POST",
            url: "/ask",
            headers: { "content-type": "application/json" },
            payload: JSON.stringify(payload) ?? "null",
          });
          expect(response.statusCode).toBeLessThan(500);
          if (response.statusCode === 200) expect(isValidAskBody(response.json())).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("POST survives raw garbage bodies and odd content types", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "binary", maxLength: 300 }),
        fc.constantFrom(
          "application/json",
          "application/json; charset=utf-16",
          "text/plain",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "application/octet-stream",
          "",
        ),
        async (payload, type) => {
          const response = await app.inject({
            method: "POST",
            url: "/ask",
            headers: type ? { "content-type": type } : {},
            payload,
          });
          expect(response.statusCode).toBeLessThan(500);
          expect(response.body).not.toMatch(/node_modules|\.ts:\d+|\n\s+at /);
        },
      ),
      { numRuns: 200 },
    );
  });

  it.each([
    "/ask?q=%E0%A4%A",
    "/ask?q=%",
    "/ask?q=%00",
    "/ask?q[]=a&q[]=b",
    "/ask?q=a&q=b",
    "/faq/%ZZ",
    "/?q=%FF%FE",
    "/suggest?q=%C0%80",
  ])("malformed URL %s gets a 4xx or a valid answer", async (url) => {
    const response = await app.inject({ method: "GET", url });
    expect(response.statusCode).toBeLessThan(500);
  });

  it("the page, suggestions and FAQ lookups never 5xx", async () => {
    await fc.assert(
      fc.asyncProperty(hostileString, async (text) => {
        const q = encode(text);
        for (const url of [
          `/?q=${q}`,
          `/?id=${q}`,
          `/?q=${q}&fragment=1`,
          `/suggest?q=${q}`,
          `/faq/${q}`,
        ]) {
          const response = await app.inject({ method: "GET", url });
          expect(response.statusCode, url).toBeLessThan(500);
        }
      }),
      { numRuns: 100 },
    );
  });
});
