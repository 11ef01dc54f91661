import { describe, expect, it } from "vitest";
import {
  type CallbackAction,
  CallbackDataError,
  decodeCallbackData,
  encodeCallbackData,
} from "../../src/bot/callback-data.js";
import { sharedEngine } from "../support/bot-harness.js";

describe("callback data codec", () => {
  const actions: CallbackAction[] = [
    { kind: "answer", faqId: "e2e-messages" },
    { kind: "vote", faqId: "e2e-messages", vote: "up" },
    { kind: "vote", faqId: "e2e-messages", vote: "down" },
    { kind: "topics" },
    { kind: "category", categoryId: "data-sharing" },
    { kind: "topic-answer", faqId: "live-location" },
  ];

  it.each(actions)("round-trips %o with the version prefix", (action) => {
    const data = encodeCallbackData(action);
    expect(data.startsWith("v1:")).toBe(true);
    expect(decodeCallbackData(data)).toEqual(action);
  });

  it("encodes every entry and category of the real FAQ within Telegram's 64 bytes", async () => {
    const engine = await sharedEngine();
    for (const entry of engine.entries) {
      for (const action of [
        { kind: "vote", faqId: entry.id, vote: "down" },
        { kind: "answer", faqId: entry.id },
        { kind: "topic-answer", faqId: entry.id },
      ] as const) {
        expect(Buffer.byteLength(encodeCallbackData(action))).toBeLessThanOrEqual(64);
      }
    }
    for (const category of engine.categories) {
      expect(
        decodeCallbackData(encodeCallbackData({ kind: "category", categoryId: category.id })),
      ).toBeDefined();
    }
  });

  it.each([
    ["an older format version", "v0:a:e2e-messages"],
    ["a future format version", "v2:a:e2e-messages"],
    ["no version", "a:e2e-messages"],
    ["an unknown kind", "v1:z:e2e-messages"],
    ["a missing id", "v1:a"],
    ["an id that is not kebab-case", "v1:a:../etc"],
    ["an unknown vote", "v1:f:e2e-messages:x"],
    ["extra parts", "v1:a:e2e-messages:extra:more"],
    ["an argument where none belongs", "v1:t:x"],
    ["the empty string", ""],
    ["more than 64 bytes", `v1:a:${"x".repeat(70)}`],
  ])("treats %s as stale (undefined), never throwing", (_what, data) => {
    expect(decodeCallbackData(data)).toBeUndefined();
  });

  it("treats missing data as stale", () => {
    expect(decodeCallbackData(undefined)).toBeUndefined();
  });

  it("refuses to encode ids that could break the format or Telegram's limit", () => {
    expect(() => encodeCallbackData({ kind: "answer", faqId: "a:b" })).toThrow(CallbackDataError);
    expect(() => encodeCallbackData({ kind: "answer", faqId: "a".repeat(70) })).toThrow(
      CallbackDataError,
    );
  });
});
