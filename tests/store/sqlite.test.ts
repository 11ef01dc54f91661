import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, describe, expect, it } from "vitest";
import { StoreSchemaError } from "../../src/store/insights.js";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";
import { defineInsightsStoreContract } from "./contract.js";

const folders: string[] = [];
const freshFolder = async () => {
  const folder = await mkdtemp(join(tmpdir(), "faq-sqlite-"));
  folders.push(folder);
  return folder;
};

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describe("SqliteInsightsStore", () => {
  defineInsightsStoreContract(
    async (options) =>
      new SqliteInsightsStore({ ...options, path: sqlitePathIn(await freshFolder()) }),
    { controllableClock: true },
  );

  it("creates its folder and schema, uses WAL, and keeps data across reopening", async () => {
    const path = join(await freshFolder(), "nested", "insights.sqlite");
    const store = new SqliteInsightsStore({ path });
    await store.recordAnswered({ faqId: "ads", channel: "http" });
    await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" });
    await store.close();

    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(db.pragma("user_version", { simple: true })).toBe(3);
    db.close();

    const reopened = new SqliteInsightsStore({ path });
    expect(await reopened.mostAsked(5)).toEqual(["ads"]);
    expect(await reopened.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe(
      "unchanged",
    );
    await reopened.close();
  });

  it("refuses a database written by a newer version, with a message saying what to do", async () => {
    const path = sqlitePathIn(await freshFolder());
    const db = new Database(path);
    db.pragma("user_version = 99");
    db.close();
    expect(() => new SqliteInsightsStore({ path })).toThrow(StoreSchemaError);
    expect(() => new SqliteInsightsStore({ path })).toThrow(/newer than this version/);
  });

  it("opens read-only for reports without changing the file", async () => {
    const path = sqlitePathIn(await freshFolder());
    const writer = new SqliteInsightsStore({ path });
    await writer.recordAnswered({ faqId: "ads", channel: "inline" });
    const reader = new SqliteInsightsStore({ path, readonly: true });
    expect((await reader.stats({ days: 1 })).byChannel.inline.answered).toBe(1);
    await expect(reader.recordAnswered({ faqId: "x", channel: "http" })).rejects.toThrow(
      /readonly/i,
    );
    await reader.close();
    await writer.close();
  });
});
