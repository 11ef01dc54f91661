import { Lexer, type Token, type Tokens } from "marked";

/** Telegram's hard limit for one message's text. */
export const TELEGRAM_MESSAGE_LIMIT = 4096;

/** Escapes text for Telegram's HTML parse mode (only these three characters are special). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/**
 * Renders FAQ Markdown to the HTML subset Telegram accepts (b, i, s, code, pre, a, blockquote).
 * Everything else degrades to text: headings become bold lines, list items get bullets, images
 * become their alt text, raw HTML is shown escaped. Every piece of text is escaped, so the
 * result can never fail with "can't parse entities".
 */
export function markdownToTelegramHtml(markdown: string): string {
  const blocks = new Lexer().lex(markdown);
  return renderBlocks(blocks).trim();
}

function renderBlocks(tokens: readonly Token[]): string {
  const parts: string[] = [];
  for (const token of tokens) {
    const rendered = renderBlock(token);
    if (rendered !== "") parts.push(rendered);
  }
  return parts.join("\n\n");
}

function renderBlock(token: Token): string {
  switch (token.type) {
    case "paragraph":
    case "text":
      return renderInline((token as Tokens.Paragraph).tokens ?? [], token.raw);
    case "heading":
      return `<b>${renderInline((token as Tokens.Heading).tokens, token.raw)}</b>`;
    case "list": {
      const list = token as Tokens.List;
      const start = typeof list.start === "number" ? list.start : 1;
      return list.items
        .map((item, index) => {
          const bullet = list.ordered ? `${start + index}.` : "•";
          return `${bullet} ${renderListItem(item)}`;
        })
        .join("\n");
    }
    case "blockquote":
      return `<blockquote>${renderBlocks((token as Tokens.Blockquote).tokens)}</blockquote>`;
    case "code":
      return `<pre>${escapeHtml((token as Tokens.Code).text)}</pre>`;
    case "hr":
      return "———";
    case "space":
      return "";
    default:
      return escapeHtml(token.raw.trim());
  }
}

function renderListItem(item: Tokens.ListItem): string {
  return item.tokens
    .map((child) =>
      child.type === "text" && "tokens" in child && child.tokens
        ? renderInline(child.tokens, child.raw)
        : renderBlock(child),
    )
    .filter((part) => part !== "")
    .join("\n");
}

function renderInline(tokens: readonly Token[], fallback: string): string {
  if (tokens.length === 0) return escapeHtml(fallback);
  return tokens.map(renderInlineToken).join("");
}

function renderInlineToken(token: Token): string {
  switch (token.type) {
    case "strong":
      return `<b>${renderInline((token as Tokens.Strong).tokens, token.raw)}</b>`;
    case "em":
      return `<i>${renderInline((token as Tokens.Em).tokens, token.raw)}</i>`;
    case "del":
      return `<s>${renderInline((token as Tokens.Del).tokens, token.raw)}</s>`;
    case "codespan":
      return `<code>${escapeHtml((token as Tokens.Codespan).text)}</code>`;
    case "br":
      return "\n";
    case "link": {
      const link = token as Tokens.Link;
      const label = renderInline(link.tokens, link.text);
      return isSafeUrl(link.href) ? `<a href="${escapeAttribute(link.href)}">${label}</a>` : label;
    }
    case "image":
      return escapeHtml((token as Tokens.Image).text);
    case "text": {
      const text = token as Tokens.Text;
      return text.tokens
        ? renderInline(text.tokens, text.raw)
        : escapeHtml(decodeEntities(text.text));
    }
    case "escape":
      return escapeHtml((token as Tokens.Escape).text);
    default:
      return escapeHtml(token.raw);
  }
}

function isSafeUrl(href: string): boolean {
  return /^(https?:\/\/|tg:\/\/)/i.test(href);
}

function escapeAttribute(value: string): string {
  return escapeHtml(value).replace(/"/g, "&quot;");
}

/** marked encodes a few characters in text tokens; undo that before escaping once ourselves. */
function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

/**
 * Splits a rendered message into parts of at most `limit` characters, at paragraph boundaries
 * (then line boundaries, then spaces) so no HTML tag is cut in half. Rendered paragraphs never
 * span a blank line, so each part is valid HTML on its own.
 */
export function splitMessage(html: string, limit = TELEGRAM_MESSAGE_LIMIT): string[] {
  if (html.length <= limit) return [html];
  const parts: string[] = [];
  let current = "";
  for (const paragraph of html.split("\n\n")) {
    const pieces = paragraph.length <= limit ? [paragraph] : splitLongParagraph(paragraph, limit);
    for (const piece of pieces) {
      const candidate = current === "" ? piece : `${current}\n\n${piece}`;
      if (candidate.length <= limit) current = candidate;
      else {
        if (current !== "") parts.push(current);
        current = piece;
      }
    }
  }
  if (current !== "") parts.push(current);
  return parts;
}

/** Last resort for a single paragraph longer than a message: cut between words, tags closed. */
function splitLongParagraph(paragraph: string, limit: number): string[] {
  const plain = paragraph.replace(/<[^>]+>/g, "");
  const pieces: string[] = [];
  let rest = plain;
  while (rest.length > limit) {
    let cut = rest.lastIndexOf(" ", limit);
    if (cut <= 0) cut = limit;
    // Never cut inside an entity such as &amp;
    const amp = rest.lastIndexOf("&", cut);
    if (amp !== -1 && rest.indexOf(";", amp) >= cut) cut = amp;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== "") pieces.push(rest);
  return pieces;
}
