import { describe, expect, it } from "vitest";
import { KnowledgeBaseError, parseKnowledgeBase } from "../../src/faq/loader.js";
import { realKnowledgeBase } from "../support/knowledge-base.js";

const CATEGORIES = "- id: encryption\n  title: Encryption\n  description: Who can read what.\n";
const THESAURUS = "facebook: [fb, meta]\n";
const ANSWER = "Yes. ".repeat(70).trim(); // 349 characters

function entry(id: string, overrides: Record<string, string> = {}): string {
  const fields: Record<string, string> = {
    id,
    question: `What about ${id}?`,
    short: `About ${id}`,
    alternates: `[${[1, 2, 3, 4, 5, 6, 7, 8].map((n) => `"${id} way ${n}"`).join(", ")}]`,
    category: "encryption",
    tags: "[privacy]",
    related: "[]",
    sources: "[https://faq.whatsapp.com/1234567890]",
    reviewed: "2026-11-29",
    ...overrides,
  };
  const front = Object.entries(fields)
    .filter(([key, value]) => value !== "<omit>" && key !== "body")
    .map(([key, value]) => `${key}: ${value}`)
    .join("\n");
  return `---\n${front}\n---\n${overrides.body ?? ANSWER}\n`;
}

function files(entries: Record<string, string>, extra: Record<string, string> = {}) {
  return new Map(
    Object.entries({
      "categories.yaml": CATEGORIES,
      "thesaurus.yaml": THESAURUS,
      ...entries,
      ...extra,
    }),
  );
}

function problemsOf(input: Map<string, string>): string[] {
  try {
    parseKnowledgeBase(input);
  } catch (error) {
    expect(error).toBeInstanceOf(KnowledgeBaseError);
    return (error as KnowledgeBaseError).problems.map(
      (p) => `${p.file} [${p.field ?? ""}] ${p.message}`,
    );
  }
  throw new Error("expected the knowledge base to be rejected");
}

