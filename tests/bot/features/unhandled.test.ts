import { describe, expect, it } from "vitest";
import { en } from "../../../src/i18n/locales/en.js";
import { createTestBot } from "../../support/bot-harness.js";
import {
  botMessage,
  callbackQuery,
  PRIVATE_CHAT,
  stickerMessage,
} from "../../support/telegram-updates.js";

describe("unhandled updates", () => {
  it.each([
    ["an older callback format", "v0:answer:e2e-messages"],
    ["unknown callback data", "definitely-not-ours"],
    ["an unknown action", "v1:zz"],
  ])("answers %s with a short notice, never an error", async (_what, data) => {
    const t = await createTestBot();
    await t.send(callbackQuery(1, data, botMessage(1, PRIVATE_CHAT())));
    expect(t.api.calls.map((c) => c.method)).toEqual(["answerCallbackQuery"]);
    expect(t.api.last("answerCallbackQuery").text).toBe(en.bot.staleButton);
    expect(t.logger.at("error")).toEqual([]);
  });

  it("acknowledges a callback without data (a game button) the same way", async () => {
    const t = await createTestBot();
    const update = callbackQuery(1, "x", botMessage(1, PRIVATE_CHAT()));
    delete (update.callback_query as { data?: string }).data;
    await t.send(update);
    expect(t.api.last("answerCallbackQuery").text).toBe(en.bot.staleButton);
  });

  it("tells a private chat that only text is understood", async () => {
    const t = await createTestBot();
    await t.send(stickerMessage(1));
    expect(t.api.last("sendMessage").text).toMatch(/only read text/);
  });

  it("a button pressed while the index is being built gets the starting-up notice", async () => {
    const t = await createTestBot({ service: null });
    await t.send(callbackQuery(1, "v1:t", botMessage(1, PRIVATE_CHAT())));
    expect(t.api.last("answerCallbackQuery").text).toBe(en.bot.startingUp);
  });
});
