import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/http/app.js";
import { AnswerServiceHolder } from "../../../src/answering/holder.js";
import { MemoryInsightsStore } from "../../../src/store/memory.js";
import { QuestionLimiter } from "../../../src/store/rate-limit.js";
import { realService } from "../../support/knowledge-base.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");
const FORM = { "content-type": "application/x-www-form-urlencoded" };
const BROWSER = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };

let answers: AnswerServiceHolder;
let store: MemoryInsightsStore;
let app: FastifyInstance;

beforeAll(async () => {
  answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 10 }));
  store = new MemoryInsightsStore();
  app = await buildApp({ answers, pageFeedback: { insights: store, secret: SECRET } });
});
afterAll(() => app.close());

const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
  app.inject({ method: "POST", url, payload, headers: { ...FORM, ...headers } });

describe("the page never answers a browser with JSON", () => {
  it("explains an unknown address on the page (404), and still gives API clients JSON", async () => {
    const browser = await app.inject({ url: "/no/such/page", headers: BROWSER });
    expect(browser.statusCode).toBe(404);
    expect(browser.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(browser.body).toContain("Page not found");
    expect(browser.body).toContain('<input id="q"');
    const api = await app.inject({ url: "/no/such/page" });
    expect(api.statusCode).toBe(404);
    expect(api.json()).toMatchObject({ error: "not_found" });
  });

  it("explains an unknown entry (404) and a link it cannot read (400)", async () => {
    const unknown = await app.inject("/?id=no-such-entry");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("There is no entry called “no-such-entry”");
    const twice = await app.inject("/?id=backups&id=ads");
    expect(twice.statusCode).toBe(400);
    expect(twice.body).toContain("That link is not quite right");
  });

  it("ignores parameters shared links pick up (fbclid, utm_*)", async () => {
    const response = await app.inject("/?id=backups&fbclid=IwAR0abc&utm_source=telegram");
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('data-entry="backups"');
  });

  it("explains a busy service (503) without needing the index", async () => {
    const empty = await buildApp({ answers: new AnswerServiceHolder() });
    const response = await empty.inject("/?q=backup");
    expect(response.statusCode).toBe(503);
    expect(response.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(response.body).toContain("Busy for a moment");
    await empty.close();
  });
});

describe("👍 / 👎 from the page", () => {
  it("records a vote and redirects back to the answer (post/redirect/get)", async () => {
    const response = await post("/vote", "id=backups&vote=up");
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/?id=backups&voted=recorded");
    const landing = await app.inject(response.headers.location!);
    expect(landing.body).toContain("Thanks for your feedback.");
  });

  it("counts one vote per client and answer: again is unchanged, the other one changes it", async () => {
    const from = { remoteAddress: "203.0.113.7" };
    const vote = (vote: string) =>
      app.inject({
        method: "POST",
        url: "/vote?fragment=1",
        payload: `id=ads&vote=${vote}`,
        headers: FORM,
        ...from,
      });
    expect((await vote("up")).body).toContain("Thanks for your feedback.");
    expect((await vote("up")).body).toContain("Already noted.");
    expect((await vote("down")).body).toContain("Feedback changed.");
    // Another address is another person.
    await app.inject({
      method: "POST",
      url: "/vote",
      payload: "id=ads&vote=up",
      headers: FORM,
      remoteAddress: "203.0.113.8",
    });
    expect((await store.feedback()).find((item) => item.faqId === "ads")).toEqual({
      faqId: "ads",
      up: 1,
      down: 1,
    });
  });

  it("refuses votes for an unknown entry, malformed forms and other sites' pages", async () => {
    const unknown = await post("/vote", "id=nope&vote=up");
    expect(unknown.statusCode).toBe(404);
    expect(unknown.body).toContain("There is no entry called “nope”");
    for (const payload of ["id=backups", "id=backups&vote=maybe", "id=backups&vote=up&vote=down"]) {
      const response = await post("/vote?fragment=1", payload);
      expect(response.statusCode, payload).toBe(400);
      expect(response.body).toContain('class="form-status problem"');
    }
    const crossSite = await post("/vote", "id=backups&vote=up", { "sec-fetch-site": "cross-site" });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.body).toContain("Not sent from this FAQ");
  });
});

describe("suggesting a question from the page", () => {
  it("keeps the suggestion like an unanswered question, marked, without identity", async () => {
    const response = await post(
      "/question-suggestions",
      "question=Can+my+employer+read+my+WhatsApp+on+a+work+phone%3F",
    );
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe("/?suggested=1");
    expect((await app.inject("/?suggested=1")).body).toContain("Thank you");
    await expect
      .poll(async () => (await store.unanswered(10)).map((item) => item.question))
      .toContain("suggested: can my employer read my whatsapp on a work phone");
  });

  it("refuses a blank or too long suggestion in words", async () => {
    expect((await post("/question-suggestions", "question=+++")).statusCode).toBe(400);
    const long = await post("/question-suggestions?fragment=1", `question=${"a".repeat(501)}`);
    expect(long.statusCode).toBe(400);
    expect(long.body).toContain("That question is too long");
  });

  it("has no vote or suggestion routes (nor their forms) without somewhere to keep them", async () => {
    const bare = await buildApp({ answers });
    expect(
      (await bare.inject({ method: "POST", url: "/vote", payload: "", headers: FORM })).statusCode,
    ).toBe(404);
    const page = await bare.inject("/?q=how%20do%20I%20bake%20bread");
    expect(page.body).not.toContain('action="/question-suggestions"');
    await bare.close();
  });
});

describe("votes and suggestions share the question budget", () => {
  it("answers a post over the budget with 429, in words", async () => {
    const limited = await buildApp({
      answers,
      pageFeedback: { insights: new MemoryInsightsStore(), secret: SECRET },
      questionRateLimit: new QuestionLimiter({ secret: SECRET, limit: 2 }),
    });
    const send = () =>
      limited.inject({
        method: "POST",
        url: "/vote?fragment=1",
        payload: "id=backups&vote=up",
        headers: FORM,
      });
    await send();
    await limited.inject("/?q=backup");
    const third = await send();
    expect(third.statusCode).toBe(429);
    expect(Number(third.headers["retry-after"])).toBeGreaterThan(0);
    expect(third.body).toContain("Too many questions at once");
    await limited.close();
  });
});
