import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { KNOWLEDGE_BASE_CACHE_FILE, loadKnowledgeBaseCached } from "../../src/faq/cache.js";
import { KnowledgeBaseError, loadKnowledgeBase } from "../../src/faq/loader.js";

const REAL_FAQ = new URL("../../faq", import.meta.url).pathname;

describe("knowledge-base start-up cache", () => {
  let root: string;
  let faqDir: string;
  let cacheDir: string;

  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "kb-cache-"));
    faqDir = path.join(root, "faq");
    cacheDir = path.join(root, "data");
    cpSync(REAL_FAQ, faqDir, { recursive: true });
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
  });

  const load = () => loadKnowledgeBaseCached(faqDir, cacheDir);
  const edit = (name: string, change: (content: string) => string) => {
    const file = path.join(faqDir, name);
    writeFileSync(file, change(readFileSync(file, "utf8")));
  };

  it("validates in full the first time, then returns the same knowledge base from the cache", async () => {
    const first = await load();
    const second = await load();
    expect(first.fromCache).toBe(false);
    expect(second.fromCache).toBe(true);
    expect(second.knowledgeBase).toEqual(first.knowledgeBase);
    expect(second.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));
  });

  it("validates again after a file is edited or removed; other files in the folder do not matter", async () => {
    await load();
    edit("ads.md", (content) => `${content} `);
    const edited = await load();
    expect(edited.fromCache).toBe(false);
    expect(edited.knowledgeBase).toEqual(await loadKnowledgeBase(faqDir));
    expect((await load()).fromCache).toBe(true);

    rmSync(path.join(faqDir, "thesaurus.yaml"));
    await expect(load()).rejects.toThrow(KnowledgeBaseError);

    cpSync(path.join(REAL_FAQ, "thesaurus.yaml"), path.join(faqDir, "thesaurus.yaml"));
    writeFileSync(path.join(faqDir, "notes.txt"), "not part of the knowledge base");
    expect((await load()).fromCache).toBe(true); // back to files validated before
  });

  it("rejects an invalid edit even though the previous files are cached", async () => {
    await load();
    edit("ads.md", (content) => content.replace(/^category: .*$/m, "category: no-such-category"));
    await expect(load()).rejects.toThrow(/ads\.md \[category\]/);
    await expect(load()).rejects.toThrow(KnowledgeBaseError); // and nothing was cached for it
  });

  it("validates when the cache file is corrupt, and still loads when it cannot be written", async () => {
    await load();
    writeFileSync(path.join(cacheDir, KNOWLEDGE_BASE_CACHE_FILE), '{"key": "trunc');
    expect((await load()).fromCache).toBe(false);
    expect((await load()).fromCache).toBe(true);

    // A folder that cannot be created (a file is in the way), whoever runs the test.
    const blocked = path.join(root, "blocked");
    writeFileSync(blocked, "");
    const loaded = await loadKnowledgeBaseCached(faqDir, blocked);
    expect(loaded.fromCache).toBe(false);
    expect(loaded.knowledgeBase.entries.length).toBeGreaterThan(0);
  });
});
