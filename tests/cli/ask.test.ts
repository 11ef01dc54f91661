import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";

const ask = (...args: string[]) =>
  spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
    encoding: "utf8",
    timeout: 30_000,
  });

describe("npm run ask", () => {
  it("prints its usage for --help and -h, and exits 0 without answering", () => {
    for (const flag of ["--help", "-h"]) {
      const { status, stdout, stderr } = ask(flag);
      expect(status, flag).toBe(0);
      expect(stdout).toMatch(
        /^Usage: npm run ask -- "your question" \[--lang CODE\] \[--explain\]/,
      );
      expect(stdout).toContain("--explain");
      expect(stderr).toBe("");
    }
  });

  it("refuses an unknown option and a missing question with the usage, exit 1", () => {
    const unknown = ask("--explian", "backup");
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toMatch(/^Unknown option --explian\n\nUsage:/);
    const empty = ask();
    expect(empty.status).toBe(1);
    expect(empty.stderr).toMatch(/^Usage:/);
  });
});
