import { escapeHtml, markdownToTelegramHtml } from "./telegram-html.js";

/** What rendering an entry needs (a FAQ entry has all of it). */
export interface RenderableEntry {
  readonly question: string;
  /** Markdown. */
  readonly answer: string;
  readonly sources: readonly string[];
  readonly reviewed: string;
}

/** "https://faq.whatsapp.com/..." -> "faq.whatsapp.com": sources shown compactly. */
export function sourceLabel(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, "");
  } catch {
    return url;
  }
}

/** The words around an answer, in the reader's language (Telegram HTML). */
export interface EntryLabels {
  readonly sources: string;
  readonly lastReviewed: (date: string) => string;
  readonly unofficial: string;
}

const ENGLISH_LABELS: EntryLabels = {
  sources: "Sources:",
  lastReviewed: (date) => `Last reviewed ${date}.`,
  unofficial: "Unofficial: not affiliated with WhatsApp or Meta.",
};

/**
 * The full Telegram message for an entry: the question in bold, the answer, then compact source
 * links and the review date. `faq:check` makes sure this fits one Telegram message.
 */
export function formatEntryForTelegram(
  entry: RenderableEntry,
  labels: EntryLabels = ENGLISH_LABELS,
): string {
  const sources = entry.sources
    .map(
      (url) =>
        `<a href="${escapeHtml(url).replace(/"/g, "&quot;")}">${escapeHtml(sourceLabel(url))}</a>`,
    )
    .join(" · ");
  return [
    `<b>${escapeHtml(entry.question)}</b>`,
    markdownToTelegramHtml(entry.answer),
    `<i>${labels.sources}</i> ${sources}\n<i>${labels.lastReviewed(escapeHtml(entry.reviewed))} ${labels.unofficial}</i>`,
  ].join("\n\n");
}
