import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { Category, FaqEntry } from "../../../src/faq/types.js";
import {
  renderPage,
  renderProblemStatus,
  type PageContext,
  type ResultView,
} from "../../../src/http/web/page.js";
import { PAGE_TEXTS, fillText, type PageTexts } from "../../../src/http/web/texts.js";

/** Every text of PAGE_TEXTS replaced by ⟦…⟧ around its placeholders only: no letters left. */
function pseudoTexts<T>(texts: T): T {
  if (typeof texts === "string") return `⟦${(texts.match(/\{\w+\}/g) ?? []).join(" ")}⟧` as T;
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

const context = (texts: PageTexts): PageContext => ({
  texts,
  origin: "http://h",
  votes: true,
  suggestions: true,
  docsLink: true,
  assets: { css: "/c", js: "/j", icon: "/i" },
});

const views: ResultView[] = [
  { kind: "empty" },
  { kind: "entry", entry, related: [other], voted: "changed" },
  { kind: "no-answer", query: "kbword", suggestions: [other] },
  { kind: "suggested" },
  ...(Object.keys(PAGE_TEXTS.problems) as (keyof PageTexts["problems"])[]).map(
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

describe("the page's texts are all in PAGE_TEXTS (ready to translate)", () => {
  it("renders no words of its own: with every text replaced, only FAQ content is left", () => {
    const pseudo = pseudoTexts(PAGE_TEXTS);
    for (const view of views) {
      const html = renderPage(
        { query: "kbword", result: view, categories, entries: [entry, other] },
        context(pseudo),
      );
      for (const text of visibleTexts(html)) {
        const rest = text
          .replace(/⟦[^⟧]*⟧/g, "")
          .replace(/kbword\.example|kbword|kb-one|kb-two|kb-cat/gi, "")
          .replace(/https?:\/\/h\/?(\?id=)?|2026-01-02|\b(en|en_US)\b/g, "")
          // Values of meta tags and form fields that are not read out.
          .replace(
            /\b(article|website|summary|up|down|width=device-width, initial-scale=1)\b/g,
            "",
          );
        expect(rest, `${view.kind}: "${text}"`).not.toMatch(/\p{L}{2,}/u);
      }
    }
    expect(renderProblemStatus("rateLimited", pseudo, { seconds: 3 })).not.toMatch(
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

  it("fills placeholders and leaves unknown ones as they are", () => {
    expect(fillText("try again in {seconds} s ({other})", { seconds: 5 })).toBe(
      "try again in 5 s ({other})",
    );
  });
});
