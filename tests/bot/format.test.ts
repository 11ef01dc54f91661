import { describe, expect, it } from "vitest";
import * as format from "../../src/bot/format.js";
import type { FaqEntry } from "../../src/faq/types.js";
import { sharedEngine } from "../support/bot-harness.js";
import { checkTelegramHtml } from "../support/telegram-html.js";

const hostile: FaqEntry = {
  id: "hostile",
  question: 'Is <script>alert("x")</script> & "quoted" safe?',
  short: "<b>Hostile</b> & co",
  alternates: [],
  category: "about",
  tags: [],
  related: [],
  sources: ['https://example.com/a?b=1&c="2"<x>'],
  reviewed: "2026-01-01",
  answer:
    "Use `<b>` & **bold** <i>raw html</i> and [a link](javascript:alert(1)) or [ok](https://example.com?a=1&b=2).\n\n> quoted & <odd>",
};

function expectValid(html: string): void {
  expect(checkTelegramHtml(html).errors).toEqual([]);
}

describe("message texts", () => {
  it("every entry of the real FAQ renders to valid Telegram HTML in every form", async () => {
    const engine = await sharedEngine();
    for (const entry of engine.entries) {
      expectValid(format.entryMessage(entry));
      expectValid(format.compactEntryMessage(entry));
      expectValid(format.deepLinkEntryMessage(entry));
      expect(format.answerSnippet(entry)).not.toMatch(/<|&(amp|lt|gt);/);
    }
  });

  it("escapes every piece of text, even hostile questions, sources and Markdown", () => {
    for (const html of [
      format.entryMessage(hostile),
      format.compactEntryMessage(hostile),
      format.deepLinkEntryMessage(hostile),
    ]) {
      expectValid(html);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("javascript:");
    }
  });

  it("static texts are valid HTML", async () => {
    const engine = await sharedEngine();
    const texts = [
      format.welcomeMessage(engine.categories, engine.entries.length),
      format.helpMessage("Some_Bot"),
      format.groupIntroMessage("Some_Bot"),
      format.privacyMessage(30),
      format.topicsMessage(),
      ...engine.categories.map((c) => format.categoryMessage(c)),
      format.categoryMessage({ id: "x", title: "<Tricky & title>", description: "a > b" }),
      format.noAnswerMessage(true),
      format.noAnswerMessage(false),
      format.groupNoAnswerMessage(true),
      format.groupNoAnswerMessage(false),
      format.askUsageMessage(),
      format.groupEmptyQuestionMessage(),
      format.textOnlyMessage(),
      format.unknownCommandMessage(),
      format.unknownDeepLinkMessage(),
      format.groupTopicsMessage(),
    ];
    for (const text of texts) expectValid(text);
  });

  it("fitOneMessage keeps a long text within one message, cut at a paragraph", () => {
    const html = Array.from({ length: 100 }, (_, i) => `<b>Part ${i}</b> ${"x".repeat(80)}`).join(
      "\n\n",
    );
    const fitted = format.fitOneMessage(html);
    expect(fitted.length).toBeLessThanOrEqual(4096);
    expect(fitted.endsWith("…")).toBe(true);
    expectValid(fitted);
    expect(format.fitOneMessage("short")).toBe("short");
  });

  it("clips questions and truncates labels by characters, not UTF-16 halves", () => {
    expect(format.clipQuestion(`  ${"a".repeat(600)}  `)).toHaveLength(format.MAX_QUESTION_LENGTH);
    expect(format.truncate("🙂".repeat(10), 5)).toBe("🙂🙂🙂🙂…");
  });
});
