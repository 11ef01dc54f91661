import { describe, expect, it } from "vitest";
import * as format from "../../src/bot/format.js";
import type { FaqEntry } from "../../src/faq/types.js";
import { en } from "../../src/i18n/locales/en.js";
import { CATALOG_LANGUAGES, messagesFor } from "../../src/i18n/messages.js";
import { LANGUAGES } from "../../src/text/languages.js";
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
      expectValid(format.entryMessage(en.bot, entry));
      expectValid(format.compactEntryMessage(en.bot, entry));
      expectValid(format.deepLinkEntryMessage(en.bot, entry));
      expect(format.answerSnippet(entry)).not.toMatch(/<|&(amp|lt|gt);/);
    }
  });

  it("escapes every piece of text, even hostile questions, sources and Markdown", () => {
    for (const html of [
      format.entryMessage(en.bot, hostile),
      format.compactEntryMessage(en.bot, hostile),
      format.deepLinkEntryMessage(en.bot, hostile),
    ]) {
      expectValid(html);
      expect(html).not.toContain("<script>");
      expect(html).not.toContain("javascript:");
    }
  });

  it.each(LANGUAGES)("every text of the bot in %s is valid Telegram HTML", async (language) => {
    const engine = await sharedEngine();
    const t = messagesFor(language).bot;
    const texts = [
      format.welcomeMessage(t, engine.categories, engine.entries.length),
      format.helpMessage(t, "Some_Bot"),
      format.groupIntroMessage(t, "Some_Bot"),
      format.privacyMessage(t, 30),
      format.privacyMessage(t, 1),
      format.topicsMessage(t),
      ...engine.categories.map((c) => format.categoryMessage(t, c)),
      format.categoryMessage(t, { id: "x", title: "<Tricky & title>", description: "a > b" }),
      format.noAnswerMessage(t, true),
      format.noAnswerMessage(t, false),
      format.groupNoAnswerMessage(t, true),
      format.groupNoAnswerMessage(t, false),
      format.entryMessage(t, hostile),
      format.compactEntryMessage(t, hostile),
      t.askUsage,
      t.groupEmptyQuestion,
      t.textOnly,
      t.unknownCommand,
      t.unknownDeepLink,
      t.topics.inGroup,
      ...Object.values(t.smallTalk),
      t.language.prompt("Español"),
      t.language.chosen("Español"),
      t.language.forgotten,
      t.inline.noAnswerMessage,
    ];
    for (const text of texts) expectValid(text);
    // Telegram's own limits on what the bot registers.
    expect(t.description.length).toBeLessThanOrEqual(512);
    expect(t.shortDescription.length).toBeLessThanOrEqual(120);
    for (const description of Object.values(t.commands)) {
      expect(description.length).toBeGreaterThanOrEqual(3);
      expect(description.length).toBeLessThanOrEqual(256);
    }
  });

  it("every catalog is written for its own language, not a copy of English", () => {
    for (const language of CATALOG_LANGUAGES.filter((l) => l !== "en")) {
      const t = messagesFor(language);
      expect(t.bot.welcome.prompt, language).not.toBe(en.bot.welcome.prompt);
      expect(t.page.askButton === en.page.askButton && t.page.intro === en.page.intro).toBe(false);
      expect(t.page.lang.startsWith(language), language).toBe(true);
    }
  });

  it("cuts button labels at a word boundary, never mid-word", () => {
    const label = format.shortenAtWord(
      "Can someone read my WhatsApp chats from another phone or computer?",
      40,
    );
    expect(label).toBe("Can someone read my WhatsApp chats…");
    expect(format.shortenAtWord("short", 40)).toBe("short");
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
