/// <reference lib="dom" />
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { EngineHolder } from "../../src/http/engine-holder.js";
import { realEngine } from "../support/knowledge-base.js";
import { requireSystemBinary } from "../support/system-packages.js";

const CHROMIUM = "/usr/bin/chromium";
/** Generous: under a full parallel test run on two cores the browser is slow. */
const POLL = { timeout: 15_000, interval: 100 };
/** Resolved to 127.0.0.1 by Chromium itself (see the launch options). */
const LAN_HOST = "faq-box.lan";
const available = requireSystemBinary(CHROMIUM, "sudo apt-get install -y chromium");

describe.skipIf(!available)("web page in headless Chromium", { timeout: 60_000 }, () => {
  let app: FastifyInstance;
  let browser: Browser;
  let page: Page;
  let base: string;

  beforeAll(async () => {
    const engines = new EngineHolder();
    engines.set(await realEngine({ cacheSize: 100 }));
    app = await buildApp({ engines });
    base = await app.listen({ host: "127.0.0.1", port: 0 });
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
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  beforeAll(async () => {
    page = await browser.newPage({ viewport: { width: 390, height: 844 } }); // a phone screen
  });

  it("type a question, see the answer with sources and review date", async () => {
    await page.goto(base);
    await page.getByLabel("Your question").fill("can fb read my msgs");
    await page.getByRole("button", { name: "Ask" }).click();
    const answer = page.locator("#result article.answer");
    await expect.poll(() => answer.getAttribute("data-entry"), POLL).toBe("e2e-messages");
    expect(await answer.locator(".meta").innerText()).toMatch(
      /Sources: .*Last reviewed \d{4}-\d{2}-\d{2}/,
    );
    expect(page.url()).toBe(`${base}/?q=can%20fb%20read%20my%20msgs`);
    // Related questions are links that open in place.
    const related = answer.locator("nav a[data-id]").first();
    const relatedId = await related.getAttribute("data-id");
    await related.click();
    await expect
      .poll(() => page.locator("#result article.answer").getAttribute("data-entry"), POLL)
      .toBe(relatedId);
    expect(page.url()).toBe(`${base}/#${relatedId}`);
  });

  it("says honestly when it has no answer", async () => {
    await page.goto(base);
    await page.getByLabel("Your question").fill("how do I bake bread");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#result .no-answer h2").textContent(), POLL)
      .toContain("don't have a good answer");
  });

  it("can be used with the keyboard alone: suggestions, arrows, Enter", async () => {
    await page.goto(base);
    await page.keyboard.press("Tab"); // skip link
    await page.keyboard.press("Tab"); // question box
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    await page.keyboard.type("live loca", { delay: 20 });
    const options = page.locator("#suggestions [role=option]");
    await expect.poll(() => options.count(), POLL).toBeGreaterThan(0);
    expect(await page.getAttribute("#q", "aria-expanded")).toBe("true");
    await page.keyboard.press("ArrowDown");
    const chosen = await options.first().getAttribute("data-id");
    expect(await page.getAttribute("#q", "aria-activedescendant")).toBe("suggestion-0");
    await page.keyboard.press("Enter");
    await expect
      .poll(() => page.locator("#result article.answer").getAttribute("data-entry"), POLL)
      .toBe(chosen);
    // Focus moves to the answer's heading for screen-reader and keyboard users.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H2");
  });

  it("opens deep links: /?q=... and /#<faq-id>", async () => {
    await page.goto(`${base}/?q=${encodeURIComponent("is my icloud backup encrypted")}`);
    expect(await page.locator("#result article.answer").getAttribute("data-entry")).toBe("backups");
    await page.goto(`${base}/#two-step-verification`);
    await expect
      .poll(() => page.locator("#result article.answer").getAttribute("data-entry"), POLL)
      .toBe("two-step-verification");
  });

  it("works without JavaScript as a plain form and links", async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const plain = await context.newPage();
    await plain.goto(base);
    await plain.getByLabel("Your question").fill("who can see my location");
    await plain.getByRole("button", { name: "Ask" }).click();
    await plain.waitForURL(/\?q=/);
    expect(await plain.locator("#result article.answer").count()).toBe(1);
    await plain.locator("#topics summary").first().click();
    await plain.locator("#topics a[data-id]").first().click();
    await plain.waitForURL(/\?id=/);
    expect(await plain.locator("#result article.answer").count()).toBe(1);
    await context.close();
  });

  it("works over plain HTTP on a host that is not localhost: styles, script, Ask", async () => {
    const lan = await browser.newPage();
    const failed: string[] = [];
    lan.on("requestfailed", (request) => failed.push(request.url()));
    await lan.goto(`http://${LAN_HOST}:${new URL(base).port}/`);
    expect(
      await lan.evaluate(() => getComputedStyle(document.querySelector("button")!).borderRadius),
    ).not.toBe("0px");
    await lan.getByLabel("Your question").fill("can fb read my msgs");
    await lan.getByRole("button", { name: "Ask" }).click();
    await expect
      .poll(() => lan.locator("#result article.answer").getAttribute("data-entry"), POLL)
      .toBe("e2e-messages");
    expect(lan.url()).toMatch(/^http:\/\/faq-box\.lan:\d+\/\?q=/); // answered in place, by the script
    expect(failed).toEqual([]);
    await lan.close();
  });

  it("fits a phone screen without horizontal scrolling", async () => {
    await page.goto(`${base}/?q=delete%20my%20account`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
