import { describe, expect, it } from "vitest";
import { decodeCallbackData } from "../../src/bot/callback-data.js";
import * as keyboards from "../../src/bot/keyboards.js";
import { sharedEngine } from "../support/bot-harness.js";

const rowsOf = (keyboard: { inline_keyboard: unknown[][] }) => keyboard.inline_keyboard;

describe("keyboards", () => {
  it("private answers: at most 3 related questions, then 👍/👎, no empty rows", async () => {
    const engine = await sharedEngine();
    const [entry, ...others] = engine.entries;
    const rows = rowsOf(keyboards.privateAnswerKeyboard(entry!, others.slice(0, 5)));
    expect(rows).toHaveLength(4);
    expect(rows.every((row) => row.length > 0)).toBe(true);
    expect(rows[3]).toHaveLength(2);
  });

  it("topics: two categories per row, no empty rows, every category once", async () => {
    const engine = await sharedEngine();
    const rows = rowsOf(keyboards.topicsKeyboard(engine.categories)) as {
      callback_data: string;
    }[][];
    expect(rows.every((row) => row.length >= 1 && row.length <= 2)).toBe(true);
    expect(rows.flat().map((b) => decodeCallbackData(b.callback_data))).toEqual(
      engine.categories.map((c) => ({ kind: "category", categoryId: c.id })),
    );
  });

  it("long questions become short labels", async () => {
    const engine = await sharedEngine();
    const entry = { ...engine.entries[0]!, question: "Why ".repeat(40) };
    const button = (rowsOf(keyboards.suggestionsKeyboard([entry])) as { text: string }[][])[0]![0]!;
    expect([...button.text].length).toBeLessThanOrEqual(keyboards.MAX_BUTTON_LABEL);
  });

  it("builds deep links", () => {
    expect(keyboards.deepLink("Some_Bot", "e2e-messages")).toBe(
      "https://t.me/Some_Bot?start=e2e-messages",
    );
    expect(keyboards.deepLink("Some_Bot")).toBe("https://t.me/Some_Bot");
  });
});
