import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisUpdateQueue } from "../../../src/store/queue/redis-queue.js";
import { QueueUnavailableError } from "../../../src/store/queue/types.js";
import { freePort } from "../../support/service-process.js";
import {
  redisAvailable,
  startRedisServer,
  type TestRedisServer,
} from "../../support/redis-server.js";
import { defineQueueContract } from "./contract.js";

let redis: TestRedisServer | undefined;

describe.runIf(redisAvailable())("Redis (BullMQ) update queue", () => {
  beforeAll(async () => {
    redis = await startRedisServer();
  });
  afterAll(async () => {
    await redis?.stop();
  });

  defineQueueContract(() => {
    const keyPrefix = `q-${randomUUID().slice(0, 8)}:`;
    return { open: () => new RedisUpdateQueue({ url: redis!.url, keyPrefix }) };
  });

  it("rejects quickly with QueueUnavailableError when Redis is not there", async () => {
    const queue = new RedisUpdateQueue({
      url: `redis://127.0.0.1:${await freePort()}`,
      keyPrefix: "gone:",
      enqueueTimeoutMs: 300,
    });
    try {
      const started = Date.now();
      await expect(
        queue.enqueue({ updateId: 1, lane: "chat:1", update: { update_id: 1 } }),
      ).rejects.toBeInstanceOf(QueueUnavailableError);
      expect(Date.now() - started).toBeLessThan(3_000);
    } finally {
      await queue.close();
    }
  });
});
