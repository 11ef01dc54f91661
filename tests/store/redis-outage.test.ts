/**
 * Redis going away and coming back, with the real client settings the service uses: the
 * resilient store answers at once with degraded results while Redis is down, and works again
 * once it is back, without a restart.
 */
import { spawn } from "node:child_process";
import type { Redis } from "ioredis";
import { afterAll, describe, expect, it } from "vitest";
import { Metrics } from "../../src/ops/metrics.js";
import { connectRedis, createRedisClient } from "../../src/store/redis-client.js";
import { RedisInsightsStore } from "../../src/store/redis.js";
import { ResilientInsightsStore } from "../../src/store/resilient.js";
import {
  REDIS_SERVER_BINARY,
  redisAvailable,
  startRedisServer,
  type TestRedisServer,
} from "../support/redis-server.js";

const silent = { info: () => {}, warn: () => {}, error: () => {} };

/** Starts redis-server again on the same port (the client reconnects to it). */
async function restartOn(port: number): Promise<() => void> {
  const child = spawn(
    REDIS_SERVER_BINARY,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "ignore"] },
  );
  await new Promise<void>((resolve) => {
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("Ready to accept connections")) resolve();
    });
  });
  return () => child.kill("SIGKILL");
}

describe.runIf(redisAvailable())("Redis outage", () => {
  let server: TestRedisServer | undefined;
  let client: Redis | undefined;
  let stopRestarted: (() => void) | undefined;

  afterAll(async () => {
    client?.disconnect();
    stopRestarted?.();
    await server?.stop();
  });

  it("degrades at once while Redis is down, and heals when it is back", async () => {
    server = await startRedisServer();
    client = createRedisClient(server.url, { logger: silent });
    expect(await connectRedis(client)).toBe(true);
    const metrics = new Metrics({ processMetrics: false });
    const store = new ResilientInsightsStore(
      new RedisInsightsStore({ client, keyPrefix: "outage:" }),
      {
        logger: silent,
        failures: metrics.storeFailures,
      },
    );
    expect(await store.claimUpdate(1)).toBe(true);
    expect(await store.claimUpdate(1)).toBe(false);

    await server.stop();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await store.claimUpdate(1)).toBe(true); // degraded: process rather than drop
    expect(await store.mostAsked(5)).toEqual([]);
    expect(Date.now() - started).toBeLessThan(1_000);
    const failures = (await metrics.storeFailures.get()).values.reduce(
      (sum, v) => sum + v.value,
      0,
    );
    expect(failures).toBeGreaterThanOrEqual(3);

    stopRestarted = await restartOn(server.port);
    const deadline = Date.now() + 10_000;
    while (client.status !== "ready" && Date.now() < deadline)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(client.status).toBe("ready");
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await store.mostAsked(5)).toEqual(["ads"]);
  }, 30_000);
});
