import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SqliteUpdateQueue } from "../../../src/store/queue/sqlite-queue.js";
import { QueueUnavailableError, UPDATE_ID_TTL_MS } from "../../../src/store/queue/types.js";
import { JumpClock } from "../../support/jump-clock.js";
import { defineQueueContract } from "./contract.js";

function tempDir(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "faq-queue-"));
  return {
    path: join(dir, "queue.sqlite"),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

describe("SQLite update queue", () => {
  defineQueueContract(() => {
    const dir = tempDir();
    return {
      open: () => new SqliteUpdateQueue({ path: dir.path }),
      cleanup: async () => dir.remove(),
    };
  });

  it("forgets a done update's id (and its effects) 24 hours later, not before; its update at once", async () => {
    const dir = tempDir();
    const clock = new JumpClock();
    const queue = new SqliteUpdateQueue({ path: dir.path, clock });
    try {
      queue.start(
        async (job) => {
          await job.effects.record(0, "sendMessage");
          return { kind: "done" };
        },
        { concurrency: 1 },
      );
      await queue.enqueue({
        updateId: 5,
        lane: "chat:1",
        update: { update_id: 5, secret: "text" },
      });
      while (queue.pending > 0) await new Promise((resolve) => setTimeout(resolve, 10));
      clock.jump(UPDATE_ID_TTL_MS - 60_000);
      queue.prune();
      expect(await queue.enqueue({ updateId: 5, lane: "chat:1", update: { update_id: 5 } })).toBe(
        "duplicate",
      );
      clock.jump(120_000);
      queue.prune();
      await queue.stop(0);
      expect(await queue.enqueue({ updateId: 5, lane: "chat:1", update: { update_id: 5 } })).toBe(
        "queued",
      );
    } finally {
      await queue.close();
      dir.remove();
    }
  });

  it("rejects with QueueUnavailableError when the file cannot take the update", async () => {
    const dir = tempDir();
    const queue = new SqliteUpdateQueue({ path: dir.path });
    await queue.close(); // a closed database stands for a disk that refuses writes
    await expect(
      queue.enqueue({ updateId: 1, lane: "chat:1", update: { update_id: 1 } }),
    ).rejects.toBeInstanceOf(QueueUnavailableError);
    dir.remove();
  });
});
