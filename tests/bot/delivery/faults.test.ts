/**
 * Fault injection in process, on the production wiring (webhook route, durable SQLite queue,
 * delivery transformer, the Bot API stand-in over loopback HTTP), with a clock that can jump:
 * waits of minutes (a 100-second `retry_after`, a group's minute) are honoured for real — the
 * stand-in refuses, and lists, any call made before its `retry_after` is over — without taking
 * minutes. Each case counts the replies the stand-in accepted per update and prints one line.
 */
import type { Update, User } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import type { StandInFault } from "../../support/bot-api-stand-in.js";
import { percentile, type Pipeline, startPipeline } from "../../support/delivery-pipeline.js";
import { sharedEngine } from "../../support/bot-harness.js";
import { JumpClock } from "../../support/jump-clock.js";
import { checkTelegramHtml } from "../../support/telegram-html.js";
import {
  callbackQuery,
  botMessage,
  PRIVATE_CHAT,
  textMessage,
} from "../../support/telegram-updates.js";
import { encodeCallbackData } from "../../../src/bot/callback-data.js";

const QUESTION = "can whatsapp read my messages";
let pipeline: Pipeline | undefined;
let nextUser = 800_000;
let nextUpdate = 500_000;

afterEach(async () => {
  await pipeline?.close();
  pipeline = undefined;
});

const person = (): User => ({ id: nextUser++, is_bot: false, first_name: "Fault" });
const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wait(20);
  }
}

/** Replies per user (each asked `perUser` questions), and the table row the closing note quotes. */
function tally(p: Pipeline, users: readonly User[], fault: string, perUser = 1) {
  const replies = users.map((user) => p.api.deliveredTo(user.id).length);
  const row = {
    fault,
    updates: users.length * perUser,
    replies: replies.reduce((a, b) => a + b, 0),
    duplicates: replies.reduce((sum, n) => sum + Math.max(0, n - perUser), 0),
    lost: replies.reduce((sum, n) => sum + Math.max(0, perUser - n), 0),
    webhookP99Ms: Number(percentile(p.latencies, 99).toFixed(1)),
  };
  console.log(`[fault-table] ${JSON.stringify(row)}`);
  return { replies, row };
}

