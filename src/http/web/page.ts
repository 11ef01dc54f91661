import type { Category } from "../../faq/types.js";
import type { Messages } from "../../i18n/catalog.js";
import { sourceLabel } from "../../render/answer.js";
import { escapeHtml } from "../../render/telegram-html.js";
import { escapeAttribute, markdownSummary, markdownToHtml } from "../../render/web-html.js";
import type { Reply, ShownEntry } from "../../answering/service.js";
import type { VoteOutcome } from "../../store/insights.js";
import { type Language, SOURCE_LANGUAGE } from "../../text/languages.js";
import { entryPath } from "../routes/ask.js";
import { fillText, type PageTexts } from "./texts.js";

/** The problems the page explains in words (keys of {@link PageTexts.problems}). */
export type ProblemKind = keyof PageTexts["problems"];

/** What the result area shows. */
export type ResultView =
  | { readonly kind: "empty" }
  | {
      readonly kind: "entry";
      readonly entry: ShownEntry;
      readonly related: readonly ShownEntry[];
      /** What a vote just did (the page a vote without JavaScript returns to). */
      readonly voted?: VoteOutcome;
      /** The question was in a language the service does not speak (the reply is in English). */
      readonly unsupported?: boolean;
    }
  | {
      readonly kind: "no-answer";
      readonly query: string;
      readonly suggestions: readonly ShownEntry[];
      readonly unsupported?: boolean;
    }
  /** Not about WhatsApp privacy or security: declined politely, the topics offered instead. */
  | { readonly kind: "out-of-scope"; readonly query: string; readonly unsupported?: boolean }
  | {
      readonly kind: "problem";
      readonly problem: ProblemKind;
      /** Values of the problem text's placeholders. */
      readonly values?: Readonly<Record<string, string | number>>;
    }
  /** A suggested question was received (the page a suggestion without JavaScript returns to). */
  | { readonly kind: "suggested" };

/** A language the switcher offers, named in itself. */
export interface LanguageChoice {
  readonly code: Language;
  readonly name: string;
}

/** What rendering needs besides the view: texts, where the page lives, which parts are on. */
export interface PageContext {
  /** The page's language: its texts' and its links' (`texts.lang` is its BCP 47 tag). */
  readonly language: Language;
  readonly texts: PageTexts;
  /** What became of a question, in words (shared with the other channels). */
  readonly outcome: Messages["outcome"];
  /** The languages of the switcher, each in its own name, in the order shown. */
  readonly languages: readonly LanguageChoice[];
  /** `scheme://host[:port]` the page was requested at: permalinks and link previews are absolute. */
  readonly origin: string;
  /** 👍 / 👎 under answers (`POST /vote`). */
  readonly votes: boolean;
  /** "Suggest this question" on the no-answer state (`POST /question-suggestions`). */
  readonly suggestions: boolean;
  /** Link the API documentation in the footer (off when /docs needs a token). */
  readonly docsLink: boolean;
  /** Versioned asset URLs, so a new release's script is never mixed with an old page. */
  readonly assets: { readonly css: string; readonly js: string; readonly icon: string };
}

export interface PageModel {
  /** What the question box holds. */
  readonly query: string;
  /** The entry shown by its link (`?id=`), which the language switcher keeps. */
  readonly id?: string;
  readonly result: ResultView;
  readonly categories: readonly Category[];
  readonly entries: readonly ShownEntry[];
}

/** The result view for the answering service's reply. */
export function viewOfAnswer(query: string, answer: Reply): ResultView {
  const unsupported = answer.decision.unsupported;
  if (answer.answer !== null) {
    return { kind: "entry", entry: answer.answer, related: answer.related, unsupported };
  }
  if (answer.outcome === "out-of-scope") return { kind: "out-of-scope", query, unsupported };
  return { kind: "no-answer", query, suggestions: answer.related, unsupported };
}

/** Escapes a text, then fills its placeholders with HTML (values are inserted as given). */
function fillHtml(template: string, html: Readonly<Record<string, string>>): string {
  return fillText(escapeHtml(template), html);
}

/** Escapes a text after filling its placeholders with plain values. */
function fillEscaped(template: string, values: Readonly<Record<string, string | number>> = {}) {
  return escapeHtml(fillText(template, values));
}

