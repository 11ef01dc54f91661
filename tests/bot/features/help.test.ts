import { describe, expect, it } from "vitest";
import { createTestBot } from "../../support/bot-harness.js";
import { GROUP_CHAT, textMessage } from "../../support/telegram-updates.js";

describe("/help", () => {
  it("lists what the bot can do in private chats, groups and inline mode", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/help"));
    const text = String(t.api.last("sendMessage").text);
    for (const command of ["/topics", "/ask", "/privacy"]) expect(text).toContain(command);
    expect(text).toContain("@PrivacyFaqTestBot");
    expect(text).toMatch(/In groups/);
    expect(t.api.problems).toEqual([]);
  });

  it("in a group, replies with how to ask there", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/help@PrivacyFaqTestBot", { chat: GROUP_CHAT, messageId: 5 }));
    const sent = t.api.last("sendMessage");
    expect(sent.text).toContain("mention @PrivacyFaqTestBot");
    expect(sent.reply_parameters).toMatchObject({ message_id: 5 });
  });
});
