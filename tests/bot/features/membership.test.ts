import { describe, expect, it } from "vitest";
import { createTestBot } from "../../support/bot-harness.js";
import {
  GROUP_CHAT,
  myChatMember,
  PRIVATE_CHAT,
  SMALL_GROUP_CHAT,
} from "../../support/telegram-updates.js";

describe("membership: added to a group", () => {
  it.each([
    ["a group, as member", SMALL_GROUP_CHAT, "member"],
    ["a supergroup, as administrator", GROUP_CHAT, "administrator"],
  ] as const)(
    "posts one short intro on how to ask when added to %s",
    async (_what, chat, status) => {
      const t = await createTestBot();
      // (A redelivery of the same update is the queue's to find: tests/bot/webhook-route.test.ts.)
      await t.send(myChatMember(1, chat, "left", status));
      expect(t.api.callsTo("sendMessage")).toHaveLength(1);
      const sent = t.api.last("sendMessage");
      expect(sent.chat_id).toBe(chat.id);
      expect(sent.text).toContain("/ask your question");
      expect(sent.text).toContain("@PrivacyFaqTestBot");
      expect(String(sent.text).length).toBeLessThan(400);
      expect(t.api.problems).toEqual([]);
    },
  );

  it.each([
    ["promoted", GROUP_CHAT, "member", "administrator"],
    ["removed", GROUP_CHAT, "member", "left"],
    ["banned", GROUP_CHAT, "member", "kicked"],
    ["blocked in a private chat", PRIVATE_CHAT(), "member", "kicked"],
    ["unblocked in a private chat", PRIVATE_CHAT(), "kicked", "member"],
  ] as const)("stays quiet when %s", async (_what, chat, before, after) => {
    const t = await createTestBot();
    await t.send(myChatMember(1, chat, before, after));
    expect(t.api.calls).toEqual([]);
  });

  it("introduces itself even while the index is still being built", async () => {
    const t = await createTestBot({ service: null });
    await t.send(myChatMember(1, GROUP_CHAT, "left", "member"));
    expect(t.api.callsTo("sendMessage")).toHaveLength(1);
  });
});
