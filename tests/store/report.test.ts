import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { MemoryInsightsStore } from "../../src/store/memory.js";
import { formatReport, gatherReport } from "../../src/store/report.js";
import { SqliteInsightsStore, sqlitePathIn } from "../../src/store/sqlite.js";

const REPO_ROOT = fileURLToPath(new URL("../..", import.meta.url));
const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

async function fill(store: MemoryInsightsStore | SqliteInsightsStore): Promise<void> {
  for (let i = 0; i < 3; i++)
    await store.recordAnswered({ faqId: "e2e-messages", channel: "http" });
  await store.recordAnswered({ faqId: "backups", channel: "telegram-group" });
  await store.recordUnanswered({
    normalized: "weather paris",
    channel: "inline",
    bestCandidate: "location",
    confidence: 0.21,
  });
  await store.recordVote({ faqId: "e2e-messages", vote: "down", voterKey: "k" });
}

describe("the insight report", () => {
  it("shows totals, channels, days, top answers, unanswered questions and feedback", async () => {
    const store = new MemoryInsightsStore();
    await fill(store);
    const text = formatReport(await gatherReport(store, { days: 2 }));
    expect(text).toMatch(/^Last 2 days \(\d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, UTC\)$/m);
    expect(text).toMatch(/Questions: 4 answered, 1 unanswered \(20% unanswered\)/);
    expect(text).toMatch(/^ {2}http +3 +0$/m);
    expect(text).toMatch(/^ {2}inline +0 +1$/m);
    expect(text).toMatch(/^ +3 {2}e2e-messages$/m);
    expect(text).toMatch(/1 {2}weather paris {2}\(closest location at 0\.21; last /);
    expect(text).toMatch(/0 \/ 1 +e2e-messages/);
  });

  it("says so when there is nothing yet", async () => {
    const text = formatReport(await gatherReport(new MemoryInsightsStore(), { days: 1 }));
    expect(text.match(/\(none yet\)/g)).toHaveLength(3);
  });

  it("npm run report prints it from the SQLite file in DATA_DIR, and refuses bad options", async () => {
    const folder = await mkdtemp(join(tmpdir(), "faq-report-"));
    folders.push(folder);
    // REDIS_URL set (empty) so a developer's .env cannot point the CLI elsewhere.
    const env = { PATH: process.env.PATH ?? "", DATA_DIR: folder, REDIS_URL: "" };
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ["--import", "tsx", "src/cli/report.ts", ...args], {
        cwd: REPO_ROOT,
        env,
        encoding: "utf8",
      });

    expect(run().stdout).toMatch(/No statistics yet: .*insights\.sqlite does not exist/);

    const store = new SqliteInsightsStore({ path: sqlitePathIn(folder) });
    await fill(store);
    const report = run("--days", "3");
    expect(report.status).toBe(0);
    expect(report.stdout).toContain(`Statistics from sqlite (${sqlitePathIn(folder)})`);
    expect(report.stdout).toMatch(/Questions: 4 answered, 1 unanswered/);
    const json = JSON.parse(run("--json").stdout) as { stats: { totals: unknown } };
    expect(json.stats.totals).toEqual({ answered: 4, unanswered: 1 });
    await store.close();

    const bad = run("--days", "0");
    expect(bad.status).toBe(1);
    expect(bad.stderr).toMatch(/--days must be a whole number from 1 to 366/);
  }, 30_000);
});
