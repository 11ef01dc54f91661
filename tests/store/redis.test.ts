import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectRedis, createRedisClient } from "../../src/store/redis-client.js";
import { RedisInsightsStore } from "../../src/store/redis.js";
import { redisAvailable, startRedisServer, type TestRedisServer } from "../support/redis-server.js";
import { defineInsightsStoreContract } from "./contract.js";

const silent = { info: () => {}, warn: () => {}, error: () => {} };

describe.runIf(redisAvailable())("RedisInsightsStore (real redis-server on loopback)", () => {
  let server: TestRedisServer;
  let client: Redis;

  beforeAll(async () => {
    server = await startRedisServer();
    client = createRedisClient(server.url, { logger: silent });
    expect(await connectRedis(client)).toBe(true);
  });

  afterAll(async () => {
    await client?.quit();
    await server?.stop();
  });

  // Each store gets its own key prefix, so the tests share one server without seeing each other.
  defineInsightsStoreContract(
    async (options) =>
      new RedisInsightsStore({ ...options, client, keyPrefix: `test:${randomUUID()}:` }),
    { controllableClock: false },
  );

  it("gives every key an expiry, so Redis forgets old data by itself", async () => {
    const prefix = `ttl:${randomUUID()}:`;
    const store = new RedisInsightsStore({ client, keyPrefix: prefix, retentionDays: 30 });
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    await store.recordUnanswered({
      normalized: "who reads my mail",
      channel: "inline",
      bestCandidate: null,
      confidence: 0,
    });
    await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" });
    await store.claimUpdate(1);
    await store.unanswered(5);
    await store.mostAsked(5);
    const keys = await client.keys(`${prefix}*`);
    expect(keys.length).toBeGreaterThanOrEqual(7);
    for (const key of keys) {
      const ttl = await client.ttl(key);
      expect(ttl, key).toBeGreaterThan(0);
      expect(ttl, key).toBeLessThanOrEqual(31 * 24 * 3600);
    }
    expect(await client.ttl(`${prefix}vote:k`)).toBeLessThanOrEqual(48 * 3600);
    expect(await client.ttl(`${prefix}update:1`)).toBeLessThanOrEqual(24 * 3600);
    expect(keys.some((key) => key.includes(":tmp:"))).toBe(false);
  });

  it("stores no user id, chat id or answered question text: only ids, counts and hashes", async () => {
    const prefix = `privacy:${randomUUID()}:`;
    const store = new RedisInsightsStore({ client, keyPrefix: prefix });
    await store.recordAnswered({ faqId: "ads", channel: "telegram-private" });
    await store.recordVote({ faqId: "ads", vote: "down", voterKey: "opaque-hmac" });
    const dump: string[] = [];
    for (const key of await client.keys(`${prefix}*`)) {
      const type = await client.type(key);
      dump.push(key);
      if (type === "hash") dump.push(JSON.stringify(await client.hgetall(key)));
      if (type === "string") dump.push((await client.get(key)) ?? "");
      if (type === "zset") dump.push(JSON.stringify(await client.zrange(key, 0, "-1")));
    }
    expect(dump.join("\n")).not.toMatch(/\b\d{6,}\b(?!-)/); // no long numeric ids
  });

  it("shares one claim and one vote between two clients (two instances)", async () => {
    const other = createRedisClient(server.url, { logger: silent });
    await connectRedis(other);
    const prefix = `shared:${randomUUID()}:`;
    const a = new RedisInsightsStore({ client, keyPrefix: prefix });
    const b = new RedisInsightsStore({ client: other, keyPrefix: prefix, ownsClient: true });
    const claims = await Promise.all([a.claimUpdate(42), b.claimUpdate(42)]);
    expect(claims.sort()).toEqual([false, true]);
    expect(await a.recordVote({ faqId: "ads", vote: "up", voterKey: "p" })).toBe("recorded");
    expect(await b.recordVote({ faqId: "ads", vote: "down", voterKey: "p" })).toBe("changed");
    expect(await a.feedback()).toEqual([{ faqId: "ads", up: 0, down: 1 }]);
    await b.close();
    // The store owned that client: closing it ends the connection.
    await new Promise<void>((resolve) =>
      other.status === "end" ? resolve() : other.once("end", () => resolve()),
    );
  });
});