/** The tab title of a view. */
export function titleOf(view: ResultView, texts: PageTexts): string {
  const own =
    view.kind === "entry"
      ? view.entry.entry.question
      : view.kind === "no-answer"
        ? texts.noAnswer.tabTitle
        : view.kind === "out-of-scope"
          ? texts.outOfScope.tabTitle
          : view.kind === "problem"
            ? texts.problems[view.problem].title
            : view.kind === "suggested"
              ? texts.suggest.thanksTitle
              : "";
  return own === "" ? texts.siteName : `${own}${texts.titleSeparator}${texts.siteName}`;
}

const PROBLEM_STATUS: Record<ProblemKind, number> = {
  unknownId: 404,
  notFound: 404,
  tooLong: 400,
  repeated: 400,
  invalid: 400,
  badForm: 400,
  otherSite: 403,
  rateLimited: 429,
  busy: 503,
  failed: 500,
};

/** The HTTP status a view is served with. */
export function statusOf(view: ResultView): number {
  if (view.kind !== "problem") return 200;
  return PROBLEM_STATUS[view.problem];
}

/** ` lang="en"` on an element whose text is not in the page's language (an untranslated entry). */
const langOf = (shown: ShownEntry, context: PageContext) =>
  shown.language === context.language ? "" : ` lang="${shown.language}"`;

/** A link to an entry, in the page's language (`&lang=` for all but English). */
const entryLink = (shown: ShownEntry, context: PageContext) =>
  `<a href="${escapeAttribute(entryPath(shown.entry.id, context.language))}" data-id="${escapeAttribute(shown.entry.id)}"${langOf(shown, context)}>${escapeHtml(shown.entry.question)}</a>`;

const linkList = (entries: readonly ShownEntry[], context: PageContext) =>
  `<ul class="links">${entries.map((e) => `<li>${entryLink(e, context)}</li>`).join("")}</ul>`;

/** The note above a reply to a question in a language the service does not speak. */
function unsupportedNote(view: { readonly unsupported?: boolean }, context: PageContext): string {
  if (view.unsupported !== true) return "";
  const names = context.languages.map((choice) => choice.name).join(", ");
  return `<p class="note">${escapeHtml(context.outcome.unsupportedLanguage(names))}</p>\n`;
}

/** The line a form leaves under its buttons once sent (what the script shows in place). */
export function renderFormStatus(text: string): string {
  return `<p class="form-status" role="status">${escapeHtml(text)}</p>`;
}

/** A problem as a form's status line (what the script shows when a post did not work). */
export function renderProblemStatus(
  problem: ProblemKind,
  texts: PageTexts,
  values: Readonly<Record<string, string | number>> = {},
): string {
  const { title, body } = texts.problems[problem];
  return `<p class="form-status problem" role="status"><strong>${escapeHtml(title)}</strong> ${fillEscaped(body, values)}</p>`;
}

/** The page's language in a form, so what the post answers speaks it too. */
function languageField(context: PageContext): string {
  return `<input type="hidden" name="lang" value="${context.language}">\n`;
}

function renderVote(id: string, voted: VoteOutcome | undefined, context: PageContext): string {
  const { texts } = context;
  return `<form class="vote" method="post" action="/vote" aria-labelledby="vote-prompt">
<input type="hidden" name="id" value="${escapeAttribute(id)}">
${languageField(context)}<span id="vote-prompt">${escapeHtml(texts.vote.prompt)}</span>
<button class="secondary" type="submit" name="vote" value="up">${escapeHtml(texts.vote.up)}</button>
<button class="secondary" type="submit" name="vote" value="down">${escapeHtml(texts.vote.down)}</button>
${voted === undefined ? '<p class="form-status" role="status"></p>' : renderFormStatus(texts.vote[voted])}
</form>`;
}

function renderShare(id: string, context: PageContext): string {
  const url = `${context.origin}${entryPath(id, context.language)}`;
  return `<div class="share">
<label for="permalink">${escapeHtml(context.texts.share.label)}</label>
<div class="row"><input id="permalink" class="permalink" type="url" value="${escapeAttribute(url)}" readonly>
<button class="secondary share-button" type="button" hidden></button></div>
<p class="form-status" role="status"></p>
</div>`;
}

function renderSuggest(query: string, context: PageContext): string {
  const { texts } = context;
  return `<form class="suggest" method="post" action="/question-suggestions">
${languageField(context)}<h3>${escapeHtml(texts.suggest.title)}</h3>
<p>${escapeHtml(texts.suggest.body)}</p>
<label for="suggestion">${escapeHtml(texts.suggest.label)}</label>
<div class="row"><input id="suggestion" name="question" type="text" value="${escapeAttribute(query)}" maxlength="500" required>
<button class="secondary" type="submit">${escapeHtml(texts.suggest.button)}</button></div>
<p class="form-status" role="status"></p>
</form>`;
}

