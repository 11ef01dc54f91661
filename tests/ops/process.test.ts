import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startService } from "../support/service-process.js";

const copies: string[] = [];
afterAll(() => Promise.all(copies.map((dir) => rm(dir, { recursive: true, force: true }))));

/** A copy of the knowledge base to edit, removed after the file's tests. */
async function faqCopy(): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), "faq-process-"));
  copies.push(dir);
  await cp(path.resolve("faq"), dir, { recursive: true });
  return dir;
}

const version = async (url: string) =>
  ((await (await fetch(`${url}/readyz`)).json()) as { version: string }).version;

describe("operations on the real process", () => {
  it("reloads on SIGHUP, keeps serving the old index on an invalid edit, and shows the version", async () => {
    const dir = await faqCopy();
    const service = await startService({ FAQ_DIR: dir, LOG_LEVEL: "info" });
    try {
      const before = await version(service.url);
      const file = path.join(dir, "ads.md");
      await writeFile(
        file,
        (await readFile(file, "utf8")).replace("  - ", "  - are adverts coming to my chats\n  - "),
      );
      service.child.kill("SIGHUP");
      await expect.poll(() => version(service.url), { timeout: 10_000 }).not.toBe(before);
      const reloaded = await version(service.url);
      const metrics = await (await fetch(`${service.url}/metrics`)).text();
      expect(metrics).toContain(`faq_index_info{version="${reloaded}"} 1`);

      await writeFile(path.join(dir, "broken.md"), "---\nid: broken\n---\nshort");
      service.child.kill("SIGHUP");
      await expect
        .poll(() => service.output(), { timeout: 10_000 })
        .toContain("knowledge base reload refused");
      expect(service.output()).toContain("broken.md [question]: is required");
      expect(await version(service.url)).toBe(reloaded);
      expect((await fetch(`${service.url}/ask?q=can%20fb%20read%20my%20msgs`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  }, 40_000);

  it("shuts down gracefully on SIGTERM: in-flight requests finish, exit code 0 within 10 s", async () => {
    const service = await startService();
    const inFlight = Array.from({ length: 20 }, () =>
      fetch(`${service.url}/ask?q=is%20my%20backup%20encrypted`).then(
        (response) => response.status,
        () => "refused" as const,
      ),
    );
    const started = Date.now();
    const code = await service.stop("SIGTERM");
    expect(code).toBe(0);
    expect(Date.now() - started).toBeLessThan(10_000);
    const statuses = await Promise.all(inFlight);
    // Each request was either answered or refused at the door: none was cut off half-way with a 5xx.
    for (const status of statuses) expect([200, 503, "refused"]).toContain(status);
  }, 30_000);

  it("a second signal exits at once", async () => {
    const service = await startService();
    service.child.kill("SIGTERM");
    service.child.kill("SIGTERM");
    const code = await service.stop();
    expect(code === 0 || code === 1).toBe(true);
  }, 30_000);
});
