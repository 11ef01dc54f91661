/**
 * Environment every spawned test service gets unless a test says otherwise: its own
 * throw-away statistics folder (so parallel test files never share a SQLite file, and nothing
 * lands in the repository's ./data), and rate limits high enough, and load shedding off, so
 * they do not interfere with tests that are about something else (load tests, long end-to-end
 * scenarios from one user; several services and their clients share two CPU cores under CI,
 * which can keep an event loop late for a second on end).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export interface ServiceStoreEnv {
  readonly env: Record<string, string>;
  /** Deletes the statistics folder (after the process has exited). */
  cleanup(): void;
}

export function isolatedServiceEnv(): ServiceStoreEnv {
  const dataDir = mkdtempSync(join(tmpdir(), "faq-service-data-"));
  return {
    env: {
      DATA_DIR: dataDir,
      RATE_LIMIT_ASK_PER_MINUTE: "1000000",
      RATE_LIMIT_BOT_PER_MINUTE: "10000",
      SHED_LOAD_DELAY_MS: "0",
    },
    cleanup: () => rmSync(dataDir, { recursive: true, force: true }),
  };
}