/**
 * The result area alone: what the page's script swaps in without reloading. Its first element
 * carries the tab title (`data-title`) for the script to show.
 */
export function renderResult(view: ResultView, context: PageContext): string {
  const { texts } = context;
  const title = `data-title="${escapeAttribute(titleOf(view, texts))}"`;
  switch (view.kind) {
    case "empty":
      return "";
    case "problem": {
      const { title: heading, body } = texts.problems[view.problem];
      return `<div class="notice problem" data-problem="${view.problem}" ${title}><h2 tabindex="-1">${escapeHtml(heading)}</h2>
<p>${fillEscaped(body, view.values)}</p></div>`;
    }
    case "suggested":
      return `<div class="notice thanks" ${title}><h2 tabindex="-1">${escapeHtml(texts.suggest.thanksTitle)}</h2>
<p>${escapeHtml(texts.suggest.thanksBody)}</p></div>`;
    case "no-answer":
      return `<div class="notice no-answer" ${title}>${unsupportedNote(view, context)}<h2 tabindex="-1">${escapeHtml(texts.noAnswer.title)}</h2>
<p>${escapeHtml(texts.noAnswer.body)}</p>
${view.suggestions.length > 0 ? `<h3>${escapeHtml(texts.noAnswer.didYouMean)}</h3>${linkList(view.suggestions, context)}` : ""}
${context.suggestions ? renderSuggest(view.query, context) : ""}
<p><a href="#topics">${escapeHtml(texts.noAnswer.browseTopics)}</a></p></div>`;
    case "out-of-scope":
      return `<div class="notice out-of-scope" ${title}>${unsupportedNote(view, context)}<h2 tabindex="-1">${escapeHtml(texts.outOfScope.title)}</h2>
<p>${escapeHtml(context.outcome.outOfScope)}</p>
<p><a href="#topics">${escapeHtml(texts.noAnswer.browseTopics)}</a></p></div>`;
    case "entry": {
      const { entry, language } = view.entry;
      const { related } = view;
      const lang = langOf(view.entry, context);
      const untranslated =
        language === context.language
          ? ""
          : `<p class="note">${escapeHtml(context.outcome.untranslated)}</p>\n`;
      const sources = entry.sources
        .map(
          (url) =>
            `<a href="${escapeAttribute(url)}" rel="noopener noreferrer">${escapeHtml(sourceLabel(url))}</a>`,
        )
        .join(", ");
      const reviewed = `<time datetime="${escapeAttribute(entry.reviewed)}">${escapeHtml(entry.reviewed)}</time>`;
      return `<article class="answer" id="${escapeAttribute(entry.id)}" data-entry="${escapeAttribute(entry.id)}" ${title}>
${unsupportedNote(view, context)}${untranslated}<h2 tabindex="-1"${lang}>${escapeHtml(entry.question)}</h2>
<div class="body"${lang}>${markdownToHtml(entry.answer)}</div>
<p class="meta">${escapeHtml(texts.answer.sources)} ${sources}. ${fillHtml(texts.answer.lastReviewed, { date: reviewed })}</p>
${context.votes ? renderVote(entry.id, view.voted, context) : ""}
${renderShare(entry.id, context)}
${related.length > 0 ? `<nav aria-label="${escapeAttribute(texts.answer.related)}"><h3>${escapeHtml(texts.answer.related)}</h3>${linkList(related, context)}</nav>` : ""}
</article>`;
    }
  }
}

/** Link-preview tags (Open Graph): an answer shows its question and its opening. */
function renderPreview(view: ResultView, context: PageContext): string {
  const { texts } = context;
  const entry = view.kind === "entry" ? view.entry.entry : undefined;
  const title = entry?.question ?? texts.siteName;
  const description = entry === undefined ? texts.description : markdownSummary(entry.answer);
  const home = context.language === SOURCE_LANGUAGE ? "/" : `/?lang=${context.language}`;
  const url = `${context.origin}${entry === undefined ? home : entryPath(entry.id, context.language)}`;
  const meta = (property: string, content: string) =>
    `<meta property="${property}" content="${escapeAttribute(content)}">`;
  return [
    `<meta name="description" content="${escapeAttribute(description)}">`,
    `<link rel="canonical" href="${escapeAttribute(url)}">`,
    meta("og:site_name", texts.siteName),
    meta("og:type", entry === undefined ? "website" : "article"),
    meta("og:title", title),
    meta("og:description", description),
    meta("og:url", url),
    meta("og:locale", texts.ogLocale),
    `<meta name="twitter:card" content="summary">`,
  ].join("\n");
}

