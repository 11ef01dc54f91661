import { describe, expect, it } from "vitest";
import { formatEntryForTelegram, sourceLabel } from "../../src/render/answer.js";
import { markdownToTelegramHtml, splitMessage } from "../../src/render/telegram-html.js";
import { realKnowledgeBase } from "../support/knowledge-base.js";

/** Only Telegram's tags, balanced; every < & > outside tags escaped. */
export function isTelegramHtml(html: string): boolean {
  const stack: string[] = [];
  const tag = /<(\/?)([a-z]+)(?:\s+href="[^"<>]*")?>/g;
  let last = 0;
  for (const match of html.matchAll(tag)) {
    if (
      /[<>]/.test(html.slice(last, match.index)) ||
      /&(?!amp;|lt;|gt;|quot;)/.test(html.slice(last, match.index))
    )
      return false;
    last = match.index + match[0].length;
    const [, closing, name] = match;
    if (!["b", "i", "s", "u", "code", "pre", "a", "blockquote"].includes(name!)) return false;
    if (closing) {
      if (stack.pop() !== name) return false;
    } else stack.push(name!);
  }
  const rest = html.slice(last);
  return stack.length === 0 && !/[<>]/.test(rest) && !/&(?!amp;|lt;|gt;|quot;)/.test(rest);
}

describe("markdownToTelegramHtml", () => {
  it("renders emphasis, lists and paragraphs in Telegram's subset", () => {
    expect(markdownToTelegramHtml("**Yes.** It is *encrypted*.\n\n- one\n- two")).toBe(
      "<b>Yes.</b> It is <i>encrypted</i>.\n\n• one\n• two",
    );
  });

  it("escapes everything that is text, including raw HTML", () => {
    const html = markdownToTelegramHtml('Use <script>alert("x")</script> & a < b > c');
    expect(html).not.toContain("<script>");
    expect(html).toContain("&amp;");
    expect(isTelegramHtml(html)).toBe(true);
  });

  it("keeps http links and drops unsafe ones", () => {
    expect(markdownToTelegramHtml("[site](https://example.com/?a=1&b=2)")).toBe(
      '<a href="https://example.com/?a=1&amp;b=2">site</a>',
    );
    expect(markdownToTelegramHtml("[x](javascript:alert(1))")).toBe("x");
  });

  it("renders every real entry as valid Telegram HTML", async () => {
    for (const entry of (await realKnowledgeBase()).entries) {
      expect(isTelegramHtml(formatEntryForTelegram(entry)), entry.id).toBe(true);
    }
  });
});

describe("splitMessage", () => {
  it("leaves short messages whole", () => {
    expect(splitMessage("short")).toEqual(["short"]);
  });

  it("splits at paragraph boundaries, each part within the limit and valid", () => {
    const paragraph = `<b>Title</b> ${"word ".repeat(150).trim()}`;
    const html = Array.from({ length: 8 }, () => paragraph).join("\n\n");
    const parts = splitMessage(html, 2000);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(2000);
      expect(isTelegramHtml(part)).toBe(true);
    }
    expect(parts.join("\n\n")).toBe(html);
  });

  it("cuts a single over-long paragraph between words without breaking entities", () => {
    const parts = splitMessage(`${"a &amp; b ".repeat(1000)}`, 4096);
    for (const part of parts) {
      expect(part.length).toBeLessThanOrEqual(4096);
      expect(isTelegramHtml(part)).toBe(true);
    }
  });
});

describe("sourceLabel", () => {
  it("shows the host name", () => {
    expect(sourceLabel("https://www.whatsapp.com/legal/privacy-policy")).toBe("whatsapp.com");
    expect(sourceLabel("not a url")).toBe("not a url");
  });
});
