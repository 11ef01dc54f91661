/**
 * `npm run report -- [--days N] [--top N] [--json]`: the admin insight in the terminal (the
 * same as `GET /admin/stats`, `/admin/unanswered` and `/admin/feedback`), read from the
 * configured store: Redis when REDIS_URL is set, else the SQLite file in DATA_DIR (opened
 * read-only, so it is safe next to a running service).
 */
import "dotenv/config";
import { existsSync } from "node:fs";
import { ConfigError, loadConfig } from "../config/index.js";
import { createStore, MAX_STATS_DAYS, StoreOpenError } from "../store/index.js";
import { formatReport, gatherReport } from "../store/report.js";
import { sqlitePathIn } from "../store/sqlite.js";
import { runCli, UsageError } from "./run.js";

const USAGE =
  "Usage: npm run report -- [--days N (1-366, default 7)] [--top N (default 10)] [--json]";

/** Reads `--name N` as a whole number in [1, max]. */
function numberOption(args: string[], name: string, fallback: number, max: number): number {
  const index = args.indexOf(name);
  if (index === -1) return fallback;
  const value = Number(args[index + 1]);
  if (!Number.isInteger(value) || value < 1 || value > max)
    throw new UsageError(`${name} must be a whole number from 1 to ${max}.\n${USAGE}`);
  return value;
}

await runCli(async () => {
  const args = process.argv.slice(2);
  const known = new Set(["--days", "--top", "--json"]);
  const unknown = args.filter((arg) => arg.startsWith("--") && !known.has(arg));
  if (unknown.length > 0 || args.includes("--help")) throw new UsageError(USAGE);
  const days = numberOption(args, "--days", 7, MAX_STATS_DAYS);
  const top = numberOption(args, "--top", 10, 1_000);

  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  if (config.redisUrl === undefined && !existsSync(sqlitePathIn(config.dataDir))) {
    console.log(
      `No statistics yet: ${sqlitePathIn(config.dataDir)} does not exist (the service creates it on start; set DATA_DIR or REDIS_URL to read another store).`,
    );
    return;
  }

  // Errors go to stderr; the report itself is the only thing on stdout.
  const logger = { info: () => {}, warn: console.error, error: console.error };
  let opened;
  try {
    opened = await createStore(config, { logger, readonly: true, redisConnectTimeoutMs: 3_000 });
  } catch (error) {
    if (error instanceof StoreOpenError) throw new UsageError(error.message);
    throw error;
  }
  try {
    if (opened.redis !== undefined && opened.redis.status !== "ready")
      throw new UsageError(`Redis at ${opened.location} is not reachable.`);
    const report = await gatherReport(opened.store, { days, top });
    console.log(
      args.includes("--json")
        ? JSON.stringify(report, null, 2)
        : `Statistics from ${opened.backend} (${opened.location})\n\n${formatReport(report)}`,
    );
  } finally {
    await opened.store.close();
  }
});
