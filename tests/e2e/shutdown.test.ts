/**
 * SIGTERM with replies pending, then a restart (real process, webhook mode, the SQLite queue):
 * the service stops taking work — every request from then on gets 503 with `Connection: close`,
 * never a reset — lets in-flight updates finish up to SHUTDOWN_GRACE_SECONDS, exits 0, and
 * leaves the rest queued in DATA_DIR; the next start answers every one of them exactly once,
 * together with what Telegram redelivered meanwhile.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { User } from "grammy/types";
import { afterAll, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import { BotServiceProcess } from "../support/bot-service-process.js";
import { TelegramDeliverer } from "../support/telegram-deliverer.js";
import { TEST_BOT, TEST_TOKEN, textMessage } from "../support/telegram-updates.js";
import { queueDrained, WEBHOOK_BASE_URL, WEBHOOK_SECRET } from "./bot-harness.js";

const QUESTION = "can whatsapp read my messages";
const GRACE_SECONDS = 2;
const dataDir = mkdtempSync(join(tmpdir(), "faq-shutdown-"));
const cleanups: (() => Promise<unknown>)[] = [];

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  rmSync(dataDir, { recursive: true, force: true });
}, 30_000);

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
let nextUser = 700_000;
const person = (): User => ({ id: nextUser++, is_bot: false, first_name: "Term" });

async function startService(
  api: BotApiStandIn,
): Promise<{ service: BotServiceProcess; url: string }> {
  const service = BotServiceProcess.spawn({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    WEBHOOK_URL: WEBHOOK_BASE_URL,
    WEBHOOK_SECRET,
    DATA_DIR: dataDir,
    SHUTDOWN_GRACE_SECONDS: String(GRACE_SECONDS),
    TELEGRAM_API_TIMEOUT_SECONDS: "1",
  });
  cleanups.push(() => service.stop());
  const url = await service.waitForListening();
  await service.waitFor(
    () => service.logs().find((line) => line.msg === "Telegram bot on: webhook mode"),
    "the bot to start",
    45_000,
  );
  return { service, url };
}

describe("SIGTERM with replies pending, then a restart", () => {
  it("refuses new work cleanly, keeps what is unsent queued, and the next start answers everything once", async () => {
    const api = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
    cleanups.push(() => api.close());
    const first = await startService(api);
    const telegram = new TelegramDeliverer(new Map([["service", first.url]]));

    // The Bot API hangs: replies are in flight or waiting when SIGTERM comes.
    api.setFault({ kind: "hang" });
    const pending = Array.from({ length: 30 }, person);
    await Promise.all(
      pending.map((user, i) => telegram.deliver(textMessage(60_000 + i, QUESTION, { from: user }))),
    );
    await api.waitFor(() => api.calls.some((call) => call.status === 0), "a hung call");

    // Telegram keeps delivering while the process stops (and, refused, delivers again later).
    const during = Array.from({ length: 30 }, person);
    const deliveries: Promise<void>[] = [];
    const traffic = (async () => {
      for (const [i, user] of during.entries()) {
        deliveries.push(telegram.deliver(textMessage(61_000 + i, QUESTION, { from: user })));
        await wait(40);
      }
    })();
    await wait(300);
    const stopping = Date.now();
    const exit = await first.service.stop();
    const stopMs = Date.now() - stopping;
    await traffic;
    expect(exit).toEqual({ code: 0, signal: null });
    expect(stopMs).toBeLessThan((GRACE_SECONDS + 4) * 1000);
    expect(first.service.logs().some((line) => line.msg === "shutting down")).toBe(true);

    // A new process on the same DATA_DIR, the Bot API back.
    api.setFault(undefined);
    const second = await startService(api);
    telegram.targets.set("service", second.url);
    await Promise.all(deliveries);
    const everyone = [...pending, ...during];
    await api.waitFor(
      () => everyone.every((user) => api.deliveredTo(user.id).length > 0),
      "every reply after the restart",
      30_000,
    );
    await queueDrained(second.url);
    const replies = everyone.map((user) => api.deliveredTo(user.id).length);
    const outcomes = telegram.outcomes();
    const refused = telegram.attempts.filter((a) => a.outcome === 503);
    const row = {
      fault: "SIGTERM with replies pending, then restart",
      updates: everyone.length,
      replies: replies.reduce((a, b) => a + b, 0),
      duplicates: replies.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      lost: replies.filter((n) => n === 0).length,
      clientP99Ms: Math.round(telegram.percentile(99)),
      stopMs,
    };
    console.log(
      `[fault-table] ${JSON.stringify(row)} webhook outcomes ${JSON.stringify(outcomes)}`,
    );
    expect(replies).toEqual(everyone.map(() => 1));
    // Refused at the door, not cut off: 503s say Connection: close, then the port is closed.
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.every((a) => a.connectionClose)).toBe(true);
    // What remains is HTTP/1.1's own race: a client reusing an idle kept-alive connection at
    // the instant the server closes it (Telegram delivers that update again). How often it hits
    // depends on the machine's load (0-2 on an idle one, 20 with the whole suite on 2 busy
    // cores), so the bound is relative: most attempts during the stop are refused at the door.
    // A shutdown that cut connections instead would turn those refusals into resets.
    const resets = telegram.attempts.filter(
      (a) => typeof a.outcome === "string" && a.outcome !== "ECONNREFUSED",
    );
    expect(resets.length).toBeLessThan(refused.length);
  }, 90_000);
});
