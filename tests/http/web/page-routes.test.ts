import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../../src/http/app.js";
import { AnswerServiceHolder } from "../../../src/answering/holder.js";
import { MemoryInsightsStore } from "../../../src/store/memory.js";
import { QuestionLimiter } from "../../../src/store/rate-limit.js";
import { messagesFor } from "../../../src/i18n/messages.js";
import { escapeHtml } from "../../../src/render/telegram-html.js";
import { LANGUAGES } from "../../../src/text/languages.js";
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

describe("the page in the reader's language", () => {
  const html = (body: string) => ({
    lang: /<html lang="([^"]+)">/.exec(body)?.[1],
    title: /<title>([^<]*)<\/title>/.exec(body)?.[1],
  });
  const es = messagesFor("es");
  const de = messagesFor("de");
  const fr = messagesFor("fr");
  const en = messagesFor("en");

  it("speaks the language of ?lang=: html lang, Content-Language, every label, the topics", async () => {
    const response = await app.inject("/?lang=es");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-language"]).toBe("es");
    expect(response.headers.vary).toBe("Accept-Language, Cookie");
    expect(html(response.body)).toEqual({ lang: "es", title: es.page.siteName });
    for (const text of [
      es.page.questionLabel,
      es.page.askButton,
      es.page.topicsTitle,
      es.page.footer,
      es.page.languageSwitcher.label,
    ])
      expect(response.body).toContain(escapeHtml(text));
    expect(response.body).toContain('<meta property="og:locale" content="es_ES">');
    expect(response.body).toContain(escapeHtml(answers.serving.categories("es")[0]!.title));
    expect(response.body).toContain('href="/?id=backups&amp;lang=es"');
    // The script's texts, too.
    expect(response.body).toContain(JSON.stringify(es.page.script.copy));
    expect(response.body).not.toContain(en.page.askButton + "</button>");
  });

  it("offers every language in its own name, the current one chosen, keeping what is shown", async () => {
    const response = await app.inject("/?id=backups&lang=fr");
    const switcher = /<form class="language"[\s\S]*?<\/form>/.exec(response.body)?.[0] ?? "";
    for (const language of LANGUAGES)
      expect(switcher).toContain(`>${escapeHtml(messagesFor(language).languageName)}</option>`);
    expect(switcher).toContain('<option value="fr" lang="fr" selected>');
    expect(switcher).toContain('<input type="hidden" name="id" value="backups">');
    expect(switcher).toContain(`>${escapeHtml(fr.page.languageSwitcher.apply)}</button>`);
  });

  it("follows Accept-Language on a page without a question", async () => {
    const response = await app.inject({
      url: "/",
      headers: { "accept-language": "de-CH,de;q=0.9" },
    });
    expect(response.headers["content-language"]).toBe("de");
    expect(html(response.body)).toEqual({ lang: "de", title: de.page.siteName });
    expect(response.body).toContain(escapeHtml(de.page.intro));
    expect(response.headers["set-cookie"]).toBeUndefined(); // nothing chosen, nothing kept
    // Languages the page does not speak are skipped; none at all is English.
    const italian = await app.inject({ url: "/", headers: { "accept-language": "it, fr;q=0.5" } });
    expect(html(italian.body).lang).toBe("fr");
    expect(html((await app.inject("/")).body).lang).toBe("en");
  });

  it("answers a Spanish question in Spanish, the page around it too, without any hint", async () => {
    const response = await app.inject(
      `/?q=${encodeURIComponent("¿WhatsApp puede leer mis mensajes?")}`,
    );
    expect(response.headers["content-language"]).toBe("es");
    expect(html(response.body).lang).toBe("es");
    const spanish = answers.serving.entry("e2e-messages", "es")!;
    expect(spanish.language).toBe("es");
    expect(response.body).toContain('data-entry="e2e-messages"');
    expect(response.body).toContain(`<h2 tabindex="-1">${escapeHtml(spanish.entry.question)}</h2>`);
    expect(response.body).toContain(escapeHtml(es.page.answer.related));
    expect(response.body).toContain('value="http://localhost:80/?id=e2e-messages&amp;lang=es"');
    // The script's request gets the same answer, saying its language.
    const fragment = await app.inject(
      `/?q=${encodeURIComponent("¿WhatsApp puede leer mis mensajes?")}&fragment=1`,
    );
    expect(fragment.headers["content-language"]).toBe("es");
    expect(fragment.body).toContain(escapeHtml(spanish.entry.question));
  });

  it("pins an English question's reply to ?lang=, and Accept-Language decides a short one", async () => {
    const pinned = await app.inject(`/?q=${encodeURIComponent("can fb read my msgs")}&lang=es`);
    expect(html(pinned.body).lang).toBe("es");
    expect(pinned.body).toContain(
      escapeHtml(answers.serving.entry("e2e-messages", "es")!.entry.question),
    );
    const short = await app.inject({ url: "/?q=backup", headers: { "accept-language": "de" } });
    expect(html(short.body).lang).toBe("de");
    expect(short.body).toContain('data-entry="backups"');
  });

  it("opens an entry's link in its language: /?id=e2e-messages&lang=fr", async () => {
    const response = await app.inject("/?id=e2e-messages&lang=fr");
    expect(response.statusCode).toBe(200);
    expect(html(response.body)).toEqual({
      lang: "fr",
      title: `${escapeHtml(answers.serving.entry("e2e-messages", "fr")!.entry.question)}${fr.page.titleSeparator}${escapeHtml(fr.page.siteName)}`,
    });
    expect(response.body).toContain(escapeHtml(fr.page.vote.prompt));
    expect(response.body).toContain('<input type="hidden" name="lang" value="fr">');
    // Related questions link in French; the shared link is the French one.
    expect(response.body).toMatch(/<nav [^>]*>.*href="\/\?id=[a-z0-9-]+&amp;lang=fr"/s);
    expect(response.body).toContain('value="http://localhost:80/?id=e2e-messages&amp;lang=fr"');
    // The API's permalinks are these links.
    const api = await app.inject({ url: "/ask?q=can%20fb%20read%20my%20msgs&lang=fr" });
    const url = new URL((api.json() as { answer: { url: string } }).answer.url);
    const followed = await app.inject(url.pathname + url.search);
    expect(html(followed.body).lang).toBe("fr");
  });

  it("remembers the switcher's choice, where it differs from the reader's usual language, in a cookie", async () => {
    const chosen = await app.inject("/?id=backups&remember=1&lang=es");
    expect(chosen.statusCode).toBe(303);
    expect(chosen.headers.location).toBe("/?id=backups&lang=es");
    const cookie = String(chosen.headers["set-cookie"]);
    expect(cookie).toMatch(/^lang=es; Path=\/; Max-Age=31536000; SameSite=Lax; HttpOnly$/);
    // A link's ?lang= (a shared answer, a related question) shows that page, remembers nothing.
    const linked = await app.inject("/?id=backups&lang=es");
    expect(html(linked.body).lang).toBe("es");
    expect(linked.headers["set-cookie"]).toBeUndefined();
    // Honoured next time: the page, and a question's reply (a chosen language pins it).
    const next = await app.inject({ url: "/", headers: { cookie: "theme=dark; lang=es" } });
    expect(html(next.body).lang).toBe("es");
    expect(next.headers["set-cookie"]).toBeUndefined();
    const asked = await app.inject({
      url: "/?q=can%20fb%20read%20my%20msgs",
      headers: { cookie: "lang=es" },
    });
    expect(html(asked.body).lang).toBe("es");
    // ?lang= outranks the cookie (and replaces it); Accept-Language does not.
    const other = await app.inject({ url: "/?lang=de", headers: { cookie: "lang=es" } });
    expect(html(other.body).lang).toBe("de");
    const switched = await app.inject({
      url: "/?remember=1&lang=de",
      headers: { cookie: "lang=es" },
    });
    expect(switched.headers.location).toBe("/?lang=de");
    expect(String(switched.headers["set-cookie"])).toMatch(/^lang=de;/);
    const header = await app.inject({
      url: "/",
      headers: { cookie: "lang=es", "accept-language": "de" },
    });
    expect(html(header.body).lang).toBe("es");
    // Choosing the language one already gets keeps nothing.
    const same = await app.inject({
      url: "/?remember=1&lang=de",
      headers: { "accept-language": "de" },
    });
    expect(same.headers["set-cookie"]).toBeUndefined();
  });

  it("ignores a lang it does not speak (or garbage, or two): the usual language, no cookie", async () => {
    for (const query of [
      "lang=it",
      "lang=%3Cscript%3E",
      "lang=es&lang=de",
      `lang=${"x".repeat(40)}`,
    ]) {
      const response = await app.inject({
        url: `/?id=backups&${query}`,
        headers: { "accept-language": "pt-BR" },
      });
      expect(response.statusCode, query).toBe(200);
      expect(html(response.body).lang, query).toBe("pt-BR");
      expect(response.body).toContain('data-entry="backups"');
      expect(response.headers["set-cookie"], query).toBeUndefined();
    }
    const cookie = await app.inject({ url: "/", headers: { cookie: "lang=xx" } });
    expect(html(cookie.body).lang).toBe("en");
  });

  it("says politely that a question is not about privacy, rather than 'no answer'", async () => {
    const question = "how do I change my whatsapp phone number";
    expect(answers.serving.ask(question).outcome).toBe("out-of-scope");
    const response = await app.inject(`/?q=${encodeURIComponent(question)}`);
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('class="notice out-of-scope"');
    expect(response.body).toContain(escapeHtml(en.page.outOfScope.title));
    expect(response.body).toContain(escapeHtml(en.outcome.outOfScope));
    expect(response.body).not.toContain(escapeHtml(en.page.noAnswer.title));
    expect(response.body).not.toContain('action="/question-suggestions"');
    expect(html(response.body).title).toBe(
      `${en.page.outOfScope.tabTitle}${en.page.titleSeparator}${en.page.siteName}`,
    );
    expect(response.body).toContain('<section id="topics"');
    // In the page's language when one is asked for.
    const spanish = await app.inject(`/?q=${encodeURIComponent(question)}&lang=es&fragment=1`);
    expect(spanish.body).toContain(escapeHtml(es.outcome.outOfScope));
    expect(spanish.body).toContain(escapeHtml(es.page.outOfScope.title));
  });

  it("says so, in English, when a question's language is not one it speaks", async () => {
    // Italian is read as a language the service does not speak. (A Swedish question, "kan
    // whatsapp läsa mina meddelanden", is read as Indonesian: the service's call, not the page's.)
    const question = "whatsapp può leggere i miei messaggi";
    expect(answers.serving.ask(question).decision.unsupported).toBe(true);
    const response = await app.inject({
      url: `/?q=${encodeURIComponent(question)}`,
      headers: { "accept-language": "it" },
    });
    expect(html(response.body).lang).toBe("en");
    const names = LANGUAGES.map((language) => messagesFor(language).languageName).join(", ");
    expect(response.body).toContain(
      `<p class="note">${escapeHtml(en.outcome.unsupportedLanguage(names))}</p>`,
    );
    expect((await app.inject("/?q=can%20fb%20read%20my%20msgs")).body).not.toContain(
      'class="note"',
    );
  });

  it("answers votes and suggestions in the page's language, and goes back to it", async () => {
    const vote = await post("/vote", "id=backups&vote=up&lang=de");
    expect(vote.statusCode).toBe(303);
    expect(vote.headers.location).toMatch(/^\/\?id=backups&lang=de&voted=(recorded|unchanged)$/);
    const status = await post("/vote?fragment=1", "id=ads&vote=down&lang=fr");
    expect(status.headers["content-language"]).toBe("fr");
    expect(status.body).toMatch(
      new RegExp(
        `${escapeHtml(fr.page.vote.recorded)}|${escapeHtml(fr.page.vote.unchanged)}|${escapeHtml(fr.page.vote.changed)}`,
      ),
    );
    const suggestion = await post(
      "/question-suggestions?fragment=1",
      "question=que+es+eso&lang=es",
    );
    expect(suggestion.body).toContain(escapeHtml(es.page.suggest.thanksBody));
    const back = await post("/question-suggestions", "question=que+es+eso&lang=es");
    expect(back.headers.location).toBe("/?suggested=1&lang=es");
    const problem = await post("/vote?fragment=1", "id=backups&lang=es");
    expect(problem.statusCode).toBe(400);
    expect(problem.body).toContain(escapeHtml(es.page.problems.badForm.title));
  });

  it("explains problems in the reader's language too", async () => {
    const unknown = await app.inject({ url: "/?id=nope", headers: { "accept-language": "tr" } });
    expect(unknown.statusCode).toBe(404);
    expect(html(unknown.body).lang).toBe("tr");
    const notFound = await app.inject({
      url: "/no/such/page",
      headers: { ...BROWSER, cookie: "lang=id" },
    });
    expect(notFound.body).toContain(escapeHtml(messagesFor("id").page.problems.notFound.title));
  });
});
