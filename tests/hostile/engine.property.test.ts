import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../../src/search/engine.js";
import { hostileString } from "../support/hostile.js";
import { realEngine } from "../support/knowledge-base.js";

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await realEngine({ cacheSize: 50 });
});

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
