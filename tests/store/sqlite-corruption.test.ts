/**
 * A damaged statistics file never stops the service and never goes unnoticed: a file of
 * garbage, a partly corrupt file and a file corrupted while running are each moved aside
 * (`insights.sqlite.corrupt-<time>`) with one log line, and a fresh file takes over; a write
 * that fails keeps its records in memory and writes them once it can.
 */
import { openSync, readdirSync, writeSync, closeSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { createStore, StoreOpenError } from "../../src/store/index.js";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";

const folders: string[] = [];
async function freshFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "faq-corrupt-"));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

function recordingLogger() {
  const lines: { level: string; obj: object; msg?: string }[] = [];
  const at = (level: string) => (obj: object, msg?: string) => lines.push({ level, obj, msg });
  return { lines, logger: { info: at("info"), warn: at("warn"), error: at("error") } };
}

/** A real statistics file with enough unanswered questions to span many pages. */
async function populatedFile(folder: string): Promise<string> {
  const path = sqlitePathIn(folder);
  const store = new SqliteInsightsStore({ path, groupCommitMs: 1 });
  const recorded: Promise<void>[] = [];
  for (let i = 0; i < 3_000; i++)
    recorded.push(
      store.recordUnanswered({
        normalized: `question number ${i} about something long enough to fill pages`,
        channel: "http",
        bestCandidate: null,
        confidence: 0,
      }),
    );
  recorded.push(store.recordAnswered({ faqId: "ads", channel: "http" }));
  await Promise.all(recorded);
  await store.close();
  return path;
}

/** Overwrites pages in the middle of the file (the header and first pages stay intact). */
function corruptMiddle(path: string): void {
  const fd = openSync(path, "r+");
  const garbage = Buffer.alloc(4096 * 8, 0xa5);
  writeSync(fd, garbage, 0, garbage.length, 4096 * 6);
  closeSync(fd);
}

const asideIn = (folder: string) =>
  readdirSync(folder).filter((name) => name.includes(".corrupt-"));

describe("a damaged SQLite statistics file", () => {
  it("of garbage: moved aside at open, one log line, a fresh file that works", async () => {
    const folder = await freshFolder();
    await writeFile(sqlitePathIn(folder), Buffer.alloc(20_000, "not a database at all "));
    const { lines, logger } = recordingLogger();
    const opened = await createStore(
      { dataDir: folder, redisUrl: undefined, retentionDays: 30 },
      { logger },
    );
    expect(asideIn(folder)).toEqual([expect.stringMatching(/^insights\.sqlite\.corrupt-\d{4}-/)]);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: "error",
      msg: "statistics file is corrupt: moved it aside and started a fresh one",
      obj: { reason: "file is not a database" },
    });
    await opened.store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await opened.store.mostAsked(3)).toEqual(["ads"]);
    const health = opened.store.health!();
    expect(health).toMatchObject({ status: "ok", recoveries: 1 });
    expect(health.lastRecovery?.movedTo).toContain(".corrupt-");
    await opened.store.close();
  });

  it("partly corrupt: quick_check at open finds it, moved aside", async () => {
    const folder = await freshFolder();
    const path = await populatedFile(folder);
    corruptMiddle(path);
    const { lines, logger } = recordingLogger();
    const store = new SqliteInsightsStore({ path, logger });
    expect(asideIn(folder)).toHaveLength(1);
    expect(lines.map((line) => line.msg)).toEqual([
      "statistics file is corrupt: moved it aside and started a fresh one",
    ]);
    expect(await store.unanswered(5)).toEqual([]);
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    expect(await store.mostAsked(1)).toEqual(["ads"]);
    await store.close();
  });

  it("corrupted while running: the periodic check finds it; waiting records go to the fresh file", async () => {
    const folder = await freshFolder();
    const path = await populatedFile(folder);
    const { lines, logger } = recordingLogger();
    // A long group window: the records below are still waiting when the file is checked.
    const store = new SqliteInsightsStore({ path, logger, groupCommitMs: 60_000 });
    expect(await store.mostAsked(1)).toEqual(["ads"]);
    expect(store.checkIntegrity()).toBeUndefined();
    const recorded = store.recordAnswered({ faqId: "backups", channel: "inline" });
    corruptMiddle(path);
    // The store's own connection has these pages cached and would not notice.
    expect(store.checkIntegrity()).toMatch(/./);
    expect(asideIn(folder)).toHaveLength(1);
    expect(lines.at(-1)?.msg).toBe(
      "statistics file is corrupt: moved it aside and started a fresh one",
    );
    expect(await store.mostAsked(5)).toEqual(["backups"]);
    await recorded;
    expect(store.health()).toMatchObject({ status: "ok", recoveries: 1, pendingRecords: 0 });
    await store.close();
  });

  it("a write that fails keeps its records and writes them once it can (degraded meanwhile)", async () => {
    const folder = await freshFolder();
    const path = sqlitePathIn(folder);
    const store = new SqliteInsightsStore({ path, groupCommitMs: 20, busyTimeoutMs: 10 });
    // Another connection holds the write lock: the group's transaction fails with SQLITE_BUSY.
    const other = new Database(path);
    other.exec("BEGIN IMMEDIATE");
    const failed = store.recordAnswered({ faqId: "ads", channel: "http" });
    await expect(failed).rejects.toThrow(/locked|busy/i);
    expect(store.health()).toMatchObject({ status: "degraded", pendingRecords: 1 });
    expect(store.health().reason).toMatch(/write failed/);
    other.exec("ROLLBACK");
    other.close();
    // The retry is scheduled by the failed group itself: no new record is needed.
    for (let i = 0; i < 100 && store.health().status !== "ok"; i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(store.health()).toMatchObject({ status: "ok", pendingRecords: 0 });
    expect(await store.mostAsked(1)).toEqual(["ads"]);
    await store.close();
  });

  it("a report (read-only) never moves a file: it says the file is corrupt", async () => {
    const folder = await freshFolder();
    await writeFile(sqlitePathIn(folder), Buffer.alloc(8_192, 7));
    const opening = createStore(
      { dataDir: folder, redisUrl: undefined, retentionDays: 30 },
      { logger: recordingLogger().logger, readonly: true },
    );
    await expect(opening).rejects.toThrow(StoreOpenError);
    await expect(opening).rejects.toThrow(/corrupt/);
    await expect(opening).rejects.not.toThrow(/writable folder/);
    expect(asideIn(folder)).toEqual([]);
  });

  it("an unwritable folder is still reported as the folder's problem", async () => {
    const folder = await freshFolder();
    await writeFile(join(folder, "a-file"), "x");
    await expect(
      createStore(
        { dataDir: join(folder, "a-file", "sub"), redisUrl: undefined, retentionDays: 30 },
        { logger: recordingLogger().logger },
      ),
    ).rejects.toThrow(/Check DATA_DIR/);
  });
});
