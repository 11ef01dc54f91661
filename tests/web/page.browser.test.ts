/// <reference lib="dom" />
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { messagesFor } from "../../src/i18n/messages.js";
import type { Language } from "../../src/text/languages.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { QuestionLimiter } from "../../src/store/rate-limit.js";
import { realService } from "../support/knowledge-base.js";
import { requireSystemBinary } from "../support/system-packages.js";

const CHROMIUM = "/usr/bin/chromium";
/** Generous: under a full parallel test run on two cores the browser is slow. */
const POLL = { timeout: 15_000, interval: 100 };
/** Resolved to 127.0.0.1 by Chromium itself (see the launch options). */
const LAN_HOST = "faq-box.lan";
const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");
const TEXTS = messagesFor("en").page;
let serving: AnswerServiceHolder;
/** An entry's question in a language. */
const answersFor = (id: string, language: Language) =>
  serving.serving.entry(id, language)!.entry.question;
const SITE = TEXTS.siteName;
const available = requireSystemBinary(CHROMIUM, "sudo apt-get install -y chromium");

/** WCAG contrast ratios of each selector's text against the background it is drawn on. */
function contrasts(page: Page, selectors: readonly string[]): Promise<Record<string, number>> {
  return page.evaluate((selectors) => {
    const rgb = (color: string) => (color.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = (color: string) => {
      const [r, g, b] = rgb(color).map((value) => {
        const c = value / 255;
        return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const background = (element: Element | null): string => {
      for (let node = element; node; node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (rgb(color)[3] !== 0 && color !== "transparent") return color;
      }
      return "rgb(255, 255, 255)";
    };
    const ratios: Record<string, number> = {};
    for (const selector of selectors) {
      const element = document.querySelector(selector);
      if (!element) throw new Error(`no ${selector}`);
      const [a, b] = [luminance(getComputedStyle(element).color), luminance(background(element))];
      ratios[selector] = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }
    return ratios;
  }, selectors);
}

describe.skipIf(!available)("web page in headless Chromium", { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  /** The same page behind a question limit of one per 10 minutes. */
  let limited: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let noScript: BrowserContext;
  let plain: Page;
  let base: string;
  let limitedBase: string;
  const store = new MemoryInsightsStore();
  let answered = 0;

  beforeAll(async () => {
    const answers = new AnswerServiceHolder();
    answers.set(await realService({ cacheSize: 100 }));
    serving = answers;
    app = await buildApp({
      answers,
      pageFeedback: { insights: store, secret: SECRET },
      onAnswer: () => answered++,
    });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
    limited = await buildApp({
      answers,
      questionRateLimit: new QuestionLimiter({ secret: SECRET, limit: 1, windowMs: 600_000 }),
    });
    limitedBase = await limited.listen({ host: "127.0.0.1", port: 0 });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        // A name that is not localhost, as a phone on the LAN would use: no secure-context favours.
        `--host-resolver-rules=MAP ${LAN_HOST} 127.0.0.1`,
      ],
    });
    const phone = await browser.newContext({
      viewport: { width: 390, height: 844 },
      permissions: ["clipboard-read", "clipboard-write"],
    });
    page = await phone.newPage();
    noScript = await browser.newContext({ javaScriptEnabled: false });
    plain = await noScript.newPage();
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
    await limited?.close();
  });

  const entryShown = (on: Page = page) =>
    on.locator("#result article.answer").getAttribute("data-entry", { timeout: 5_000 });

  async function askWithForm(on: Page, question: string) {
    await on.getByLabel("Your question").fill(question);
    await on.getByRole("button", { name: "Ask" }).click();
  }

  it("type a question, see the answer with sources and review date", async () => {
    await page.goto(base);
    await askWithForm(page, "can fb read my msgs");
    await expect.poll(() => entryShown(), POLL).toBe("e2e-messages");
    const answer = page.locator("#result article.answer");
    expect(await answer.locator(".meta").innerText()).toMatch(
      /Sources: .*Last reviewed \d{4}-\d{2}-\d{2}/,
    );
    expect(page.url()).toBe(`${base}/?q=can%20fb%20read%20my%20msgs`);
    // Related questions are links that open in place, at an address that works without JavaScript.
    const related = answer.locator("nav a[data-id]").first();
    const relatedId = await related.getAttribute("data-id");
    await related.click();
    await expect.poll(() => entryShown(), POLL).toBe(relatedId);
    expect(page.url()).toBe(`${base}/?id=${relatedId}`);
  });

  it("says honestly when it has no answer", async () => {
    await page.goto(base);
    await askWithForm(page, "how do I bake bread");
    await expect
      .poll(() => page.locator("#result .no-answer h2").textContent(), POLL)
      .toBe(TEXTS.noAnswer.title);
    expect(await page.title()).toBe(`No answer · ${SITE}`);
  });

  it("can be used with the keyboard alone: suggestions, arrows, Enter", async () => {
    await page.goto(base);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Enter"); // to the question box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("live loca", { delay: 20 });
    const options = page.locator("#suggestions [role=option]");
    await expect.poll(() => options.count(), POLL).toBeGreaterThan(0);
    expect(await page.getAttribute("#q", "aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    const chosen = await options.first().getAttribute("data-id");
    expect(await page.getAttribute("#q", "aria-activedescendant")).toBe("suggestion-0");
    await page.keyboard.press("Enter");
    await expect.poll(() => entryShown(), POLL).toBe(chosen);
    // Focus moves to the answer's heading for screen-reader and keyboard users.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
  });

  it("opens deep links: /?q=..., /?id=... and the older /#<faq-id>", async () => {
    await page.goto(`${base}/?q=${encodeURIComponent("is my icloud backup encrypted")}`);
    expect(await entryShown()).toBe("backups");
    await page.goto(`${base}/?id=two-step-verification`);
    expect(await entryShown()).toBe("two-step-verification");
    await page.goto(`${base}/#two-step-verification`);
    await expect.poll(() => entryShown(), POLL).toBe("two-step-verification");
    // Moved to the address that works without JavaScript, so it is the one people copy.
    expect(page.url()).toBe(`${base}/?id=two-step-verification`);
  });

  it("opens an entry's link without JavaScript (the link the page documents and shares)", async () => {
    await plain.goto(`${base}/?id=two-step-verification`);
    expect(await entryShown(plain)).toBe("two-step-verification");
    expect(await plain.title()).toMatch(new RegExp(`two-step verification.* · ${SITE}$`));
    expect(await plain.locator(".permalink").inputValue()).toBe(
      `${base}/?id=two-step-verification`,
    );
  });

  it("works without JavaScript as a plain form and links", async () => {
    await plain.goto(base);
    await askWithForm(plain, "who can see my location");
    await plain.waitForURL(/\?q=/);
    expect(await plain.locator("#result article.answer").count()).toBe(1);
    await plain.locator("#topics summary").first().click();
    await plain.locator("#topics a[data-id]").first().click();
    await plain.waitForURL(/\?id=/);
    expect(await plain.locator("#result article.answer").count()).toBe(1);
  });

  it("works over plain HTTP on a host that is not localhost: styles, script, Ask", async () => {
    const lan = await browser.newPage();
    const failed: string[] = [];
    lan.on("requestfailed", (request) => failed.push(request.url()));
    await lan.goto(`http://${LAN_HOST}:${new URL(base).port}/`);
    expect(
      await lan.evaluate(() => getComputedStyle(document.querySelector("button")!).borderRadius),
    ).not.toBe("0px");
    await askWithForm(lan, "can fb read my msgs");
    await expect.poll(() => entryShown(lan), POLL).toBe("e2e-messages");
    expect(lan.url()).toMatch(/^http:\/\/faq-box\.lan:\d+\/\?q=/); // answered in place, by the script
    // Copying the link works there too (no clipboard API outside a secure context).
    await lan.getByRole("button", { name: "Copy link" }).click();
    expect(await lan.locator(".share .form-status").textContent()).toBe("Link copied.");
    expect(failed).toEqual([]);
    await lan.close();
  });

  it("Back and Forward show the answer that belongs to the address, without asking again", async () => {
    await page.goto(`${base}/?q=${encodeURIComponent("is my icloud backup encrypted")}`);
    expect(await entryShown()).toBe("backups");
    await askWithForm(page, "can fb read my msgs");
    await expect.poll(() => entryShown(), POLL).toBe("e2e-messages");
    await askWithForm(page, "how do I bake bread");
    await expect.poll(() => page.locator("#result .no-answer").count(), POLL).toBe(1);
    const asked = answered;

    await page.goBack();
    await expect.poll(() => entryShown(), POLL).toBe("e2e-messages");
    expect(await page.inputValue("#q")).toBe("can fb read my msgs");
    expect(await page.title()).toBe(`Can WhatsApp or Facebook (Meta) read my messages? · ${SITE}`);
    await page.goBack();
    await expect.poll(() => entryShown(), POLL).toBe("backups"); // the server-rendered one
    expect(await page.inputValue("#q")).toBe("is my icloud backup encrypted");
    await page.goForward();
    await expect.poll(() => entryShown(), POLL).toBe("e2e-messages");
    await page.goForward();
    await expect.poll(() => page.locator("#result .no-answer").count(), POLL).toBe(1);
    expect(page.url()).toBe(`${base}/?q=how%20do%20I%20bake%20bread`);
    expect(answered).toBe(asked); // remembered, not asked (and counted) again

    // An anchor on the page (#topics) is not a new answer.
    await page.locator("#result a[href='#topics']").click();
    await page.goBack();
    expect(await page.locator("#result .no-answer").count()).toBe(1);
  });

  it("the tab title follows the answer shown", async () => {
    await page.goto(base);
    expect(await page.title()).toBe(SITE);
    await askWithForm(page, "is my icloud backup encrypted");
    await expect
      .poll(() => page.title(), POLL)
      .toBe(`Are my WhatsApp chat backups encrypted? · ${SITE}`);
    await plain.goto(`${base}/?q=${encodeURIComponent("how do I bake bread")}`);
    expect(await plain.title()).toBe(`No answer · ${SITE}`);
  });

  it("explains a rate limit in words, with and without JavaScript, the form still there", async () => {
    await plain.goto(limitedBase);
    for (const question of ["backup", "ads"]) await askWithForm(plain, question);
    await plain.waitForURL(/q=ads/);
    expect(await plain.locator(".problem h2").textContent()).toBe("Too many questions at once");
    expect(await plain.locator(".problem p").textContent()).toMatch(/try again in \d+ s/);
    expect(await plain.inputValue("#q")).toBe("ads");

    await page.goto(limitedBase);
    await askWithForm(page, "location");
    await expect
      .poll(() => page.locator("#result .problem h2").textContent(), POLL)
      .toBe("Too many questions at once");
    expect(await page.title()).toBe(`Too many questions at once · ${SITE}`);
    expect(await page.getByLabel("Your question").isVisible()).toBe(true);
  });

  it("explains a question too long or given twice, with and without JavaScript", async () => {
    const long = "is my backup encrypted ".repeat(25);
    await plain.goto(`${base}/?q=${encodeURIComponent(long)}`);
    expect(await plain.locator(".problem h2").textContent()).toBe("That question is too long");
    expect(await plain.locator(".problem p").textContent()).toContain("up to 500 characters");
    expect(await plain.inputValue("#q")).toBe(long.trim()); // kept, to shorten
    await plain.goto(`${base}/?q=backup&q=ads`);
    expect(await plain.locator(".problem h2").textContent()).toBe("One question at a time");

    await page.goto(base);
    // The box stops typing at 500 characters; a script or a pasted link can go past it.
    await page.evaluate((text) => {
      (document.getElementById("q") as HTMLInputElement).value = text;
    }, long);
    await page.getByRole("button", { name: "Ask" }).click();
    await expect
      .poll(() => page.locator("#result .problem h2").textContent(), POLL)
      .toBe("That question is too long");
    await page.goto(`${base}/?q=backup&q=ads`);
    expect(await page.locator("#result .problem h2").textContent()).toBe("One question at a time");
  });

  it("meets WCAG AA contrast in light and dark mode, the buttons included", async () => {
    const selectors = [
      "h1",
      "header p",
      ".ask button[type=submit]",
      ".language select",
      ".vote button",
      ".share-button",
      ".meta",
      ".meta a",
      ".answer .body",
      "#topics .hint",
    ];
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto(`${base}/?id=backups`);
      const ratios = await contrasts(page, selectors);
      for (const selector of selectors)
        expect(ratios[selector], `${selector} in ${colorScheme} mode`).toBeGreaterThanOrEqual(4.5);
    }
    await page.emulateMedia({ colorScheme: null });
  });

  it("has a favicon", async () => {
    await plain.goto(base);
    const href = await plain.locator("link[rel=icon]").getAttribute("href");
    const icon = await plain.request.get(new URL(href!, base).href);
    expect(icon.status()).toBe(200);
    expect(icon.headers()["content-type"]).toBe("image/svg+xml");
    expect(await icon.text()).toContain("<svg");
    const legacy = await plain.request.get(`${base}/favicon.ico`);
    expect(legacy.status()).toBe(200); // redirected to the same icon
    expect(legacy.headers()["content-type"]).toBe("image/svg+xml");
  });

  it("gives a shared answer link a preview: the question and the answer's opening", async () => {
    await plain.goto(`${base}/?id=backups`);
    const meta = (property: string) =>
      plain.locator(`meta[property="${property}"]`).getAttribute("content");
    expect(await meta("og:title")).toBe("Are my WhatsApp chat backups encrypted?");
    expect(await meta("og:description")).toMatch(
      /^Not by default\. Backups in Google Drive \(Android\) or iCloud \(iPhone\) rely on/,
    );
    expect(await meta("og:url")).toBe(`${base}/?id=backups`);
    expect(await meta("og:type")).toBe("article");
    expect(await meta("og:site_name")).toBe(SITE);
    // A question link previews its answer the same way.
    await plain.goto(`${base}/?q=${encodeURIComponent("are backups encrypted")}`);
    expect(await meta("og:url")).toBe(`${base}/?id=backups`);
  });

  it("takes 👍 / 👎 in place with JavaScript, counted once per person and answer", async () => {
    await page.goto(`${base}/?id=ads`);
    const status = page.locator(".vote .form-status");
    await page.getByRole("button", { name: "👍 Yes" }).click();
    await expect.poll(() => status.textContent(), POLL).toBe("Thanks for your feedback.");
    await page.getByRole("button", { name: "👍 Yes" }).click();
    await expect.poll(() => status.textContent(), POLL).toBe("Already noted. Thanks.");
    await page.getByRole("button", { name: "👎 No" }).click();
    await expect.poll(() => status.textContent(), POLL).toBe("Feedback changed. Thanks.");
    expect(page.url()).toBe(`${base}/?id=ads`);
    expect((await store.feedback()).find((item) => item.faqId === "ads")).toEqual({
      faqId: "ads",
      up: 0,
      down: 1,
    });
  });

  it("takes 👍 / 👎 without JavaScript: a form post that comes back to the answer", async () => {
    await plain.goto(`${base}/?id=contacts`);
    await plain.getByRole("button", { name: "👍 Yes" }).click();
    await plain.waitForURL(/voted=recorded/);
    expect(await entryShown(plain)).toBe("contacts");
    expect(await plain.locator(".vote .form-status").textContent()).toBe(
      "Thanks for your feedback.",
    );
    expect((await store.feedback()).find((item) => item.faqId === "contacts")?.up).toBe(1);
  });

  it("lets people suggest a question when there is no answer, with and without JavaScript", async () => {
    await page.goto(`${base}/?q=${encodeURIComponent("can my cat use whatsapp")}`);
    await page.getByLabel("Question to add").fill("Can my cat use WhatsApp?");
    await page.getByRole("button", { name: "Suggest" }).click();
    await expect
      .poll(() => page.locator(".suggest .form-status").textContent(), POLL)
      .toContain("passed on");
    expect(await page.getByLabel("Question to add").isDisabled()).toBe(true);

    await plain.goto(`${base}/?q=${encodeURIComponent("how do I bake bread")}`);
    await plain.getByLabel("Question to add").fill("How do I bake bread?");
    await plain.getByRole("button", { name: "Suggest" }).click();
    await plain.waitForURL(/suggested=1/);
    expect(await plain.locator("#result h2").textContent()).toBe("Thank you");

    const kept = (await store.unanswered(50)).map((item) => item.question);
    expect(kept).toContain("suggested: can my cat use whatsapp");
    expect(kept).toContain("suggested: how do i bake bread");
  });

  it("gives every answer a link to copy", async () => {
    await page.goto(`${base}/?q=${encodeURIComponent("can fb read my msgs")}`);
    expect(await page.locator(".permalink").inputValue()).toBe(`${base}/?id=e2e-messages`);
    await page.getByRole("button", { name: "Copy link" }).click();
    await expect
      .poll(() => page.locator(".share .form-status").textContent(), POLL)
      .toBe("Link copied.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
      `${base}/?id=e2e-messages`,
    );
  });

  it("fits a phone screen without horizontal scrolling", async () => {
    for (const url of ["/?q=delete%20my%20account", "/?q=how%20do%20I%20bake%20bread"]) {
      await page.goto(`${base}${url}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - window.innerWidth,
      );
      expect(overflow, url).toBeLessThanOrEqual(0);
    }
  });

  describe("in the reader's language", () => {
    /** Fresh contexts: the language a test chooses is remembered in a cookie. */
    async function fresh(javaScriptEnabled = true): Promise<Page> {
      const context = await browser.newContext({ javaScriptEnabled, locale: "en-US" });
      return context.newPage();
    }
    const htmlLang = (on: Page) => on.evaluate(() => document.documentElement.lang);

    it("switches the page's language with the select (JavaScript), keeping the answer shown", async () => {
      const js = await fresh();
      await js.goto(`${base}/?id=backups`);
      expect(await htmlLang(js)).toBe("en");
      // With the script the select applies itself; the button is for pages without it.
      expect(await js.locator("form.language button").isHidden()).toBe(true);
      await js.getByLabel(TEXTS.languageSwitcher.label).selectOption("de");
      await js.waitForURL(`${base}/?id=backups&lang=de`);
      expect(await htmlLang(js)).toBe("de");
      expect(await entryShown(js)).toBe("backups");
      expect(await js.getByLabel(messagesFor("de").page.questionLabel).isVisible()).toBe(true);
      // Remembered: the bare page is in German now, and answers there stay German.
      await js.goto(base);
      expect(await htmlLang(js)).toBe("de");
      await js.getByLabel(messagesFor("de").page.questionLabel).fill("can fb read my msgs");
      await js.getByRole("button", { name: messagesFor("de").page.askButton }).click();
      await expect.poll(() => entryShown(js), POLL).toBe("e2e-messages");
      expect(await js.locator("#result h2").textContent()).toBe(answersFor("e2e-messages", "de"));
      await js.context().close();
    });

    it("switches without JavaScript too: the form and its button", async () => {
      const noJs = await fresh(false);
      await noJs.goto(`${base}/?q=${encodeURIComponent("is my icloud backup encrypted")}`);
      await noJs.getByLabel(TEXTS.languageSwitcher.label).selectOption("fr");
      await noJs.getByRole("button", { name: TEXTS.languageSwitcher.apply }).click();
      await noJs.waitForURL(/lang=fr/);
      expect(await htmlLang(noJs)).toBe("fr");
      expect(await entryShown(noJs)).toBe("backups");
      expect(await noJs.inputValue("#q")).toBe("is my icloud backup encrypted");
      await noJs.context().close();
    });

    it("shows a reply in another language with the page around it in that language, counted once", async () => {
      const js = await fresh();
      await js.goto(base);
      const asked = answered;
      await askWithForm(js, "¿WhatsApp puede leer mis mensajes?");
      await expect.poll(() => htmlLang(js), POLL).toBe("es");
      // The script's ask and the page load it led to are one question.
      expect(answered).toBe(asked + 1);
      expect(await entryShown(js)).toBe("e2e-messages");
      expect(js.url()).toBe(
        `${base}/?q=${encodeURIComponent("¿WhatsApp puede leer mis mensajes?")}`,
      );
      expect(await js.title()).toContain(messagesFor("es").page.siteName);
      await js.context().close();
    });

    it("opens /?q=...&lang=... and /?id=...&lang=... links, and keeps the language in place", async () => {
      const js = await fresh();
      await js.goto(`${base}/?q=${encodeURIComponent("can fb read my msgs")}&lang=fr`);
      expect(await htmlLang(js)).toBe("fr");
      expect(await entryShown(js)).toBe("e2e-messages");
      const related = js.locator("#result nav a[data-id]").first();
      const relatedId = await related.getAttribute("data-id");
      await related.click();
      await expect.poll(() => entryShown(js), POLL).toBe(relatedId);
      expect(js.url()).toBe(`${base}/?id=${relatedId}&lang=fr`);
      expect(await js.locator(".permalink").inputValue()).toBe(`${base}/?id=${relatedId}&lang=fr`);
      await js.goBack();
      await expect.poll(() => entryShown(js), POLL).toBe("e2e-messages");
      await js.context().close();
    });
  });
});