describe("parseKnowledgeBase", () => {
  it("accepts a valid knowledge base", () => {
    const kb = parseKnowledgeBase(
      files({ "one.md": entry("one", { related: "[two]" }), "two.md": entry("two") }),
    );
    expect(kb.entries.map((e) => e.id)).toEqual(["one", "two"]);
    expect(kb.entries[0]!.answer).toBe(ANSWER);
    expect(kb.entries[0]!.reviewed).toBe("2026-11-29");
    expect(kb.thesaurus).toEqual([{ canonical: "facebook", synonyms: ["fb", "meta"] }]);
    expect(kb.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it("changes version when any file changes", () => {
    const a = parseKnowledgeBase(files({ "one.md": entry("one") }));
    const b = parseKnowledgeBase(files({ "one.md": entry("one", { question: "Changed?" }) }));
    expect(a.version).not.toBe(b.version);
  });

  it.each([
    ["a missing field", { question: "<omit>" }, "one.md [question] is required"],
    ["an empty field", { question: '""' }, "one.md [question] must not be empty"],
    ["too few alternates", { alternates: "[a, b]" }, "one.md [alternates] needs at least 8"],
    ["no sources", { sources: "[]" }, "one.md [sources] needs at least one source"],
    ["a bad source URL", { sources: "[not-a-url]" }, "one.md [sources.0]"],
    ["a bad date", { reviewed: "yesterday" }, "one.md [reviewed] must be a date"],
    ["an id that is not the file name", { id: "other" }, "one.md [id]"],
    ["an unknown category", { category: "cooking" }, "one.md [category]"],
    [
      "a related id that does not exist",
      { related: "[ghost]" },
      'one.md [related] "ghost" is not an existing entry id',
    ],
    ["an unknown field", { colour: "blue" }, "one.md [colour] unknown field"],
    ["a short answer", { body: "Too short." }, "one.md [answer] is 10 characters"],
    ["a long answer", { body: "x".repeat(901) }, "one.md [answer] is 901 characters"],
  ])("names the file and field for %s", (_label, overrides, expected) => {
    const problems = problemsOf(
      files({ "one.md": entry("one", overrides as Record<string, string>) }),
    );
    expect(problems.join("\n")).toContain(expected);
  });

  it("rejects malformed front matter", () => {
    const problems = problemsOf(files({ "one.md": "---\nid: [unclosed\n---\nbody" }));
    expect(problems[0]).toMatch(/^one\.md \[\] malformed front matter/);
    expect(problemsOf(files({ "one.md": "no front matter at all" }))[0]).toContain(
      "malformed front matter",
    );
  });

  it("rejects alternates that collide across entries, after normalisation", () => {
    const problems = problemsOf(
      files({
        "one.md": entry("one", { alternates: '["Can FB see?", b, c, d, e, f, g1, h1]' }),
        "two.md": entry("two", { alternates: '["can fb see", g, h, i, j, k, l1, m1]' }),
      }),
    );
    expect(problems.join("\n")).toContain(
      'two.md [alternates] "can fb see" collides with a phrasing of one',
    );
  });

  it("rejects an answer too long for one Telegram message once formatted", () => {
    // 900 characters of "&" become 4,500 of "&amp;" in Telegram HTML: within 900, over 4096.
    const problems = problemsOf(files({ "one.md": entry("one", { body: "&".repeat(900) }) }));
    expect(problems.join("\n")).toMatch(
      /one\.md \[answer\] formatted for Telegram it is \d+ characters/,
    );
  });

  it("validates the thesaurus", () => {
    const problems = problemsOf(
      files(
        { "one.md": entry("one") },
        { "thesaurus.yaml": "facebook: [fb]\nmeta: [fb]\nTwo Words: [x]\n" },
      ),
    );
    expect(problems.join("\n")).toContain(
      'thesaurus.yaml [meta] "fb" is also a synonym of "facebook"',
    );
    expect(problems.join("\n")).toContain("thesaurus.yaml [Two Words]");
  });

  it("validates services.yaml: WhatsApp's names one word each, none in both lists, and a topic to decline as", () => {
    const problems = problemsOf(
      files(
        { "one.md": entry("one") },
        {
          "services.yaml":
            "whatsapp: [whatsapp, wa, whats app]\nothers: [snapchat, google pay, WA, '?!', [instagram, insta gram]]\n",
        },
      ),
    );
    expect(problems).toContain(
      'services.yaml [whatsapp] "whats app" must be one word: WhatsApp\'s names are matched word by word',
    );
    // Other services' names may be several words, matched in a row.
    expect(problems.join("\n")).not.toContain("google pay");
    expect(problems.join("\n")).not.toContain("insta gram");
    expect(problems).toContain('services.yaml [others] "?!" has no word to match');
    expect(problems).toContain(
      'services.yaml [others] "WA" names WhatsApp ("wa"), so it can never name another service',
    );
    const lone = problemsOf(
      files({ "one.md": entry("one") }, { "services.yaml": "whatsapp: [wa]\nothers: [[insta]]\n" }),
    );
    expect(lone.join("\n")).toContain("a list of names needs at least two");
    expect(problems.join("\n")).toContain('out-of-scope.yaml [] needs the topic "other-apps"');
  });

  it("validates services.yaml's accounts and WhatsApp's things: no WhatsApp name, one word each", () => {
    const problems = problemsOf(
      files(
        { "one.md": entry("one") },
        {
          "services.yaml":
            "whatsapp: [whatsapp, wa]\nothers: []\naccounts: [[akun wa, akun fb]]\n" +
            "whatsappThings: {en: [chat, copy of backup]}\n",
        },
      ),
    );
    expect(problems).toContain(
      'services.yaml [accounts] "akun wa" names WhatsApp ("wa"), so it can never name another service',
    );
    expect(problems).toContain(
      'services.yaml [whatsappThings.en] "copy of backup" must be one word: things are read a word at a time',
    );
    expect(problems.join("\n")).toContain("whatsappThings");
    expect(problems.join("\n")).toContain('needs the topic "other-apps"');
  });

  it("reports missing categories and thesaurus files", () => {
    const problems = problemsOf(new Map([["one.md", entry("one")]]));
    expect(problems).toContain("categories.yaml [] file is missing");
    expect(problems).toContain("thesaurus.yaml [] file is missing");
  });

  it("formats every problem into the error message, one per line", () => {
    try {
      parseKnowledgeBase(files({ "one.md": entry("one", { tags: "[]", sources: "[]" }) }));
    } catch (error) {
      expect((error as Error).message).toMatch(
        /Invalid knowledge base \(2 problems\):\n {2}one\.md \[tags\]/,
      );
    }
  });
});

describe("the project's knowledge base", () => {
  it("is valid and has every required id", async () => {
    const kb = await realKnowledgeBase();
    const ids = new Set(kb.entries.map((e) => e.id));
    const required =
      `e2e-messages e2e-calls e2e-explained verify-security-code backups group-privacy message-logs
      location-sharing live-location location-from-ip contacts data-shared-with-meta ads data-collected
      law-enforcement opt-out europe business-chats business-hosting business-labels business-marketing
      policy-update-2021 accept-deadline why-controversy disappearing-messages download-data delete-account
      privacy-settings block-report two-step-verification signal-telegram about-this-bot`.split(
        /\s+/,
      );
    expect(required.filter((id) => !ids.has(id))).toEqual([]);
  });
});
