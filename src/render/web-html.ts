import { Marked } from "marked";
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
