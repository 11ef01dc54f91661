import type { FastifyInstance } from "fastify";
import type { Redis } from "ioredis";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { botRateLimiter } from "../../src/store/bot-rate-limit.js";
import {
  clientKeyOf,
  MemoryWindowCounter,
  QuestionLimiter,
  type QuestionLimitSettings,
} from "../../src/store/rate-limit.js";
import { connectRedis, createRedisClient } from "../../src/store/redis-client.js";
import { realService } from "../support/knowledge-base.js";
import { redisAvailable, startRedisServer, type TestRedisServer } from "../support/redis-server.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");
const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** A minimal grammY-like context: the limiter only reads `from`. */
const fromUser = (id: number) => ({ from: { id, is_bot: false, first_name: "Test" } }) as never;

/** Sends `count` updates from `userId` through `middleware`; returns how many got through. */
async function send(
  middleware: ReturnType<typeof botRateLimiter>,
  userId: number,
  count: number,
): Promise<number> {
  let passed = 0;
  for (let i = 0; i < count; i++)
    await middleware(fromUser(userId), async () => {
      passed += 1;
    });
  return passed;
}

/** The real app with the limiter, over the real knowledge base. */
async function appWithLimit(settings: QuestionLimitSettings): Promise<FastifyInstance> {
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 10 }));
  return buildApp({
    answers,
    questionRateLimit: new QuestionLimiter(settings),
    rateLimitDelayMs: 0,
  });
}

describe("window counter (in memory)", () => {
  it("counts hits per key until the window ends, then starts a new one", () => {
    const counter = new MemoryWindowCounter();
    expect(counter.hit("a", 1_000, 0)).toEqual({ count: 1, ttlMs: 1_000 });
    expect(counter.hit("a", 1_000, 400)).toEqual({ count: 2, ttlMs: 600 });
    expect(counter.hit("b", 1_000, 400)).toEqual({ count: 1, ttlMs: 1_000 });
    expect(counter.hit("a", 1_000, 1_000)).toEqual({ count: 1, ttlMs: 1_000 });
  });

  it("forgets the least recently seen keys past its bound", () => {
    const counter = new MemoryWindowCounter(2);
    counter.hit("a", 1_000, 0);
    counter.hit("b", 1_000, 0);
    counter.hit("c", 1_000, 0);
    expect(counter.hit("a", 1_000, 1).count).toBe(1);
    expect(counter.hit("c", 1_000, 1).count).toBe(2);
  });
});

describe("client keys", () => {
  it("counts IPv4 as is, IPv4-mapped IPv6 as IPv4, and IPv6 by its /64", () => {
    expect(clientKeyOf("198.51.100.7")).toBe("198.51.100.7");
    expect(clientKeyOf("::ffff:198.51.100.7")).toBe("198.51.100.7");
    expect(clientKeyOf("2001:db8:1:2:aaaa::1")).toBe(clientKeyOf("2001:db8:1:2:bbbb::2"));
    expect(clientKeyOf("2001:db8:1:2::1")).not.toBe(clientKeyOf("2001:db8:1:3::1"));
    expect(clientKeyOf("2001:DB8:1:2::1")).toBe(clientKeyOf("2001:db8:1:2::1"));
  });
});

describe("bot rate limit (in memory)", () => {
  it("lets 20 questions a minute through, sends one notice, then stays silent", async () => {
    const onLimitExceeded = vi.fn();
    const middleware = botRateLimiter({ secret: SECRET, onLimitExceeded });
    expect(await send(middleware, 1, 25)).toBe(20);
    expect(onLimitExceeded).toHaveBeenCalledTimes(1);
    // Someone else has their own budget.
    expect(await send(middleware, 2, 3)).toBe(3);
  });

  it("lets updates without a sender through", async () => {
    const middleware = botRateLimiter({ secret: SECRET, limit: 1, onLimitExceeded: vi.fn() });
    let passed = 0;
    for (let i = 0; i < 3; i++)
      await middleware({ from: undefined } as never, async () => {
        passed += 1;
      });
    expect(passed).toBe(3);
  });
});

