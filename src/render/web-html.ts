import { Marked, type Token, type Tokens } from "marked";
import { escapeHtml } from "./telegram-html.js";

/** Escapes text for an HTML attribute or element. */
export function escapeAttribute(text: string): string {
  return escapeHtml(text).replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

// FAQ answers are reviewed content, but raw HTML in them is still shown as text, never markup.
const marked = new Marked({
  gfm: true,
  renderer: {
    html: ({ text }) => escapeHtml(text),
    link: ({ href, text }) =>
      /^https?:\/\//i.test(href)
        ? `<a href="${escapeAttribute(href)}" rel="noopener noreferrer">${escapeHtml(text)}</a>`
        : escapeHtml(text),
    image: ({ text }) => escapeHtml(text),
  },
});

/** Renders FAQ Markdown to HTML for the web page. */
export function markdownToHtml(markdown: string): string {
  return marked.parse(markdown, { async: false });
}

/** A token's visible text: its children's, or its own `text` (links, emphasis and code alike). */
function plainText(token: Token): string {
  if (token.type === "list")
    return (token as Tokens.List).items.map((item) => plainText(item).trim()).join("; ");
  if ("tokens" in token && Array.isArray(token.tokens))
    return (token.tokens as Token[]).map(plainText).join("");
  if (token.type === "br" || token.type === "space") return " ";
  return "text" in token && typeof token.text === "string" ? token.text : "";
}

/**
 * The opening of FAQ Markdown as plain text (no markup, entities decoded): its first paragraph,
 * with what follows when that is short (a list it introduces), cut at a word to at most
 * `maxLength` characters with an ellipsis. What a link preview shows.
 */
export function markdownSummary(markdown: string, maxLength = 200): string {
  let text = "";
  for (const block of marked.lexer(markdown)) {
    if (text.length >= maxLength / 2) break;
    text += ` ${plainText(block)}`;
  }
  text = decodeEntities(text).replace(/\s+/g, " ").trim();
  if (text.length <= maxLength) return text;
  const cut = text.slice(0, maxLength - 1);
  const atWord = cut.slice(0, Math.max(cut.lastIndexOf(" "), maxLength / 2));
  return `${atWord.replace(/[\s,;:.]+$/, "")}…`;
}

/** The few entities marked writes into token text (it escapes `&<>"'` in code spans). */
function decodeEntities(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_whole, name: string) =>
    name === "amp" ? "&" : name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : "'",
  );
}
