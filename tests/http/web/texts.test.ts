import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { ShownEntry } from "../../../src/answering/service.js";
import type { Category, FaqEntry } from "../../../src/faq/types.js";
import {
  renderPage,
  renderProblemStatus,
  renderResult,
  type PageContext,
  type ResultView,
} from "../../../src/http/web/page.js";
import { fillText, type PageTexts } from "../../../src/http/web/texts.js";
import type { Messages } from "../../../src/i18n/catalog.js";
import { messagesFor } from "../../../src/i18n/messages.js";
import { LANGUAGES, languageOfTag, type Language } from "../../../src/text/languages.js";

const ENGLISH = messagesFor("en");

/** Every text of a catalog replaced by ⟦…⟧ around its placeholders only: no letters left. */
function pseudoTexts<T>(texts: T): T {
  if (typeof texts === "string") return `⟦${(texts.match(/\{\w+\}/g) ?? []).join(" ")}⟧` as T;
  if (typeof texts === "function") return (() => "⟦⟧") as T;
  return Object.fromEntries(
    Object.entries(texts as Record<string, unknown>).map(([key, value]) => [
      key,
      pseudoTexts(value),
    ]),
  ) as T;
}

// Knowledge-base content is the FAQ's, not the page's: made of one recognisable word.
const entry: FaqEntry = {
  id: "kb-one",
  question: "Kbword?",
  short: "Kbword",
  alternates: [],
  category: "kb-cat",
  tags: [],
  related: ["kb-two"],
  sources: ["https://kbword.example/"],
  reviewed: "2026-01-02",
  answer: "Kbword kbword.\n\n- kbword",
};
const other: FaqEntry = { ...entry, id: "kb-two", related: [] };
const categories: Category[] = [{ id: "kb-cat", title: "Kbword", description: "Kbword" }];
/** The page is in Spanish here: `shown` is translated, `untranslated` is still English. */
const shown: ShownEntry = { entry, language: "es" };
const untranslated: ShownEntry = { entry: other, language: "en" };

const context = (messages: Messages, language: Language = "es"): PageContext => ({
  language,
  texts: messages.page,
  outcome: messages.outcome,
  languages: LANGUAGES.map((code) => ({ code, name: "⟦⟧" })),
  origin: "http://h",
  votes: true,
  suggestions: true,
  docsLink: true,
  assets: { css: "/c", js: "/j", icon: "/i" },
});

const views: ResultView[] = [
  { kind: "empty" },
  { kind: "entry", entry: shown, related: [untranslated], voted: "changed" },
  { kind: "entry", entry: untranslated, related: [shown], unsupported: true },
  { kind: "no-answer", query: "kbword", suggestions: [untranslated], unsupported: true },
  { kind: "out-of-scope", query: "kbword" },
  { kind: "suggested" },
  ...(Object.keys(ENGLISH.page.problems) as (keyof PageTexts["problems"])[]).map(
    (problem): ResultView => ({ kind: "problem", problem, values: { id: "kbword", seconds: 7 } }),
  ),
];

/** What a person sees or hears: text between tags, and the attributes that are read out. */
function visibleTexts(html: string): string[] {
  const withoutData = html.replace(/<script type="application\/json"[^>]*>.*?<\/script>/s, "");
  const attributes = [
    ...withoutData.matchAll(/\b(?:aria-label|placeholder|title|alt|content|value)="([^"]*)"/g),
  ].map((match) => match[1]!);
  const text = withoutData
    .replace(/<title>/, "")
    .replace(/<[^>]+>/g, "\n")
    .split("\n");
  return [...attributes, ...text].map((t) => t.trim()).filter(Boolean);
}

describe("the page's texts are all in the catalog (each language's `page` and `outcome`)", () => {
  it("renders no words of its own: with every text replaced, only FAQ content is left", () => {
    const pseudo = pseudoTexts(ENGLISH);
    for (const view of views) {
      const html = renderPage(
        { query: "kbword", result: view, categories, entries: [shown, untranslated] },
        context(pseudo),
      );
      for (const text of visibleTexts(html)) {
        const rest = text
          .replace(/⟦[^⟧]*⟧/g, "")
          .replace(/kbword\.example|kbword|kb-one|kb-two|kb-cat/gi, "")
          .replace(/https?:\/\/h\/?(\?(id|lang)=)?|&amp;lang=|2026-01-02|\b(en|en_US)\b/g, "")
          // Language codes (the switcher's and the forms' values, links' `lang`).
          .replace(new RegExp(`\\b(${LANGUAGES.join("|")})\\b`, "g"), "")
          // Values of meta tags and form fields that are not read out.
          .replace(
            /\b(article|website|summary|up|down|width=device-width, initial-scale=1)\b/g,
            "",
          );
        expect(rest, `${view.kind}: "${text}"`).not.toMatch(/\p{L}{2,}/u);
      }
    }
    expect(renderProblemStatus("rateLimited", pseudo.page, { seconds: 3 })).not.toMatch(
      /<strong>\p{L}/u,
    );
  });

  it("keeps the script's words out of the script: they come from the page's JSON", () => {
    const script = readFileSync(
      new URL("../../../src/http/public/app.js", import.meta.url),
      "utf8",
    );
    const code = script.replace(/\/\/.*$/gm, "").replace(/\/\*[\s\S]*?\*\//g, "");
    // A capitalised word followed by another: a sentence or label, not a selector or name.
    const sentences = [...code.matchAll(/(["'`])([^"'`\n]*)\1/g)]
      .map((match) => match[2]!)
      .filter((literal) => /\b[A-Z][a-z]+ [a-z]+/.test(literal));
    expect(sentences).toEqual([]);
  });

  it("marks what is not in the page's language: untranslated entries carry lang=en and a note", () => {
    const html = renderResult(
      { kind: "entry", entry: untranslated, related: [shown, untranslated] },
      context(messagesFor("es")),
    );
    expect(html).toContain(messagesFor("es").outcome.untranslated);
    expect(html).toContain('<h2 tabindex="-1" lang="en">Kbword?</h2>');
    expect(html).toContain('<div class="body" lang="en">');
    // Links keep the page's language; only the untranslated entry's says it is English.
    expect(html).toContain('<a href="/?id=kb-one&amp;lang=es" data-id="kb-one">');
    expect(html).toContain('<a href="/?id=kb-two&amp;lang=es" data-id="kb-two" lang="en">');
    const translated = renderResult(
      { kind: "entry", entry: shown, related: [] },
      context(messagesFor("es")),
    );
    expect(translated).not.toContain(messagesFor("es").outcome.untranslated);
    expect(translated).not.toContain('lang="en"');
  });

  it("has the same texts in every language: a catalog's page is complete", () => {
    for (const language of LANGUAGES) {
      const { page } = messagesFor(language);
      expect(languageOfTag(page.lang), language).toBe(language);
      expect(Object.keys(page.problems)).toEqual(Object.keys(ENGLISH.page.problems));
    }
  });

  it("fills placeholders and leaves unknown ones as they are", () => {
    expect(fillText("try again in {seconds} s ({other})", { seconds: 5 })).toBe(
      "try again in 5 s ({other})",
    );
  });
});
