import type { Update } from "grammy/types";
import { describe, expect, it } from "vitest";
import type { AnswerService } from "../../src/answering/service.js";
import { createTestBot } from "../support/bot-harness.js";
import { GROUP_CHAT, inlineQuery, PRIVATE_CHAT, textMessage } from "../support/telegram-updates.js";

describe("reliability: errors are contained", () => {
  it("a reply Telegram refuses for good is given up: logged with the update id and reason, not rejected", async () => {
    const t = await createTestBot();
    t.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    await expect(
      t.send(textMessage(4242, "can whatsapp read my messages")),
    ).resolves.toBeUndefined();
    const [logged, ...others] = t.logger.at("error");
    expect(others).toEqual([]);
    expect(logged!.msg).toBe("reply given up: Telegram refused it for good");
    expect(logged!.fields).toMatchObject({ update_id: 4242, update_type: "message" });
    // Logs never carry the question or the user.
    expect(JSON.stringify(logged!.fields)).not.toMatch(
      /whatsapp read|Alice|alice_test|chat_id|1111/,
    );
    expect(logged!.fields.err).toEqual({
      type: "GrammyError",
      method: "sendMessage",
      error_code: 400,
      description: "Bad Request: chat not found",
    });
    // The bot keeps working.
    await t.send(textMessage(4243, "can whatsapp read my messages"));
    expect(t.api.callsTo("sendMessage")).toHaveLength(2);
  });

  it("a bot blocked by the user is a warning, not an error", async () => {
    const t = await createTestBot();
    t.api.failNext("sendMessage", {
      error_code: 403,
      description: "Forbidden: bot was blocked by the user",
    });
    await t.send(textMessage(1, "can whatsapp read my messages"));
    expect(t.logger.at("error")).toEqual([]);
    expect(t.logger.at("warn")[0]!.fields).toMatchObject({ update_id: 1 });
  });

  it.each<[string, Update]>([
    ["an edited message", { update_id: 1, edited_message: textMessage(1, "hi").message } as Update],
    [
      "a channel post",
      {
        update_id: 2,
        channel_post: {
          message_id: 1,
          date: 0,
          chat: { id: -100, type: "channel", title: "c" },
          text: "x",
        },
      } as Update,
    ],
    [
      "a chat join request",
      {
        update_id: 3,
        chat_join_request: {
          chat: GROUP_CHAT,
          from: { id: 1, is_bot: false, first_name: "x" },
          user_chat_id: 1,
          date: 0,
        },
      } as Update,
    ],
    [
      "an update type from the future",
      { update_id: 4, hologram_message: { id: 1 } } as unknown as Update,
    ],
  ])("acknowledges and ignores %s", async (_what, update) => {
    const t = await createTestBot();
    await expect(t.send(update)).resolves.toBeUndefined();
    expect(t.api.calls).toEqual([]);
    expect(t.logger.at("error")).toEqual([]);
  });

  it.each<[string, unknown]>([
    ["without update_id", { message: textMessage(1, "hi").message }],
    [
      "with a message missing its chat",
      { update_id: 9, message: { message_id: 1, date: 0, text: "hi" } },
    ],
    ["with a callback query missing everything", { update_id: 10, callback_query: {} }],
    [
      "with an inline query of the wrong shape",
      { update_id: 11, inline_query: { id: 5, query: 42 } },
    ],
  ])("never crashes on a malformed update %s", async (_what, update) => {
    const t = await createTestBot();
    await expect(t.send(update as Update)).resolves.toBeUndefined();
  });

  it("an inline query whose answer fails is contained too", async () => {
    const t = await createTestBot();
    t.api.failNext("answerInlineQuery", {
      error_code: 400,
      description: "Bad Request: query is too old",
    });
    await expect(t.send(inlineQuery(7, "location"))).resolves.toBeUndefined();
    expect(t.logger.at("error")[0]!.fields).toMatchObject({
      update_id: 7,
      update_type: "inline_query",
    });
  });

  it("the same cause is logged once with a count, then summed up, not once per update", async () => {
    const t = await createTestBot();
    for (let id = 1; id <= 5; id++) {
      t.api.failNext("sendMessage", {
        error_code: 403,
        description: "Forbidden: bot was blocked by the user",
      });
      await t.send(textMessage(id, "can whatsapp read my messages"));
    }
    const warnings = t.logger.at("warn");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]!.fields).toMatchObject({ update_id: 1, count: 1 });
    // The summary line with the other four comes when the interval ends (or at shutdown).
  });

  it("a handler bug is an error with its stack, once per kind of error", async () => {
    const t = await createTestBot();
    const failing = Object.create(t.answers.serving, {
      ask: {
        value: () => {
          throw new TypeError("boom");
        },
      },
    }) as AnswerService;
    t.answers.set(failing); // every question now fails inside the handler
    await t.send(textMessage(1, "can whatsapp read my messages"));
    await t.send(textMessage(2, "can whatsapp read my messages"));
    const errors = t.logger.at("error");
    expect(errors).toHaveLength(1);
    expect(errors[0]!.msg).toBe("update handler failed");
    expect(String((errors[0]!.fields.err as { stack: string }).stack)).toMatch(/\n\s+at /);
  });

  it("a message to a private chat works after a failure in a group", async () => {
    const t = await createTestBot();
    t.api.failNext("sendMessage", {
      error_code: 400,
      description: "Bad Request: not enough rights",
    });
    await t.send(
      textMessage(1, "/ask@PrivacyFaqTestBot can whatsapp read my messages", { chat: GROUP_CHAT }),
    );
    await t.send(textMessage(2, "can whatsapp read my messages"));
    expect(t.api.last("sendMessage").chat_id).toBe(PRIVATE_CHAT().id);
  });
});
