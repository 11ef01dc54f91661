/**
 * Fault injection against the real service process (webhook mode, the default SQLite queue),
 * the Bot API stand-in on loopback, and a test playing Telegram that delivers every update twice
 * and redelivers until it gets a 200. For each Bot API fault — 429 with retry_after 5 s, 500s,
 * calls that hang, connections closed without an answer — a fixed set of updates is delivered
 * while the fault lasts; then it clears, and the replies the stand-in accepted are counted per
 * update: exactly one each. (The 100-second retry_after is proven in process with a jumping
 * clock: tests/bot/delivery/faults.test.ts.) Each case prints a `[fault-table]` row.
 */
import type { User } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiStandIn, type StandInFault } from "../support/bot-api-stand-in.js";
import { BotServiceProcess } from "../support/bot-service-process.js";
import { TelegramDeliverer } from "../support/telegram-deliverer.js";
import { TEST_BOT, TEST_TOKEN, textMessage } from "../support/telegram-updates.js";
import {
  histogramPercentileMs,
  queueDrained,
  WEBHOOK_BASE_URL,
  WEBHOOK_SECRET,
  webhookHistogram,
} from "./bot-harness.js";

const QUESTION = "can whatsapp read my messages";
const UPDATES_PER_FAULT = 30;

let api: BotApiStandIn;
let service: BotServiceProcess;
let baseUrl: string;
let nextUser = 900_000;
let nextUpdate = 900_000;

beforeAll(async () => {
  api = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
  service = BotServiceProcess.spawn({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    WEBHOOK_URL: WEBHOOK_BASE_URL,
    WEBHOOK_SECRET,
    // A hung call counts as failed after a second (production: 15 s).
    TELEGRAM_API_TIMEOUT_SECONDS: "1",
  });
  baseUrl = await service.waitForListening();
  await service.waitFor(
    () => service.logs().find((line) => line.msg === "Telegram bot on: webhook mode"),
    "the bot to start",
    45_000,
  );
  // One update first, so the route's lazily compiled schema is not what the p99 measures.
  await new TelegramDeliverer(new Map([["service", baseUrl]])).deliver(
    textMessage(nextUpdate++, QUESTION, {
      from: { id: nextUser++, is_bot: false, first_name: "W" },
    }),
  );
  await queueDrained(baseUrl);
}, 60_000);

afterAll(async () => {
  await service?.stop();
  await api?.close();
}, 30_000);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function underFault(name: string, fault: StandInFault, holdMs: number) {
  const users: User[] = Array.from({ length: UPDATES_PER_FAULT }, () => ({
    id: nextUser++,
    is_bot: false,
    first_name: "Fault",
  }));
  const updates = users.map((user) => textMessage(nextUpdate++, QUESTION, { from: user }));
  const telegram = new TelegramDeliverer(new Map([["service", baseUrl]]));
  const histogramBefore = await webhookHistogram(baseUrl);
  api.setFault(fault);
  // Every update delivered twice: at once, and again as a redelivery.
  await Promise.all(updates.map((update) => telegram.deliver(update)));
  await Promise.all(updates.map((update) => telegram.deliver(structuredClone(update))));
  // The fault lasts until the bot has met it (a 429 is met by every chat; a server that is down
  // only by the probes, since the other replies wait for the back-off), and `holdMs` more.
  await api.waitFor(
    () =>
      fault.kind === "error" && fault.error_code === 429
        ? users.every((user) => api.callsToChat("sendMessage", user.id).length > 0)
        : users.some((user) => api.callsToChat("sendMessage", user.id).length > 0),
    "the bot to meet the fault",
  );
  await wait(holdMs);
  api.setFault(undefined);
  await api.waitFor(
    () => users.every((user) => api.deliveredTo(user.id).length > 0),
    "every reply after the fault",
    30_000,
  );
  await queueDrained(baseUrl);
  const replies = users.map((user) => api.deliveredTo(user.id).length);
  const row = {
    fault: name,
    updates: users.length,
    replies: replies.reduce((a, b) => a + b, 0),
    duplicates: replies.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
    lost: replies.filter((n) => n === 0).length,
    // As the service measured it (a histogram bucket's bound), and as the client saw it (with
    // 30 connections opened at once by the same process that runs the stand-in).
    webhookP99Ms: histogramPercentileMs(histogramBefore, await webhookHistogram(baseUrl), 99),
    clientP99Ms: Math.round(telegram.percentile(99)),
  };
  console.log(
    `[fault-table] ${JSON.stringify(row)} webhook outcomes ${JSON.stringify(telegram.outcomes())}`,
  );
  expect(replies).toEqual(users.map(() => 1));
  expect(telegram.outcomes()).toEqual({ 200: users.length * 2 });
  expect(api.retryAfterViolations).toEqual([]);
  // The webhook never waits for the Bot API (it used to hold each request up to 8 s).
  expect(row.webhookP99Ms).toBeLessThanOrEqual(250);
  return row;
}

describe("the real service under Bot API faults: every update answered exactly once", () => {
  it("429 with retry_after 5 s: waits it out per chat, sends each reply once, logs the cause once", async () => {
    const linesBefore = service.logs().length;
    await underFault(
      "429 retry_after 5 s",
      {
        kind: "error",
        error_code: 429,
        description: "Too Many Requests: retry after 5",
        parameters: { retry_after: 5 },
      },
      0,
    );
    const lines = service.logs().slice(linesBefore);
    const rateLimit = lines.filter((line) => String(line.msg).includes("429"));
    expect(rateLimit.length).toBeGreaterThan(0);
    expect(rateLimit.length).toBeLessThanOrEqual(3); // once per cause, then a count
    expect(lines.some((line) => JSON.stringify(line).includes('"stack"'))).toBe(false);
  }, 60_000);

  it("500s: backs off, then sends each reply once", async () => {
    await underFault(
      "500 Internal Server Error",
      { kind: "error", error_code: 500, description: "Internal Server Error" },
      2_000,
    );
  }, 60_000);

  it("calls that hang: times them out, then sends each reply once", async () => {
    await underFault("calls hang (no answer)", { kind: "hang" }, 2_000);
  }, 60_000);

  it("connections closed without an answer: retries, then sends each reply once", async () => {
    await underFault("connection closed", { kind: "close" }, 2_000);
  }, 60_000);
});
