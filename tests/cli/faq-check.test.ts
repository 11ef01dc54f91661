import { spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";

const REAL_FAQ = new URL("../../faq", import.meta.url).pathname;
const PROJECT_ROOT = new URL("../..", import.meta.url).pathname;

describe("npm run faq:check across languages", () => {
  let root: string;
  let faqDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "faq-check-"));
    faqDir = path.join(root, "faq");
    cpSync(REAL_FAQ, faqDir, { recursive: true });
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const check = (...args: string[]) =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/faq-check.ts", ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, FAQ_DIR: faqDir },
      encoding: "utf8",
    });

  it("passes on the real knowledge base, every language complete", () => {
    const run = check();
    expect(run.status, run.stderr).toBe(0);
    for (const language of ["es", "pt", "de", "fr", "hi", "tr", "id"])
      expect(run.stdout).toMatch(new RegExp(`${language}: (\\d+) of \\1 entries translated`));
  }, 90_000);

  it("fails naming the entry and language of a missing translation and of a stale one", () => {
    rmSync(path.join(faqDir, "de", "ads.md"));
    // Correcting a fact in English leaves the Spanish translation made from the older version.
    const english = path.join(faqDir, "e2e-messages.md");
    writeFileSync(english, readFileSync(english, "utf8").replace(/\n---\n/, "\n---\nCorrected. "));
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("faq/de/ads.md: missing");
    expect(run.stderr).toContain("faq/es/e2e-messages.md: made from an older version");
    const gaps = check("--gaps", "es");
    expect(gaps.stdout).toMatch(/e2e-messages\s+stale\s+translated_from: [0-9a-f]{8}/);
  }, 90_000);

  it("fails when a language lacks one of English's not-covered topics", () => {
    const french = path.join(faqDir, "fr", "out-of-scope.yaml");
    writeFileSync(
      french,
      readFileSync(french, "utf8").replace("- id: post-quantum\n", "- id: other\n"),
    );
    const run = check();
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `fr/out-of-scope.yaml [post-quantum]: lacks the not-covered topic "post-quantum"`,
    );
  }, 90_000);
});
