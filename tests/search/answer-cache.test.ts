import { describe, expect, it } from "vitest";
import { AnswerCache } from "../../src/search/answer-cache.js";

describe("AnswerCache", () => {
  it("admits a key only when it is offered a second time", () => {
    const cache = new AnswerCache<{ n: number }>(10);
    cache.offer("once", { n: 1 });
    expect(cache.get("once")).toBeUndefined();
    const value = { n: 2 };
    cache.offer("once", value);
    expect(cache.get("once")).toBe(value);
  });

  it("stores unconditionally with set, once admits has said yes", () => {
    const cache = new AnswerCache<{ n: number }>(10);
    expect(cache.admits("costly")).toBe(false);
    expect(cache.admits("costly")).toBe(true);
    const value = { n: 1 };
    cache.set("costly", value);
    expect(cache.get("costly")).toBe(value);
  });

  it("stays bounded: the least recently used answers go first", () => {
    const cache = new AnswerCache<{ n: number }>(3);
    for (let n = 0; n < 5; n++) {
      cache.offer(`q${n}`, { n });
      cache.offer(`q${n}`, { n });
    }
    expect(cache.get("q0")).toBeUndefined();
    expect(cache.get("q4")).toEqual({ n: 4 });
  });

  it("remembers one-off keys across its whole table", () => {
    // 64 answers: a doorkeeper of 1,024 slots. 300 keys are noted, then offered again in the
    // same order (each forgotten one is noted afresh). A key is forgotten when another lands on
    // its slot: with every slot in use about three in four are remembered (random hashes:
    // 75%), with only half of them about 56%.
    const cache = new AnswerCache<{ n: number }>(64);
    const keys = Array.from({ length: 300 }, (_, n) => `question ${n}`);
    for (const key of keys) expect(cache.admits(key)).toBe(false);
    const remembered = keys.filter((key) => cache.admits(key)).length;
    expect(remembered / keys.length).toBeGreaterThan(0.68);
  });
});
