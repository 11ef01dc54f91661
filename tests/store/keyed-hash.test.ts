import { describe, expect, it } from "vitest";
import { deriveSecret, KeyedHasher, WeakSecretError } from "../../src/store/keyed-hash.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");

describe("keyed hashes", () => {
  it("are stable for one secret and purpose, opaque, and differ across purposes and secrets", () => {
    const hasher = new KeyedHasher(SECRET, "rate-limit:bot");
    const key = hasher.hash("123456789");
    expect(key).toBe(new KeyedHasher(SECRET, "rate-limit:bot").hash("123456789"));
    expect(key).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(key).not.toContain("123456789");
    expect(new KeyedHasher(SECRET, "rate-limit:http").hash("123456789")).not.toBe(key);
    expect(new KeyedHasher(Buffer.alloc(32, 1), "rate-limit:bot").hash("123456789")).not.toBe(key);
    expect(deriveSecret(SECRET, "voter-key")).toHaveLength(32);
  });

  it("refuses a short secret", () => {
    expect(() => new KeyedHasher(Buffer.alloc(8), "x")).toThrow(WeakSecretError);
  });
});
