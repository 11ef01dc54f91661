import { describe, expect, it } from "vitest";
import { VoterKeys } from "../../src/bot/voter-key.js";

describe("VoterKeys", () => {
  it("gives the same person on the same message the same key", () => {
    const keys = new VoterKeys(Buffer.alloc(32, 1));
    expect(keys.keyFor(1111, "1111:50")).toBe(keys.keyFor(1111, "1111:50"));
  });

  it("gives different keys to other people and other messages", () => {
    const keys = new VoterKeys(Buffer.alloc(32, 1));
    const key = keys.keyFor(1111, "1111:50");
    expect(keys.keyFor(2222, "1111:50")).not.toBe(key);
    expect(keys.keyFor(1111, "1111:51")).not.toBe(key);
  });

  it("never contains the user id, and depends on the secret", () => {
    const key = new VoterKeys(Buffer.alloc(32, 1)).keyFor(123456789, "123456789:7");
    expect(key).not.toContain("123456789");
    expect(new VoterKeys(Buffer.alloc(32, 2)).keyFor(123456789, "123456789:7")).not.toBe(key);
    // A random secret per process by default.
    expect(new VoterKeys().keyFor(1, "1:1")).not.toBe(new VoterKeys().keyFor(1, "1:1"));
  });

  it("refuses a short secret", () => {
    expect(() => new VoterKeys(Buffer.alloc(8))).toThrow(RangeError);
  });
});
