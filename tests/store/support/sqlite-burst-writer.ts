/**
 * Child process of the SQLite durability test: writes through the SQLite store as fast as it
 * can, alternating a vote (voter key `voter-<n>`) and an answer (FAQ id `faq-<n>`), and prints
 * `ack <n>` after each write the store has acknowledged. The test kills it with SIGKILL.
 *
 * Usage: node --import tsx tests/store/support/sqlite-burst-writer.ts <database path>
 */
import { writeSync } from "node:fs";
import { SqliteInsightsStore } from "../../../src/store/sqlite.js";

const path = process.argv[2];
if (path === undefined) throw new Error("usage: sqlite-burst-writer.ts <database path>");
// Each answer is awaited before the next: a short group window keeps the burst a burst.
const store = new SqliteInsightsStore({ path, groupCommitMs: 1 });
writeSync(1, "ready\n");
for (let n = 0; ; n++) {
  if (n % 2 === 0) await store.recordVote({ faqId: "ads", vote: "up", voterKey: `voter-${n}` });
  else await store.recordAnswered({ faqId: `faq-${n}`, channel: "telegram-private" });
  // Synchronous write: once the test reads "ack n", the write above had returned.
  writeSync(1, `ack ${n}\n`);
}
