import { describe, expect, it } from "vitest";
import { Metrics } from "../../src/ops/metrics.js";
import type { AnsweredEvent, InsightsStore } from "../../src/store/insights.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { ResilientInsightsStore } from "../../src/store/resilient.js";

/** A store whose every call fails (or hangs), like Redis being down (or stuck). */
function brokenStore(mode: "fail" | "hang"): InsightsStore {
  const broken = () =>
    mode === "fail"
      ? Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379"))
      : new Promise<never>(() => {});
  return new Proxy({} as InsightsStore, { get: () => broken });
}

function recordingLogger() {
  const lines: { obj: object; msg?: string }[] = [];
  const log = (obj: object, msg?: string) => lines.push({ obj, msg });
  return { lines, logger: { info: log, warn: log, error: log } };
}

async function failureCount(metrics: Metrics, operation: string): Promise<number> {
  const values = (await metrics.storeFailures.get()).values;
  return values.find((value) => value.labels.operation === operation)?.value ?? 0;
}

describe("ResilientInsightsStore", () => {
  it("passes results through while the store works", async () => {
    const store = new ResilientInsightsStore(new MemoryInsightsStore(), {
      logger: recordingLogger().logger,
    });
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await store.mostAsked(3)).toEqual(["ads"]);
    expect(await store.claimUpdate(1)).toBe(true);
    expect(await store.claimUpdate(1)).toBe(false);
    expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe("recorded");
  });

  it.each(["fail", "hang"] as const)(
    "degrades when the store %ss: records resolve, claims say 'process', reads are empty",
    async (mode) => {
      const metrics = new Metrics({ processMetrics: false });
      const { lines, logger } = recordingLogger();
      const store = new ResilientInsightsStore(brokenStore(mode), {
        logger,
        failures: metrics.storeFailures,
        timeoutMs: 30,
      });
      const started = Date.now();
      await expect(
        store.recordAnswered({ faqId: "ads", channel: "http" }),
      ).resolves.toBeUndefined();
      await expect(
        store.recordUnanswered({
          normalized: "secret question text",
          channel: "http",
          bestCandidate: null,
          confidence: 0,
        }),
      ).resolves.toBeUndefined();
      expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe("recorded");
      expect(await store.claimUpdate(5)).toBe(true);
      expect(await store.mostAsked(5)).toEqual([]);
      expect(await store.unanswered(5)).toEqual([]);
      expect(await store.feedback()).toEqual([]);
      const stats = await store.stats({ days: 2 });
      expect(stats.totals).toEqual({ answered: 0, unanswered: 0 });
      expect(stats.byDay).toHaveLength(2);
      // Bounded by the deadline, not by the store.
      expect(Date.now() - started).toBeLessThan(2_000);

      expect(await failureCount(metrics, "recordUnanswered")).toBe(1);
      expect(await failureCount(metrics, "claimUpdate")).toBe(1);
      // Logged, but never with the question text.
      expect(lines.length).toBeGreaterThan(0);
      expect(JSON.stringify(lines)).not.toContain("secret question text");
      const logged = lines.find(
        (line) => (line.obj as { operation?: string }).operation === "recordUnanswered",
      );
      expect(logged?.obj).toMatchObject({
        err: { name: mode === "hang" ? "StoreTimeoutError" : "Error" },
      });
    },
  );

  it("logs a failing operation at most once per interval, counting every failure", async () => {
    const metrics = new Metrics({ processMetrics: false });
    const { lines, logger } = recordingLogger();
    const store = new ResilientInsightsStore(brokenStore("fail"), {
      logger,
      failures: metrics.storeFailures,
      logIntervalMs: 60_000,
    });
    for (let i = 0; i < 50; i++) await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(lines).toHaveLength(1);
    expect(await failureCount(metrics, "recordAnswered")).toBe(50);
  });

  it("gives a record the time its store waits by design before writing it (group commit)", async () => {
    const metrics = new Metrics({ processMetrics: false });
    // A store that acknowledges records only when its 60 ms group is written.
    class GroupingStore extends MemoryInsightsStore {
      readonly recordLatencyMs = 60;
      override async recordAnswered(event: AnsweredEvent): Promise<void> {
        await new Promise((resolve) => setTimeout(resolve, 60));
        return super.recordAnswered(event);
      }
    }
    const grouping = new GroupingStore();
    const store = new ResilientInsightsStore(grouping, {
      logger: recordingLogger().logger,
      failures: metrics.storeFailures,
      timeoutMs: 30,
    });
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await failureCount(metrics, "recordAnswered")).toBe(0);
    // The deadline still applies to everything else.
    expect(await store.mostAsked(3)).toEqual(["ads"]);
  });

  it("turns a synchronous throw (better-sqlite3 throws, it does not reject) into a degraded result", async () => {
    const throwing = new Proxy({} as InsightsStore, {
      get: () => () => {
        throw new Error("SQLITE_BUSY: database is locked");
      },
    });
    const store = new ResilientInsightsStore(throwing, { logger: recordingLogger().logger });
    expect(await store.claimUpdate(1)).toBe(true);
    expect(await store.mostAsked(1)).toEqual([]);
  });
});