describe("delivery under Bot API faults (in process, SQLite queue, jumping clock)", () => {
  it("honours a 429 with retry_after 100 s: nothing before it is over, then every reply exactly once", async () => {
    const clock = new JumpClock();
    const p = (pipeline = await startPipeline({ clock }));
    const fault: StandInFault = {
      kind: "error",
      error_code: 429,
      description: "Too Many Requests: retry after 100",
      parameters: { retry_after: 100 },
    };
    p.api.setFault(fault);
    const users = Array.from({ length: 30 }, person);
    const updates = users.map((user) => textMessage(nextUpdate++, QUESTION, { from: user }));
    // Each update delivered twice (Telegram redelivers; two instances may both get one).
    for (const update of [...updates, ...updates.map((u) => structuredClone(u))])
      expect(await p.post(update)).toBe(200);
    await until(
      () => users.every((user) => p.api.callsToChat("sendMessage", user.id).length >= 1),
      "every update to be tried once",
    );
    p.api.setFault(undefined); // Telegram would now accept, but each chat was told to wait 100 s

    const refusals = p.api.calls.filter((call) => call.status === 429).map((call) => call.at);
    // One second before the first chat's wait is over: nothing may have gone out yet.
    clock.jump(Math.min(...refusals) + 99_000 - clock.now());
    await wait(500);
    expect(users.map((user) => p.api.deliveredTo(user.id).length)).toEqual(users.map(() => 0));
    // Past the last chat's wait: everything goes (any call before its chat's wait is over
    // would be refused by the stand-in and listed in retryAfterViolations).
    clock.jump(Math.max(...refusals) + 100_500 - clock.now());
    await until(
      () => users.every((user) => p.api.deliveredTo(user.id).length >= 1),
      "every reply after the retry_after",
    );
    await p.drained();
    const { replies } = tally(p, users, "429 retry_after 100 s");
    expect(replies).toEqual(users.map(() => 1));
    expect(p.api.retryAfterViolations).toEqual([]);
    // Retried once each, not given up, and logged once per cause rather than once per reply.
    const tries = users.map((user) => p.api.callsToChat("sendMessage", user.id).length);
    expect(tries).toEqual(users.map(() => 2));
    const rateLimitLines = p.logs().filter((line) => String(line.msg).includes("429"));
    expect(rateLimitLines.length).toBeLessThanOrEqual(2);
    expect(JSON.stringify(rateLimitLines)).not.toContain("stack");
  }, 30_000);

  it("paces a group to 20 messages a minute: the rest wait in the queue, in order, none dropped", async () => {
    const clock = new JumpClock();
    const p = (pipeline = await startPipeline({ clock }));
    const group = { id: -1_009_000_000_001, type: "supergroup" as const, title: "Busy group" };
    const asks = 25;
    for (let i = 1; i <= asks; i++)
      await p.post(
        textMessage(nextUpdate++, `/ask@PrivacyFaqTestBot ${QUESTION}`, {
          chat: group,
          from: person(),
          messageId: i,
        }),
      );
    // Time runs half a second per step: each reply waits for its slot (1/s per chat, 20/min per group).
    for (let step = 0; p.api.deliveredTo(group.id).length < asks && step < 400; step++) {
      clock.jump(500);
      await wait(25);
    }
    await p.drained();
    const order = p.api
      .deliveredTo(group.id)
      .map((call) => (call.payload.reply_parameters as { message_id: number }).message_id);
    expect(order).toEqual(Array.from({ length: asks }, (_, i) => i + 1));
    expect(p.api.callsToChat("sendMessage", group.id).every((c) => c.status === 200)).toBe(true);
    const times = p.api.deliveredTo(group.id).map((call) => call.at);
    const busiestMinute = Math.max(
      ...times.map((start) => times.filter((t) => t >= start && t < start + 60_000).length),
    );
    expect(busiestMinute).toBeLessThanOrEqual(20);
    const span = Math.round((times.at(-1)! - times[0]!) / 1000);
    console.log(
      `[delivery] group pacing: ${asks} questions in one group -> ${asks} replies over ${span} s of clock, at most ${busiestMinute} in any minute, in order, none dropped, no 429`,
    );
  }, 30_000);

  it("keeps each chat's order through an outage (500s), and sends no reply twice", async () => {
    const p = (pipeline = await startPipeline());
    const entries = ["live-location", "backups", "e2e-messages", "delete-account"];
    const engine = await sharedEngine();
    const questions = entries.map((id) => engine.get(id)!.question);
    const users = Array.from({ length: 4 }, person);
    p.api.setFault({ kind: "error", error_code: 500, description: "Internal Server Error" });
    for (const entry of entries)
      for (const user of users)
        await p.post(textMessage(nextUpdate++, `/start ${entry}`, { from: user }));
    await until(() => p.api.calls.filter((c) => c.status === 500).length >= 4, "the 500s");
    await wait(500);
    p.api.setFault(undefined);
    await until(
      () => users.every((user) => p.api.deliveredTo(user.id).length >= entries.length),
      "every reply",
      30_000,
    );
    await p.drained();
    for (const user of users) {
      const texts = p.api
        .deliveredTo(user.id)
        .map((call) => checkTelegramHtml(String(call.payload.text)).text);
      expect(texts).toHaveLength(entries.length);
      // Each deep link's reply shows its entry's question; they arrive in the order asked.
      const positions = texts.map((text) => questions.findIndex((q) => text.includes(q)));
      expect(positions).toEqual([0, 1, 2, 3]);
    }
    const { row } = tally(p, users, "500s, 4 chats x 4 updates (order kept)", entries.length);
    expect(row).toMatchObject({ duplicates: 0, lost: 0 });
  }, 40_000);

  it("skips the calls a first run made: a button's answer is not sent twice when its message failed", async () => {
    const p = (pipeline = await startPipeline());
    const user = person();
    const chat = PRIVATE_CHAT(user);
    const related = encodeCallbackData({ kind: "answer", faqId: "backups" });
    const press = callbackQuery(nextUpdate++, related, botMessage(42, chat), user);
    p.api.failNext("sendMessage", { error_code: 502, description: "Bad Gateway" });
    expect(await p.post(press)).toBe(200);
    await until(() => p.api.deliveredTo(user.id).length >= 1, "the answer after the retry");
    await p.drained();
    const acknowledgements = p.api
      .callsTo("answerCallbackQuery")
      .filter((call) => call.payload.callback_query_id === press.callback_query!.id);
    expect(acknowledgements.map((call) => call.status)).toEqual([200]); // once, not replayed
    expect(p.api.callsToChat("sendMessage", user.id).map((call) => call.status)).toEqual([
      502, 200,
    ]);
  }, 20_000);

  it("skips a button's acknowledgement that expired while the update waited, and still sends its answer", async () => {
    const clock = new JumpClock();
    const p = (pipeline = await startPipeline({ clock }));
    const user = person();
    const related = encodeCallbackData({ kind: "answer", faqId: "backups" });
    const press: Update = callbackQuery(
      nextUpdate++,
      related,
      botMessage(43, PRIVATE_CHAT(user)),
      user,
    );
    p.api.setFault({ kind: "error", error_code: 503, description: "Service Unavailable" });
    expect(await p.post(press)).toBe(200);
    await until(
      () => p.api.callsTo("answerCallbackQuery").some((c) => c.status === 503),
      "the 503",
    );
    p.api.setFault(undefined);
    clock.jump(15_000); // the outage lasted longer than Telegram keeps a callback query
    await until(() => p.api.deliveredTo(user.id).length >= 1, "the answer");
    await p.drained();
    expect(p.api.callsTo("answerCallbackQuery").map((c) => c.status)).toEqual([503]);
    expect(p.api.deliveredTo(user.id)).toHaveLength(1);
  }, 20_000);
});
