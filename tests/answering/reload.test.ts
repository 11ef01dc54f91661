import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { Metrics } from "../../src/ops/metrics.js";
import { KnowledgeBaseReloader } from "../../src/answering/reload.js";

const REAL_FAQ = path.resolve("faq");

function recordingLogger() {
  const lines: { level: string; object: object; message: string }[] = [];
  return {
    lines,
    info: (object: object, message: string) => lines.push({ level: "info", object, message }),
    error: (object: object, message: string) => lines.push({ level: "error", object, message }),
  };
}

describe("KnowledgeBaseReloader", () => {
  let dir: string;
  let answers: AnswerServiceHolder;
  let logger: ReturnType<typeof recordingLogger>;
  let reloader: KnowledgeBaseReloader;
  let metrics: Metrics;

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "faq-reload-"));
    await cp(REAL_FAQ, dir, { recursive: true });
    answers = new AnswerServiceHolder();
    logger = recordingLogger();
    metrics = new Metrics({ processMetrics: false });
    reloader = new KnowledgeBaseReloader({ faqDir: dir, answers, logger, metrics, debounceMs: 50 });
    expect(await reloader.reload("start")).toBe("reloaded");
  });

  afterEach(async () => {
    await reloader.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("swaps in an edited knowledge base and reports the new version", async () => {
    const before = answers.current!;
    const file = path.join(dir, "backups.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "  - ",
        "  - my whatsapp backup is on gdrive is that safe\n  - ",
      ),
    );
    expect(await reloader.reload("SIGHUP")).toBe("reloaded");
    expect(answers.current).not.toBe(before);
    expect(answers.current!.version).not.toBe(before.version);
    expect(await metrics.registry.getSingleMetricAsString("faq_index_info")).toContain(
      answers.current!.version,
    );
  });

  it("keeps the old index serving on an invalid edit and logs exactly what is wrong", async () => {
    const before = answers.current!;
    await writeFile(path.join(dir, "broken.md"), "---\nid: broken\n---\nshort");
    expect(await reloader.reload("SIGHUP")).toBe("invalid");
    expect(answers.current).toBe(before);
    const error = logger.lines.find((line) => line.level === "error")!;
    expect(error.message).toContain("broken.md [question]: is required");
    expect(error.message).toContain("still serving the previous version");
  });

  it("does nothing when nothing changed", async () => {
    const before = answers.current!;
    expect(await reloader.reload("SIGHUP")).toBe("unchanged");
    expect(answers.current).toBe(before);
  });

  it("reloads on file changes when watching", async () => {
    const before = answers.current!.version;
    reloader.watch();
    const file = path.join(dir, "ads.md");
    await writeFile(
      file,
      (await readFile(file, "utf8")).replace(
        "  - ",
        "  - do they put adverts between my chats\n  - ",
      ),
    );
    await expect.poll(() => answers.current!.version, { timeout: 5_000 }).not.toBe(before);
    await reloader.close();
  });
});
