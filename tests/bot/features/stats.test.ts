import { describe, expect, it } from "vitest";
import { MemoryInsightsStore } from "../../../src/store/memory.js";
import { createTestBot } from "../../support/bot-harness.js";
import { checkTelegramHtml } from "../../support/telegram-html.js";
import { ALICE, BOB, GROUP_CHAT, textMessage } from "../../support/telegram-updates.js";

describe("/stats", () => {
  it("shows the admins (ADMIN_USER_IDS) the insight report in a private chat", async () => {
    const t = await createTestBot({ deps: { adminUserIds: [ALICE.id] } });
    await t.send(textMessage(1, "can whatsapp read my messages"));
    await t.send(textMessage(2, "What's the WEATHER in Paris tomorrow?!"));
    await t.send(textMessage(3, "/stats"));
    const html = String(t.api.last("sendMessage").text);
    const text = checkTelegramHtml(html).text;
    expect(html.startsWith("<pre>")).toBe(true);
    expect(text).toMatch(/Last 7 days/);
    expect(text).toMatch(/Questions: 1 answered, 1 unanswered/);
    expect(text).toMatch(/telegram-private\s+1\s+1/);
    expect(text).toMatch(/weather/);
    expect(t.api.problems).toEqual([]);
  });

  it("is silent for everyone else, and in groups even for admins", async () => {
    const t = await createTestBot({ deps: { adminUserIds: [ALICE.id] } });
    await t.send(textMessage(1, "/stats", { from: BOB }));
    await t.send(textMessage(2, "/stats", { chat: GROUP_CHAT }));
    await t.send(textMessage(3, "/stats@PrivacyFaqTestBot", { chat: GROUP_CHAT }));
    expect(t.api.callsTo("sendMessage")).toEqual([]);
  });

  it("is silent when nobody is an admin", async () => {
    const t = await createTestBot();
    await t.send(textMessage(1, "/stats"));
    expect(t.api.callsTo("sendMessage")).toEqual([]);
  });

  it("says when the statistics store cannot be read, instead of showing zeros", async () => {
    const broken = new MemoryInsightsStore();
    broken.stats = () => Promise.reject(new Error("ECONNREFUSED"));
    const t = await createTestBot({ deps: { adminUserIds: [ALICE.id], adminInsights: broken } });
    await t.send(textMessage(1, "/stats"));
    expect(String(t.api.last("sendMessage").text)).toContain("not reachable right now");
    expect(t.logger.at("warn")).toHaveLength(1);
  });
});
