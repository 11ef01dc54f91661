import { Api } from "grammy";
import { es } from "../../src/i18n/locales/es.js";
import { describe, expect, it } from "vitest";
import {
  ALLOWED_UPDATES,
  BOT_DESCRIPTION,
  BOT_SHORT_DESCRIPTION,
  GROUP_COMMANDS,
  PRIVATE_COMMANDS,
  registerBotProfile,
} from "../../src/bot/profile.js";
import { RecordingLogger } from "../support/bot-harness.js";
import { FakeBotApi } from "../support/fake-bot-api.js";
import { TEST_TOKEN } from "../support/telegram-updates.js";

describe("bot profile", () => {
  it("registers the private and group command menus and both descriptions", async () => {
    const fake = new FakeBotApi();
    const api = new Api(TEST_TOKEN);
    api.config.use(fake.transformer);
    await registerBotProfile(api, new RecordingLogger());
    const steps = ["setMyCommands", "setMyCommands", "setMyDescription", "setMyShortDescription"];
    // English by default, then each other language under its language_code.
    expect(fake.calls.map((c) => c.method)).toEqual(Array.from({ length: 8 }, () => steps).flat());
    const spanish = fake.calls.slice(4, 8);
    expect(spanish.map((c) => c.payload.language_code)).toEqual(["es", "es", "es", "es"]);
    expect(spanish[0]!.payload.commands).toContainEqual({
      command: "language",
      description: es.bot.commands.language,
    });
    expect(fake.calls[0]!.payload).toEqual({
      commands: PRIVATE_COMMANDS,
      scope: { type: "all_private_chats" },
    });
    expect(fake.calls[1]!.payload).toEqual({
      commands: GROUP_COMMANDS,
      scope: { type: "all_group_chats" },
    });
    expect(fake.problems).toEqual([]);
    expect(BOT_DESCRIPTION.length).toBeLessThanOrEqual(512);
    expect(BOT_SHORT_DESCRIPTION.length).toBeLessThanOrEqual(120);
  });

  it("carries on (with a warning) when Telegram refuses one step", async () => {
    const fake = new FakeBotApi();
    fake.failNext("setMyDescription", {
      error_code: 400,
      description: "Bad Request: description is too long",
    });
    const api = new Api(TEST_TOKEN);
    api.config.use(fake.transformer);
    const logger = new RecordingLogger();
    await registerBotProfile(api, logger);
    expect(fake.calls).toHaveLength(32);
    expect(logger.at("warn")).toHaveLength(1);
  });

  it("asks only for the update types the bot handles", () => {
    expect([...ALLOWED_UPDATES].sort()).toEqual([
      "callback_query",
      "chosen_inline_result",
      "inline_query",
      "message",
      "my_chat_member",
    ]);
  });
});
