import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KnowledgeBaseError, loadKnowledgeBase } from "../../src/faq/loader.js";
import {
  loadKnowledgeBaseAtStart,
  writeKnowledgeBaseSnapshot,
  type SnapshotLocation,
} from "../../src/faq/snapshot.js";

const REAL_FAQ = new URL("../../faq", import.meta.url).pathname;
const PROJECT_ROOT = new URL("../..", import.meta.url).pathname;

describe("knowledge-base build snapshot", () => {
  let root: string;
  let faqDir: string;
  let location: SnapshotLocation & { snapshotFile: string; codeRoot: string };

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "kb-snapshot-"));
    faqDir = path.join(root, "faq");
    cpSync(REAL_FAQ, faqDir, { recursive: true });
    // A stand-in for the compiled code, so a test can change "the code" without touching src/.
    location = {
      snapshotFile: path.join(root, "dist", "kb.json"),
      codeRoot: path.join(root, "code"),
    };
    mkdirSync(location.codeRoot);
    writeFileSync(path.join(location.codeRoot, "main.js"), "console.log(1);\n");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const start = () => loadKnowledgeBaseAtStart(faqDir, location);
  const edit = (file: string, change: (content: string) => string) =>
    writeFileSync(file, change(readFileSync(file, "utf8")));

  it("without a snapshot validates in full and writes nothing", async () => {
    const started = await start();
    expect(started).toMatchObject({ validation: "full", snapshotMiss: "absent" });
    expect(started.warning).toBeUndefined();
    expect(started.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));
    expect(existsSync(location.snapshotFile)).toBe(false);
  });

  it("starts from the snapshot of the same files and code, with the same knowledge base", async () => {
    const written = await writeKnowledgeBaseSnapshot(faqDir, location);
    const started = await start();
    expect(started.validation).toBe("snapshot");
    expect(started.snapshotMiss).toBeUndefined();
    expect(started.knowledgeBase).toEqual(written);
    expect(started.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));

    // Files that are not part of the knowledge base do not matter.
    writeFileSync(path.join(faqDir, "notes.txt"), "not part of the knowledge base");
    expect((await start()).validation).toBe("snapshot");
  });

  it("validates in full after a FAQ edit without a rebuild, and refuses an invalid one", async () => {
    await writeKnowledgeBaseSnapshot(faqDir, location);
    const snapshot = readFileSync(location.snapshotFile, "utf8");

    edit(path.join(faqDir, "ads.md"), (content) => `${content} `);
    const edited = await start();
    expect(edited).toMatchObject({ validation: "full", snapshotMiss: "out of date" });
    expect(edited.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));

    edit(path.join(faqDir, "ads.md"), (content) =>
      content.replace(/^category: .*$/m, "category: no-such-category"),
    );
    await expect(start()).rejects.toThrow(/ads\.md \[category\]/);

    rmSync(path.join(faqDir, "thesaurus.yaml"));
    await expect(start()).rejects.toThrow(KnowledgeBaseError);
    expect(readFileSync(location.snapshotFile, "utf8")).toBe(snapshot); // never written at start
  });

  it("validates in full when the code changed since the snapshot was built", async () => {
    await writeKnowledgeBaseSnapshot(faqDir, location);
    edit(path.join(location.codeRoot, "main.js"), (content) => `${content}// changed\n`);
    expect(await start()).toMatchObject({ validation: "full", snapshotMiss: "out of date" });

    writeFileSync(path.join(location.codeRoot, "extra.js"), "");
    await writeKnowledgeBaseSnapshot(faqDir, location);
    expect((await start()).validation).toBe("snapshot");
    rmSync(path.join(location.codeRoot, "extra.js"));
    expect((await start()).validation).toBe("full");
  });

  it("validates in full, with a warning, when the snapshot is corrupt or unreadable", async () => {
    await writeKnowledgeBaseSnapshot(faqDir, location);
    const { key } = JSON.parse(readFileSync(location.snapshotFile, "utf8")) as { key: string };
    const corruptions = [
      '{"key": "trunc', // cut short
      JSON.stringify({ key, knowledgeBase: { entries: "garbled" } }), // right key, wrong content
    ];
    for (const corrupt of corruptions) {
      writeFileSync(location.snapshotFile, corrupt);
      const started = await start();
      expect(started).toMatchObject({ validation: "full", snapshotMiss: "unreadable" });
      expect(started.warning).toMatch(/snapshot .* is unreadable .*validating in full/);
      expect(started.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));
    }

    rmSync(location.snapshotFile);
    mkdirSync(location.snapshotFile); // a folder in its place: reading fails with EISDIR
    expect(await start()).toMatchObject({ validation: "full", snapshotMiss: "unreadable" });
  });

  it("never snapshots an invalid knowledge base", async () => {
    edit(path.join(faqDir, "ads.md"), (content) =>
      content.replace(/^category: .*$/m, "category: no-such-category"),
    );
    await expect(writeKnowledgeBaseSnapshot(faqDir, location)).rejects.toThrow(
      /ads\.md \[category\]/,
    );
    expect(existsSync(location.snapshotFile)).toBe(false);
  });

  it("the build's snapshot step fails on an invalid knowledge base with faq:check's message", () => {
    edit(path.join(faqDir, "ads.md"), (content) =>
      content.replace(/^category: .*$/m, "category: no-such-category"),
    );
    const run = (script: string) =>
      spawnSync(process.execPath, ["--import", "tsx", script], {
        cwd: PROJECT_ROOT,
        env: { ...process.env, FAQ_DIR: faqDir },
        encoding: "utf8",
      });
    const snapshot = run("src/cli/faq-snapshot.ts");
    const check = run("src/cli/faq-check.ts");
    expect(snapshot.status).toBe(1);
    expect(check.status).toBe(1);
    expect(snapshot.stderr).toContain("ads.md [category]");
    expect(snapshot.stderr).toBe(check.stderr);
  }, 30_000);
});
