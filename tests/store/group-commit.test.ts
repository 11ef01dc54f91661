import { describe, expect, it } from "vitest";
import { GroupCommit } from "../../src/store/group-commit.js";
import { HourlyTally } from "../../src/store/hourly-tally.js";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { ResilientInsightsStore } from "../../src/store/resilient.js";
import { Metrics } from "../../src/ops/metrics.js";

describe("HourlyTally", () => {
  it("sums counts by hour, channel and key, and empties when taken", () => {
    const tally = new HourlyTally();
    for (let i = 0; i < 3; i++) tally.add(10, "http", "ads");
    tally.add(10, "inline", "ads");
    tally.add(11, "http", "ads");
    tally.add(10, "http", "");
    expect(tally.take()).toEqual([
      { hour: 10, channel: "http", key: "ads", count: 3 },
      { hour: 10, channel: "http", key: "", count: 1 },
      { hour: 10, channel: "inline", key: "ads", count: 1 },
      { hour: 11, channel: "http", key: "ads", count: 1 },
    ]);
    expect(tally.take()).toEqual([]);
  });
});

describe("GroupCommit", () => {
  it("writes the records of a group once, and they share one promise", async () => {
    const written: number[] = [];
    let summed = 0;
    const commits = new GroupCommit({
      commit: () => {
        written.push(summed);
        summed = 0;
      },
      delayMs: 5,
    });
    const promises = Array.from({ length: 10 }, () => (summed++, commits.add()));
    expect(new Set(promises).size).toBe(1);
    expect(commits.pending).toBe(10);
    await Promise.all(promises);
    expect(written).toEqual([10]);
    expect(commits.pending).toBe(0);
  });

  it("writes a full group at once, and on flush", async () => {
    let writes = 0;
    const commits = new GroupCommit({
      commit: () => void writes++,
      maxRecords: 3,
      delayMs: 60_000,
    });
    const first = [commits.add(), commits.add(), commits.add()];
    expect(writes).toBe(1);
    const second = commits.add();
    expect(second).not.toBe(first[0]);
    await commits.flush();
    expect(writes).toBe(2);
    await Promise.all([...first, second]);
  });

  it("rejects every record of a failed group, and the next group starts afresh", async () => {
    let fail = true;
    const commits = new GroupCommit({
      commit: () => {
        if (fail) throw new Error("SQLITE_BUSY");
      },
      delayMs: 1,
    });
    const failed = [commits.add(), commits.add()];
    for (const promise of failed) await expect(promise).rejects.toThrow("SQLITE_BUSY");
    fail = false;
    await expect(commits.add()).resolves.toBeUndefined();
  });

  it("with no delay, writes at the end of the current task", async () => {
    let writes = 0;
    const commits = new GroupCommit({ commit: async () => void writes++, delayMs: 0 });
    const promise = commits.add();
    commits.add();
    expect(writes).toBe(0);
    await Promise.resolve();
    expect(writes).toBe(1);
    await promise;
  });
});

describe("ResilientInsightsStore with a group-committing store", () => {
  function groupStore(commit: () => void | Promise<void>) {
    const commits = new GroupCommit({ commit, delayMs: 5 });
    const store = new MemoryInsightsStore();
    store.recordAnswered = () => commits.add();
    store.recordUnanswered = () => commits.add();
    return store;
  }
  const silent = { info() {}, warn() {}, error() {} };
  const unanswered = {
    normalized: "q",
    channel: "http",
    bestCandidate: null,
    confidence: 0,
  } as const;

  it("shares one guarded promise per group", async () => {
    const store = new ResilientInsightsStore(
      groupStore(() => undefined),
      { logger: silent },
    );
    const a = store.recordAnswered({ faqId: "ads", channel: "http" });
    const b = store.recordUnanswered(unanswered);
    expect(a).toBe(b);
    await a;
    expect(store.recordAnswered({ faqId: "ads", channel: "http" })).not.toBe(a);
  });

  it("counts every record of a failed or timed-out group as a failure, by operation", async () => {
    const metrics = new Metrics({ processMetrics: false });
    const lines: object[] = [];
    const logger = { info() {}, warn: (obj: object) => lines.push(obj), error() {} };
    const failing = new ResilientInsightsStore(
      groupStore(() => {
        throw new Error("disk full");
      }),
      { logger, failures: metrics.storeFailures },
    );
    await Promise.all([
      failing.recordAnswered({ faqId: "ads", channel: "http" }),
      failing.recordAnswered({ faqId: "ads", channel: "http" }),
      failing.recordUnanswered(unanswered),
    ]);
    const hanging = new ResilientInsightsStore(
      groupStore(() => new Promise<void>(() => {})),
      { logger, failures: metrics.storeFailures, timeoutMs: 20 },
    );
    await Promise.all([
      hanging.recordAnswered({ faqId: "ads", channel: "http" }),
      hanging.recordAnswered({ faqId: "ads", channel: "http" }),
    ]);
    const values = (await metrics.storeFailures.get()).values;
    const count = (operation: string) =>
      values.find((value) => value.labels.operation === operation)?.value;
    expect(count("recordAnswered")).toBe(4);
    expect(count("recordUnanswered")).toBe(1);
    // One line per store, operation and interval; the rest are counted.
    expect(lines).toHaveLength(3);
  });
});
