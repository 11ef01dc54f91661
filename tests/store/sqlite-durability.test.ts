/**
 * Durability of the SQLite store: a child process writes a burst of votes and answers and
 * prints "ack <n>" after each acknowledged write; the test kill -9s it mid-burst, reopens the
 * database and checks that every acknowledged write is there (WAL, synchronous=NORMAL).
 */
import { spawn } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
let folder: string | undefined;

afterAll(async () => {
  if (folder !== undefined) await rm(folder, { recursive: true, force: true });
});

describe("SQLite durability", () => {
  it("keeps every acknowledged write when the writer is killed with SIGKILL mid-burst", async () => {
    folder = await mkdtemp(join(tmpdir(), "faq-durability-"));
    const path = sqlitePathIn(folder);
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "tests/store/support/sqlite-burst-writer.ts", path],
      { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
    );
    let output = "";
    let lastAck = -1;
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.stdout.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const acks = [...output.matchAll(/^ack (\d+)$/gm)];
      if (acks.length > 0) lastAck = Number(acks[acks.length - 1]![1]);
      // Kill mid-burst, while it is writing as fast as it can.
      if (lastAck >= 2_000 && child.exitCode === null && child.signalCode === null)
        child.kill("SIGKILL");
    });
    const exit = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>(
      (resolve) => child.once("exit", (code, signal) => resolve({ code, signal })),
    );
    expect(exit.signal, output.slice(-2_000)).toBe("SIGKILL");
    // Read the last ack only after the exit: nothing after the kill can be printed.
    const acknowledged = lastAck + 1;
    expect(acknowledged).toBeGreaterThanOrEqual(2_001);

    const store = new SqliteInsightsStore({ path });
    const votes = Math.ceil(acknowledged / 2); // writes 0, 2, 4, ... are votes
    const answers = Math.floor(acknowledged / 2);
    const feedback = await store.feedback();
    const upVotes = feedback.find((item) => item.faqId === "ads")?.up ?? 0;
    const answered = (await store.stats({ days: 1 })).byChannel["telegram-private"].answered;
    // Every acknowledged write is there; at most the one in flight at the kill is extra.
    expect(upVotes).toBeGreaterThanOrEqual(votes);
    expect(upVotes).toBeLessThanOrEqual(votes + 1);
    expect(answered).toBeGreaterThanOrEqual(answers);
    expect(answered).toBeLessThanOrEqual(answers + 1);
    // And each acknowledged vote's guard is there (pressing again is "unchanged").
    for (let n = 0; n < acknowledged; n += 2) {
      const outcome = await store.recordVote({ faqId: "ads", vote: "up", voterKey: `voter-${n}` });
      if (outcome !== "unchanged") throw new Error(`acknowledged vote ${n} is missing`);
    }
    console.log(
      `SQLite durability: killed with SIGKILL after ${acknowledged} acknowledged writes; after reopening ${votes} votes and ${answers} answers acknowledged, ${upVotes} and ${answered} found: none lost`,
    );
    await store.close();
  }, 60_000);
});
