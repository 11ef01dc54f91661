/**
 * A strict checker of Telegram's HTML parse mode, stricter than Telegram itself: if a text
 * passes here, Telegram will not answer "can't parse entities". Rules (from the Bot API's
 * "HTML style" section): only the supported tags, properly nested and closed; every `<`, `>`
 * and `&` outside a tag written as an entity; only the named entities `&lt; &gt; &amp; &quot;`
 * and numeric ones; no entities nested where Telegram forbids them (in `pre`/`code`, `a` in
 * `a`, `blockquote` in `blockquote`).
 */

/** Result of {@link checkTelegramHtml}. */
export interface HtmlCheck {
  /** Problems found; empty when Telegram would accept the text. */
  readonly errors: string[];
  /** The text as Telegram would show it (tags removed, entities decoded). */
  readonly text: string;
}

const SIMPLE_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "tg-spoiler",
  "pre",
]);
const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

/** Checks one HTML text; see the file comment for the rules. */
export function checkTelegramHtml(html: string): HtmlCheck {
  const errors: string[] = [];
  const stack: string[] = [];
  let text = "";
  let i = 0;
  const fail = (message: string) =>
    errors.push(`${message} at byte offset ${i}: ${JSON.stringify(html.slice(i, i + 30))}`);

  while (i < html.length) {
    const char = html[i]!;
    if (char === "<") {
      const match =
        /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[a-zA-Z-]+(?:\s*=\s*(?:"[^"<>]*"|'[^'<>]*'))?)*)\s*>/.exec(
          html.slice(i),
        );
      if (match === null) {
        fail("unsupported start tag or bare <");
        i += 1;
        continue;
      }
      const [whole, closing, rawName, rawAttributes] = match;
      const name = rawName!.toLowerCase();
      if (closing) {
        if (rawAttributes!.trim() !== "") fail(`closing tag </${name}> with attributes`);
        const open = stack.pop();
        if (open !== name)
          fail(`</${name}> closes ${open === undefined ? "nothing" : `<${open}>`}`);
      } else {
        const problem = checkOpeningTag(name, parseAttributes(rawAttributes!), stack);
        if (problem !== undefined) fail(problem);
        stack.push(name);
      }
      i += whole!.length;
      continue;
    }
    if (char === "&") {
      const match = /^&(?:(lt|gt|amp|quot)|#(\d{1,7})|#x([0-9a-fA-F]{1,6}));/.exec(html.slice(i));
      if (match === null) {
        fail("& that does not start a supported entity");
        i += 1;
        continue;
      }
      const [whole, named, decimal, hex] = match;
      text += named
        ? NAMED_ENTITIES[named]
        : String.fromCodePoint(Number.parseInt(decimal ?? hex!, decimal ? 10 : 16));
      i += whole!.length;
      continue;
    }
    if (char === ">") fail("bare > (must be &gt;)");
    text += char;
    i += 1;
  }
  if (stack.length > 0)
    errors.push(`unclosed tags at the end: ${stack.map((t) => `<${t}>`).join(" ")}`);
  if (text.trim() === "") errors.push("message text is empty");
  return { errors, text };
}

function parseAttributes(raw: string): Map<string, string | true> {
  const attributes = new Map<string, string | true>();
  for (const match of raw.matchAll(/([a-zA-Z-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'))?/g)) {
    attributes.set(match[1]!.toLowerCase(), match[2] ?? match[3] ?? true);
  }
  return attributes;
}

function checkOpeningTag(
  name: string,
  attributes: Map<string, string | true>,
  stack: readonly string[],
): string | undefined {
  const inside = (tag: string) => stack.includes(tag);
  if (inside("code") || (inside("pre") && name !== "code"))
    return `<${name}> inside <pre>/<code> is not allowed`;
  const only = (...allowed: string[]) => {
    const extra = [...attributes.keys()].filter((key) => !allowed.includes(key));
    return extra.length > 0
      ? `<${name}> with unsupported attribute ${extra.join(", ")}`
      : undefined;
  };
  if (SIMPLE_TAGS.has(name)) return only();
  switch (name) {
    case "span":
      return attributes.get("class") === "tg-spoiler"
        ? only("class")
        : '<span> needs class="tg-spoiler"';
    case "a": {
      if (inside("a")) return "<a> inside <a>";
      const href = attributes.get("href");
      if (typeof href !== "string" || !/^(https?:\/\/|tg:\/\/|mailto:)/i.test(href))
        return "<a> needs an http(s)/tg/mailto href";
      if (/&(?!(lt|gt|amp|quot|#\d+|#x[0-9a-fA-F]+);)/.test(href)) return "<a href> with a bare &";
      return only("href");
    }
    case "code":
      if (attributes.has("class") && stack[stack.length - 1] !== "pre")
        return "<code class> only directly inside <pre>";
      return only("class");
    case "blockquote":
      if (inside("blockquote")) return "<blockquote> inside <blockquote>";
      return only("expandable");
    case "tg-emoji":
      return typeof attributes.get("emoji-id") === "string"
        ? only("emoji-id")
        : "<tg-emoji> needs emoji-id";
    default:
      return `unsupported tag <${name}>`;
  }
}

/** Telegram counts message length in UTF-16 code units of the visible text. */
export const TELEGRAM_TEXT_LIMIT = 4096;
