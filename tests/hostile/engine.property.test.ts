import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../../src/search/engine.js";
import { realEngine } from "../support/knowledge-base.js";

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await realEngine({ cacheSize: 50 });
});

/** Strings attackers and broken clients send: any Unicode, controls, RTL, emoji, regex syntax. */
export const hostileString = fc.oneof(
  fc.string({ unit: "binary", maxLength: 600 }),
  fc.string({ unit: "grapheme", maxLength: 200 }),
  fc.constantFrom(
    "__proto__",
    "constructor",
    "prototype",
    "toString",
    "hasOwnProperty",
    ".*+?^${}()|[]\\",
    "(a+)+$",
    "\u202e\u0645\u0631\u062d\u0628\u0627 whatsapp \u202c",
    "😀".repeat(300),
    "\u0000\u0001\u0002\u001f\u007f",
    "a\u0301".repeat(250),
    "ﷺ".repeat(100),
    "\ud800",
    " \t\n\r ",
  ),
  fc
    .array(
      fc.constantFrom("fb", "meta", "read", "__proto__", "encryption", "😀", "ｆｂ", "end-to-end"),
      { maxLength: 60 },
    )
    .map((words) => words.join(" ")),
);

describe("engine on hostile input", () => {
  it("never throws and always returns a well-formed answer", () => {
    fc.assert(
      fc.property(hostileString, (question) => {
        const result = engine.ask(question);
        expect(result.related.length).toBeLessThanOrEqual(3);
        for (const match of [result.answer, ...result.related]) {
          if (match === null) continue;
          expect(match.confidence).toBeGreaterThanOrEqual(0);
          expect(match.confidence).toBeLessThanOrEqual(1);
          expect(Number.isFinite(match.score)).toBe(true);
          expect(engine.get(match.entry.id)).toBe(match.entry);
        }
        expect(Array.isArray(engine.search(question, 10))).toBe(true);
      }),
      { numRuns: 500 },
    );
  });

  it("handles a huge question quickly", () => {
    const started = performance.now();
    engine.ask("can facebook read my messages ".repeat(20_000));
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
