import { existsSync } from "node:fs";

/**
 * Suites that need a Debian package run under CI (CI=true), where `.ci/run` installs it, and
 * fail there if it is missing. On a developer's machine without it they are skipped, with the
 * command that installs it, so `npm test` stays green for a newcomer.
 */
export function requireSystemBinary(path: string, installCommand: string): boolean {
  if (existsSync(path)) return true;
  if (process.env.CI === "true") {
    throw new Error(`${path} is missing under CI; .ci/run must install it (${installCommand})`);
  }
  console.warn(`Skipping: ${path} not found. Install it with: ${installCommand}`);
  return false;
}
