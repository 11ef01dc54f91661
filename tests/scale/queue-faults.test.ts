/**
 * Two real service processes sharing one loopback Redis (append-only file on, as a queue needs),
 * webhook mode, every update delivered to both instances (a duplicate delivery racing the
 * original), and Redis failing mid-run: killed with SIGKILL and started again, or frozen with
 * SIGSTOP and thawed. While Redis cannot store an update the webhook answers 503 and the test,
 * playing Telegram, delivers it again; nothing is answered without being recorded. Afterwards the
 * replies the Bot API stand-in accepted are counted per update: exactly one each. Each case prints
 * a `[fault-table]` row.
 */
import { randomUUID } from "node:crypto";
import { Queue } from "bullmq";
import type { User } from "grammy/types";
import { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  histogramPercentileMs,
  queueCounts,
  WEBHOOK_BASE_URL,
  WEBHOOK_SECRET,
  webhookHistogram,
} from "../e2e/bot-harness.js";
import { UPDATE_QUEUE_NAME } from "../../src/store/queue/redis-queue.js";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import { BotServiceProcess } from "../support/bot-service-process.js";
import { redisAvailable, startRedisServer, type TestRedisServer } from "../support/redis-server.js";
import { TelegramDeliverer } from "../support/telegram-deliverer.js";
import { TEST_BOT, TEST_TOKEN, textMessage } from "../support/telegram-updates.js";

const QUESTION = "can whatsapp read my messages";
const UPDATES = 40;

