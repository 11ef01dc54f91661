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

  it("stores an alias unconditionally", () => {
    const cache = new AnswerCache<{ n: number }>(10);
    const value = { n: 1 };
    cache.set("typed", value);
    expect(cache.get("typed")).toBe(value);
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
});
