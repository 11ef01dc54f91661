import type { Category, FaqEntry } from "../../faq/types.js";
import { sourceLabel } from "../../render/answer.js";
import { escapeHtml } from "../../render/telegram-html.js";
import { escapeAttribute, markdownToHtml } from "../../render/web-html.js";
import type { Reply } from "../../answering/service.js";

/** What the result area shows: nothing yet, an entry (asked or opened by id), or no answer. */
export type ResultView =
  | { readonly kind: "empty" }
  | { readonly kind: "entry"; readonly entry: FaqEntry; readonly related: readonly FaqEntry[] }
  | {
      readonly kind: "no-answer";
      readonly query: string;
      readonly suggestions: readonly FaqEntry[];
    }
  | { readonly kind: "unknown-id"; readonly id: string };

export interface PageModel {
  readonly query: string;
  readonly result: ResultView;
  readonly categories: readonly Category[];
  readonly entries: readonly FaqEntry[];
}

/** The result view for an engine answer. */
export function viewOfAnswer(query: string, answer: Reply): ResultView {
  if (answer.answer === null) {
    return { kind: "no-answer", query, suggestions: answer.related.map((m) => m.entry) };
  }
  return { kind: "entry", entry: answer.answer.entry, related: answer.related.map((m) => m.entry) };
}

const entryLink = (entry: FaqEntry) =>
  `<a href="/?id=${encodeURIComponent(entry.id)}" data-id="${escapeAttribute(entry.id)}">${escapeHtml(entry.question)}</a>`;

/** The result area alone: what the page's script swaps in without reloading. */
export function renderResult(view: ResultView): string {
  switch (view.kind) {
    case "empty":
      return "";
    case "unknown-id":
      return `<div class="notice" role="status"><h2 tabindex="-1">That question is not in the FAQ</h2>
<p>There is no entry called “${escapeHtml(view.id)}”. Try asking in your own words, or browse the topics below.</p></div>`;
    case "no-answer":
      return `<div class="notice no-answer" role="status"><h2 tabindex="-1">Sorry, I don't have a good answer to that</h2>
<p>This FAQ covers WhatsApp privacy: encryption, location, data shared with Facebook (Meta), business chats, the 2021 policy update and your privacy controls. Rather than guess, I'd point you to a question I can answer.</p>
${
  view.suggestions.length > 0
    ? `<h3>Did you mean</h3><ul class="links">${view.suggestions.map((e) => `<li>${entryLink(e)}</li>`).join("")}</ul>`
    : ""
}<p><a href="#topics">Browse all topics</a></p></div>`;
    case "entry": {
      const { entry, related } = view;
      const sources = entry.sources
        .map(
          (url) =>
            `<a href="${escapeAttribute(url)}" rel="noopener noreferrer">${escapeHtml(sourceLabel(url))}</a>`,
        )
        .join(", ");
      return `<article class="answer" id="${escapeAttribute(entry.id)}" data-entry="${escapeAttribute(entry.id)}">
<h2 tabindex="-1">${escapeHtml(entry.question)}</h2>
<div class="body">${markdownToHtml(entry.answer)}</div>
<p class="meta">Sources: ${sources}. Last reviewed <time datetime="${escapeAttribute(entry.reviewed)}">${escapeHtml(entry.reviewed)}</time>.</p>
${
  related.length > 0
    ? `<nav aria-label="Related questions"><h3>Related questions</h3><ul class="links">${related.map((e) => `<li>${entryLink(e)}</li>`).join("")}</ul></nav>`
    : ""
}</article>`;
    }
  }
}

/** The whole page, rendered on the server so it works without JavaScript. */
export function renderPage(model: PageModel): string {
  const topics = model.categories
    .map((category) => {
      const entries = model.entries.filter((e) => e.category === category.id);
      return `<details><summary><span class="topic">${escapeHtml(category.title)}</span> <span class="hint">${escapeHtml(category.description)}</span></summary>
<ul class="links">${entries.map((e) => `<li>${entryLink(e)}</li>`).join("")}</ul></details>`;
    })
    .join("\n");
  const title = model.result.kind === "entry" ? `${model.result.entry.question} · ` : "";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}WhatsApp privacy FAQ</title>
<meta name="description" content="Plain answers to questions about WhatsApp's privacy, with sources. Unofficial.">
<link rel="stylesheet" href="/assets/app.css">
<script src="/assets/app.js" defer></script>
</head>
<body>
<a class="skip" href="#q">Skip to the question box</a>
<header><h1>WhatsApp privacy FAQ</h1>
<p>Plain answers about encryption, location, data shared with Facebook (Meta), business chats and your privacy settings, each with its sources. Unofficial: not affiliated with WhatsApp or Meta.</p></header>
<main>
<form class="ask" role="search" action="/" method="get">
<label for="q">Your question</label>
<div class="row">
<div class="combo">
<input id="q" name="q" type="search" value="${escapeAttribute(model.query)}" maxlength="500" autocomplete="off" spellcheck="true" placeholder="e.g. can Facebook read my messages?" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions" required>
<ul id="suggestions" role="listbox" aria-label="Suggested questions" hidden></ul>
</div>
<button type="submit">Ask</button>
</div>
</form>
<section id="result" aria-live="polite">${renderResult(model.result)}</section>
<section id="topics" aria-labelledby="topics-title"><h2 id="topics-title">Browse topics</h2>
${topics}
</section>
</main>
<footer><p>Answers come from a curated FAQ with public sources; they are not legal advice. For developers: <a href="/docs">API documentation</a>.</p></footer>
</body>
</html>`;
}