let redis: TestRedisServer | undefined;
let keyPrefix = "";
/** The shared BullMQ queue, read by the test to see that nothing is left in it. */
let shared: Queue | undefined;
let sharedConnection: Redis | undefined;
let api: BotApiStandIn | undefined;
const instances = new Map<string, BotServiceProcess>();
const urls = new Map<string, string>();
let nextUser = 600_000;
let nextUpdate = 600_000;

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.runIf(redisAvailable())("two instances, one Redis that fails mid-run", () => {
  beforeAll(async () => {
    redis = await startRedisServer({ persistent: true });
    api = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
    keyPrefix = `faults-${randomUUID().slice(0, 8)}:`;
    sharedConnection = new Redis(redis.url, { maxRetriesPerRequest: null });
    sharedConnection.on("error", () => undefined); // Redis is killed on purpose
    shared = new Queue(UPDATE_QUEUE_NAME, {
      connection: sharedConnection,
      prefix: `${keyPrefix}bull`,
    });
    shared.on("error", () => undefined);
    const env = {
      BOT_TOKEN: TEST_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      WEBHOOK_URL: WEBHOOK_BASE_URL,
      WEBHOOK_SECRET,
      REDIS_URL: redis.url,
      REDIS_KEY_PREFIX: keyPrefix,
      HASH_SECRET: "queue-faults-hash-secret-0123456789abcdef",
      LOG_LEVEL: "info",
    };
    for (const name of ["A", "B"]) instances.set(name, BotServiceProcess.spawn(env));
    for (const [name, service] of instances) {
      urls.set(name, await service.waitForListening());
      await service.waitFor(
        () => service.logs().find((line) => line.msg === "Telegram bot on: webhook mode"),
        "the bot to start",
        45_000,
      );
    }
  }, 120_000);

  afterAll(async () => {
    await shared?.close();
    sharedConnection?.disconnect();
    for (const service of instances.values()) await service.stop();
    await api?.close();
    await redis?.stop();
  }, 60_000);

  /** Sum of both instances' queue counters (a job queued by one may be done by the other). */
  async function counts(): Promise<{ queued: number; done: number; refused: number }> {
    const total = { queued: 0, done: 0, refused: 0 };
    for (const url of urls.values()) {
      const c = await queueCounts(url);
      total.queued += c.queued ?? 0;
      total.done += c.done ?? 0;
      total.refused += c.refused ?? 0;
    }
    return total;
  }

  /** Jobs still in the shared queue (waiting, running or delayed). */
  async function unfinished(): Promise<number> {
    const counts = await shared!.getJobCounts("wait", "active", "delayed", "prioritized");
    return Object.values(counts).reduce((a, b) => a + b, 0);
  }

  async function histograms(status?: string) {
    return Promise.all([...urls.values()].map((url) => webhookHistogram(url, status)));
  }

  async function underRedisFault(name: string, fault: () => Promise<void>) {
    const users: User[] = Array.from({ length: UPDATES }, () => ({
      id: nextUser++,
      is_bot: false,
      first_name: "Redis",
    }));
    const telegram = new TelegramDeliverer(urls, 90_000);
    const before = await counts();
    const histogramsBefore = await histograms();
    const acceptedBefore = await histograms("200");
    // A slow Bot API keeps replies in flight when Redis fails; a steady stream, each update to
    // both instances; Redis fails part-way through.
    api!.setFault({ kind: "slow", ms: 300 });
    const deliveries: Promise<void>[] = [];
    const stream = (async () => {
      for (const user of users) {
        deliveries.push(telegram.deliver(textMessage(nextUpdate++, QUESTION, { from: user })));
        await wait(60);
      }
    })();
    await wait(700);
    await fault();
    await stream;
    api!.setFault(undefined);
    await Promise.all(deliveries);
    await api!.waitFor(
      () => users.every((user) => api!.deliveredTo(user.id).length > 0),
      "every reply",
      60_000,
    );
    // Nothing is left in the queue (so nothing is still running that could answer twice).
    const deadline = Date.now() + 60_000;
    let left = await unfinished();
    while (left > 0 && Date.now() < deadline) {
      await wait(100);
      left = await unfinished();
    }
    expect(left).toBe(0);
    await wait(1_000);
    const after = await counts();
    const replies = users.map((user) => api!.deliveredTo(user.id).length);
    const histogramsAfter = await histograms();
    const acceptedAfter = await histograms("200");
    const p99 = Math.max(
      ...histogramsAfter.map((h, i) => histogramPercentileMs(histogramsBefore[i]!, h, 99)),
    );
    const acceptedP99 = Math.max(
      ...acceptedAfter.map((h, i) => histogramPercentileMs(acceptedBefore[i]!, h, 99)),
    );
    const row = {
      fault: name,
      updates: users.length,
      replies: replies.reduce((a, b) => a + b, 0),
      duplicates: replies.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      lost: replies.filter((n) => n === 0).length,
      webhookP99Ms: p99,
      webhook200P99Ms: acceptedP99,
      clientP99Ms: Math.round(telegram.percentile(99)),
    };
    console.log(
      `[fault-table] ${JSON.stringify(row)} refused (503) ${after.refused - before.refused}, jobs done ${after.done - before.done}, webhook outcomes ${JSON.stringify(telegram.outcomes())}`,
    );
    expect(replies).toEqual(users.map(() => 1));
    // Each update was stored once and run to the end once, by one instance or the other.
    expect(after.done - before.done).toBe(users.length);
    return { row, telegram, after, before };
  }

  it("Redis killed (SIGKILL) for ~3 s and restarted: 503 while it is down, every update answered once", async () => {
    const { after, before } = await underRedisFault(
      "Redis killed ~3 s (2 instances, each update to both)",
      async () => {
        await redis!.kill();
        await wait(3_000);
        await redis!.restart();
      },
    );
    expect(after.refused - before.refused).toBeGreaterThan(0);
  }, 150_000);

  it("Redis paused (SIGSTOP) for ~4 s: the webhook answers 503 within its deadline, every update answered once", async () => {
    const { after, before } = await underRedisFault(
      "Redis paused ~4 s (2 instances, each update to both)",
      async () => {
        redis!.pause();
        await wait(4_000);
        redis!.resume();
      },
    );
    expect(after.refused - before.refused).toBeGreaterThan(0);
  }, 150_000);
});
