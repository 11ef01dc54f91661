import { describe, expect, it } from "vitest";
import { createBot } from "../../../src/bot/index.js";
import { MemoryInsightsStore } from "../../../src/store/memory.js";
import { createTestBot } from "../../support/bot-harness.js";
import { TEST_BOT, TEST_TOKEN, textMessage } from "../../support/telegram-updates.js";

describe("duplicate deliveries", () => {
  it("answers an update delivered twice only once", async () => {
    const t = await createTestBot();
    const update = textMessage(100, "can whatsapp read my messages");
    await t.send(update);
    await t.send(structuredClone(update));
    await t.send(textMessage(101, "can whatsapp read my messages"));
    expect(t.api.callsTo("sendMessage")).toHaveLength(2);
    expect(
      t.logger.at("info").some((e) => e.msg?.includes("duplicate") && e.fields.update_id === 100),
    ).toBe(true);
  });

  it("claims each update in the insights store, so a shared (Redis) store dedups across instances", async () => {
    const t = await createTestBot();
    const claimed: number[] = [];
    const insights = new MemoryInsightsStore();
    insights.claimUpdate = async (id) => (claimed.push(id), id % 2 === 0);
    const bot = createBot(TEST_TOKEN, {
      answers: t.answers,
      insights,
      logger: t.logger,
      botInfo: TEST_BOT,
    });
    bot.api.config.use(t.api.transformer);
    await bot.handleUpdate(textMessage(2, "can whatsapp read my messages"));
    await bot.handleUpdate(textMessage(3, "can whatsapp read my messages"));
    expect(claimed).toEqual([2, 3]);
    expect(t.api.callsTo("sendMessage")).toHaveLength(1);
  });
});
