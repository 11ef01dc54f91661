import { describe, expect, it } from "vitest";
import { encodeCallbackData } from "../../../src/bot/callback-data.js";
import { en } from "../../../src/i18n/locales/en.js";
import type { VoteEvent } from "../../../src/store/insights.js";
import { MemoryInsightsStore } from "../../../src/store/memory.js";
import { createBot } from "../../../src/bot/index.js";
import { createTestBot, sharedEngine } from "../../support/bot-harness.js";
import {
  ALICE,
  BOB,
  botMessage,
  callbackQuery,
  PRIVATE_CHAT,
  TEST_BOT,
  TEST_TOKEN,
} from "../../support/telegram-updates.js";

/** Any entry of the real FAQ will do. */
const entryId = async () => (await sharedEngine()).entries[0]!.id;
/** Votes on one entry, as the insights store counts them. */
const tally = async (t: { insights: MemoryInsightsStore }, faqId: string) => {
  const item = (await t.insights.feedback()).find((entry) => entry.faqId === faqId);
  return { up: item?.up ?? 0, down: item?.down ?? 0 };
};
const vote = async (v: "up" | "down") =>
  encodeCallbackData({ kind: "vote", faqId: await entryId(), vote: v });

describe("👍 / 👎 feedback", () => {
  it("records a vote and acknowledges it; pressing the other button changes it, the same one is noted", async () => {
    const t = await createTestBot();
    const [id, up, down] = [await entryId(), await vote("up"), await vote("down")];
    const answer = botMessage(600, PRIVATE_CHAT());
    await t.send(callbackQuery(1, up, answer));
    expect(t.api.last("answerCallbackQuery").text).toBe("Thanks for your feedback 👍");
    expect(await tally(t, id)).toEqual({ up: 1, down: 0 });

    await t.send(callbackQuery(2, down, answer));
    expect(t.api.last("answerCallbackQuery").text).toBe("Feedback changed to 👎");
    expect(await tally(t, id)).toEqual({ up: 0, down: 1 });

    await t.send(callbackQuery(3, down, answer));
    expect(t.api.last("answerCallbackQuery").text).toBe("Already noted 👎");
    expect(await tally(t, id)).toEqual({ up: 0, down: 1 });

    // Another person, or the same person on another message, is another vote.
    await t.send(callbackQuery(4, down, answer, BOB));
    await t.send(callbackQuery(5, down, botMessage(601, PRIVATE_CHAT())));
    expect(await tally(t, id)).toEqual({ up: 0, down: 3 });
    expect(t.api.callsTo("sendMessage")).toHaveLength(0);
  });

  it("stores an opaque key, never the user id or chat id", async () => {
    const t = await createTestBot();
    const [id, up] = [await entryId(), await vote("up")];
    const recorded: VoteEvent[] = [];
    const spy = new MemoryInsightsStore();
    spy.recordVote = async (vote) => (recorded.push(vote), "recorded");
    const bot = createBot(TEST_TOKEN, {
      answers: t.answers,
      insights: spy,
      logger: t.logger,
      botInfo: TEST_BOT,
    });
    bot.api.config.use(t.api.transformer);
    await bot.handleUpdate(callbackQuery(1, up, botMessage(600, PRIVATE_CHAT())));
    expect(recorded).toHaveLength(1);
    expect(recorded[0]).toMatchObject({ faqId: id, vote: "up" });
    expect(recorded[0]!.voterKey).not.toContain(String(ALICE.id));
    expect(JSON.stringify(recorded)).not.toContain(ALICE.first_name);
  });

  it("a vote on an entry that no longer exists gets the stale notice", async () => {
    const t = await createTestBot();
    await t.send(callbackQuery(1, "v1:f:gone-entry:u", botMessage(600, PRIVATE_CHAT())));
    expect(t.api.last("answerCallbackQuery").text).toBe(en.bot.staleButton);
    expect(await tally(t, "gone-entry")).toEqual({ up: 0, down: 0 });
  });
});