describe("HTTP rate limit (in memory)", () => {
  it("answers 429 with Retry-After and our error body once the budget is spent, shared by GET and POST", async () => {
    const app = await appWithLimit({ secret: SECRET, limit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 2; i++) statuses.push((await app.inject("/ask?q=backup")).statusCode);
    statuses.push(
      (await app.inject({ method: "POST", url: "/ask", payload: { question: "x" } })).statusCode,
    );
    const limited = await app.inject("/ask?q=x");
    expect(statuses).toEqual([200, 200, 200]);
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers["retry-after"])).toBeGreaterThan(0);
    expect(limited.json()).toEqual({
      error: "too_many_requests",
      message: expect.stringMatching(
        /^Too many questions from your address; try again in \d+ seconds?\.$/,
      ),
    });
    // Another address has its own budget.
    expect((await app.inject({ url: "/ask?q=x", remoteAddress: "192.0.2.7" })).statusCode).toBe(
      200,
    );
    await app.close();
  });
});

describe.runIf(redisAvailable())("rate limits shared through Redis (real redis-server)", () => {
  let server: TestRedisServer;
  let clients: Redis[];

  beforeAll(async () => {
    server = await startRedisServer();
    clients = [0, 1].map(() => createRedisClient(server.url, { logger: silent }));
    for (const client of clients) expect(await connectRedis(client)).toBe(true);
  });

  afterAll(async () => {
    for (const client of clients ?? []) await client.quit().catch(() => undefined);
    await server?.stop();
  });

  it("counts one user's questions across two instances, under an HMAC key that expires", async () => {
    const prefix = `bot-test-${Date.now()}:`;
    const [a, b] = clients.map((redis) =>
      botRateLimiter({
        secret: SECRET,
        redis,
        limit: 4,
        keyPrefix: prefix,
        onLimitExceeded: vi.fn(),
      }),
    );
    const passed = (await send(a!, 123_456_789, 3)) + (await send(b!, 123_456_789, 3));
    expect(passed).toBe(4);
    const keys = await clients[0]!.keys(`${prefix}*`);
    expect(keys).toHaveLength(1);
    expect(keys[0]).not.toContain("123456789");
    const ttl = await clients[0]!.pttl(keys[0]!);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("counts one address across two HTTP instances", async () => {
    const keyPrefix = `http-test-${Date.now()}:`;
    const [a, b] = await Promise.all(
      clients.map((redis) => appWithLimit({ secret: SECRET, redis, limit: 3, keyPrefix })),
    );
    const statuses = [
      (await a!.inject("/ask?q=1")).statusCode,
      (await b!.inject("/ask?q=2")).statusCode,
      (await a!.inject("/ask?q=3")).statusCode,
      (await b!.inject("/ask?q=4")).statusCode,
    ];
    expect(statuses).toEqual([200, 200, 200, 429]);
    const keys = await clients[0]!.keys(`${keyPrefix}*`);
    expect(keys.join()).not.toContain("127.0.0.1");
    await a!.close();
    await b!.close();
  });

  it("counts in this process when Redis is unreachable: the limit holds, the failure is reported", async () => {
    const down = createRedisClient("redis://127.0.0.1:1", { logger: silent });
    const onStoreError = vi.fn();
    const middleware = botRateLimiter({
      secret: SECRET,
      redis: down,
      limit: 1,
      onLimitExceeded: vi.fn(),
      onStoreError,
    });
    expect(await send(middleware, 1, 3)).toBe(1);
    // Reported until the connection's breaker opens (3 failures); then refused without a call.
    expect(onStoreError).toHaveBeenCalledTimes(3);
    expect(down.breaker.isOpen).toBe(true);

    const httpErrors = vi.fn();
    const app = await appWithLimit({
      secret: SECRET,
      redis: down,
      limit: 1,
      onStoreError: httpErrors,
    });
    expect((await app.inject("/ask?q=1")).statusCode).toBe(200);
    expect((await app.inject("/ask?q=2")).statusCode).toBe(429);
    expect(httpErrors).not.toHaveBeenCalled();
    await app.close();
    down.disconnect();
  });
});