/** The script's texts, as JSON that is safe inside a `<script>` element. */
function scriptData(context: PageContext): string {
  const { texts } = context;
  const data = {
    siteName: texts.siteName,
    titleSeparator: texts.titleSeparator,
    // What entry links carry as `lang` on this page (none in English), for the ones it makes.
    linkLanguage: context.language === SOURCE_LANGUAGE ? null : context.language,
    texts: texts.script,
  };
  return JSON.stringify(data).replace(/</g, "\\u003c");
}

/**
 * The language switcher: a plain form (`GET /?lang=`) that keeps what the page shows, so it works
 * without JavaScript; the script submits it when the choice changes.
 */
function renderLanguageSwitcher(model: PageModel, context: PageContext): string {
  const { texts } = context;
  const options = context.languages
    .map(
      ({ code, name }) =>
        `<option value="${code}" lang="${code}"${code === context.language ? " selected" : ""}>${escapeHtml(name)}</option>`,
    )
    .join("");
  const keep = (name: string, value: string | undefined) =>
    value === undefined || value === ""
      ? ""
      : `<input type="hidden" name="${name}" value="${escapeAttribute(value)}">`;
  // What is shown first, so the address reads like an entry's link: /?id=<id>&lang=<code>.
  return `<form class="language" action="/" method="get">
${keep("q", model.id === undefined ? model.query : undefined)}${keep("id", model.id)}<label for="language">${escapeHtml(texts.languageSwitcher.label)}</label>
<input type="hidden" name="remember" value="1">
<select id="language" name="lang">${options}</select>
<button class="secondary" type="submit">${escapeHtml(texts.languageSwitcher.apply)}</button>
</form>`;
}

/** The whole page, rendered on the server so it works without JavaScript. */
export function renderPage(model: PageModel, context: PageContext): string {
  const { texts, assets } = context;
  const topics = model.categories
    .map((category) => {
      const entries = model.entries.filter((e) => e.entry.category === category.id);
      return `<details><summary><span class="topic">${escapeHtml(category.title)}</span> <span class="hint">${escapeHtml(category.description)}</span></summary>
${linkList(entries, context)}</details>`;
    })
    .join("\n");
  const docs = context.docsLink
    ? ` ${escapeHtml(texts.footerDevelopers)} <a href="/docs">${escapeHtml(texts.docsLink)}</a>.`
    : "";
  return `<!doctype html>
<html lang="${escapeAttribute(texts.lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(titleOf(model.result, texts))}</title>
${renderPreview(model.result, context)}
<link rel="icon" href="${escapeAttribute(assets.icon)}" type="image/svg+xml">
<link rel="stylesheet" href="${escapeAttribute(assets.css)}">
<script type="application/json" id="page-data">${scriptData(context)}</script>
<script src="${escapeAttribute(assets.js)}" defer></script>
</head>
<body>
<a class="skip" href="#q">${escapeHtml(texts.skipLink)}</a>
<header>${renderLanguageSwitcher(model, context)}
<h1><a href="/">${escapeHtml(texts.siteName)}</a></h1>
<p>${escapeHtml(texts.intro)}</p></header>
<main>
<form class="ask" role="search" action="/" method="get">
<label for="q">${escapeHtml(texts.questionLabel)}</label>
<div class="row">
<div class="combo">
<input id="q" name="q" type="search" value="${escapeAttribute(model.query)}" maxlength="500" autocomplete="off" spellcheck="true" placeholder="${escapeAttribute(texts.questionPlaceholder)}" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="suggestions" required>
<ul id="suggestions" role="listbox" aria-label="${escapeAttribute(texts.suggestionsLabel)}" hidden></ul>
</div>
<button type="submit">${escapeHtml(texts.askButton)}</button>
</div>
</form>
<section id="result" aria-live="polite">${renderResult(model.result, context)}</section>
<section id="topics" aria-labelledby="topics-title"><h2 id="topics-title">${escapeHtml(texts.topicsTitle)}</h2>
${topics}
</section>
</main>
<footer><p>${escapeHtml(texts.footer)}${docs}</p></footer>
</body>
</html>`;
}
