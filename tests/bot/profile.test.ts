import { Api } from "grammy";
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
    expect(fake.calls.map((c) => c.method)).toEqual([
      "setMyCommands",
      "setMyCommands",
      "setMyDescription",
      "setMyShortDescription",
    ]);
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
    expect(fake.calls).toHaveLength(4);
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
