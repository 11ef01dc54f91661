import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const SCRIPT = path.resolve("scripts/build-if-changed.mjs");
const root = mkdtempSync(path.join(tmpdir(), "faq-build-stamp-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const run = (argument: string) =>
  execFileSync(process.execPath, [SCRIPT, argument], { cwd: root, encoding: "utf8" }).trim();
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};

describe("npm start builds only when the build's inputs changed", () => {
  it("rebuilds after an edit to src/, faq/ (sub-folders too) or the package, not after a touch", () => {
    write("package.json", "{}");
    write("src/main.ts", "export {};");
    write("faq/en/backups.md", "answer");
    write("faq/data/categories.yaml", "- id: x");
    expect(run("--dry-run")).toBe("would build: dist/ has not been built");
    write("dist/main.js", "");
    expect(run("--dry-run")).toBe("would build: dist/ has no record of what it was built from");
    run("--stamp");
    expect(run("--dry-run")).toBe("dist/ is up to date with src/ and faq/: not rebuilding");

    // Same content, new modification time (a checkout, a save without changes): no build.
    const later = new Date(Date.now() + 60_000);
    utimesSync(path.join(root, "src/main.ts"), later, later);
    expect(run("--dry-run")).toBe("dist/ is up to date with src/ and faq/: not rebuilding");

    for (const [file, text] of [
      ["faq/en/backups.md", "a better answer"],
      ["faq/data/categories.yaml", "- id: y"],
      ["src/new-module.ts", "export {};"],
      ["package.json", '{"name": "x"}'],
    ]) {
      write(file!, text!);
      expect(run("--dry-run"), file).toBe("would build: src/, faq/ or the package changed");
      run("--stamp");
    }
  });
});
