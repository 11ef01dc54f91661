import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

const folders: string[] = [];
afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

/** A folder for one test, removed after the file's tests. */
async function temporaryFolder(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), "faq-main-"));
  folders.push(folder);
  return folder;
}

/** Runs the real entry point and collects its exit code and output. */
function start(env: Record<string, string>): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      env: { PATH: process.env.PATH, HOST: "127.0.0.1", PORT: "0", ...env },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.on("exit", (code) => {
      clearTimeout(timer);
      resolve({ code, stderr });
    });
  });
}

describe("process start-up", () => {
  it("refuses an invalid knowledge base with exit code 1 and a clear message, no stack trace", async () => {
    const dir = await temporaryFolder();
    await writeFile(
      path.join(dir, "categories.yaml"),
      "- id: encryption\n  title: E\n  description: D\n",
    );
    await writeFile(path.join(dir, "thesaurus.yaml"), "facebook: [fb]\n");
    await writeFile(path.join(dir, "broken.md"), "---\nid: broken\nquestion: ''\n---\nshort\n");
    const { code, stderr } = await start({ FAQ_DIR: dir });
    expect(code).toBe(1);
    expect(stderr).toContain("Invalid knowledge base");
    expect(stderr).toContain("broken.md [question]: must not be empty");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a bad configuration, naming the variable", async () => {
    const { code, stderr } = await start({ PORT: "not-a-port" });
    expect(code).toBe(1);
    expect(stderr).toContain("PORT: must be a number");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("refuses a statistics folder it cannot create, saying which and what to check", async () => {
    // A folder inside a regular file can never be created, whoever runs the test (even root).
    const file = path.join(await temporaryFolder(), "a-file");
    await writeFile(file, "");
    const { code, stderr } = await start({ DATA_DIR: path.join(file, "data") });
    expect(code).toBe(1);
    expect(stderr).toContain(`Cannot open the statistics database ${file}/data/insights.sqlite`);
    expect(stderr).toContain("Check DATA_DIR");
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  it("says in one line that PORT is in use, not with a stack trace", async () => {
    const taken: Server = createServer();
    await new Promise<void>((resolve) => taken.listen(0, "127.0.0.1", resolve));
    const port = (taken.address() as { port: number }).port;
    try {
      const { code, stderr } = await start({
        PORT: String(port),
        DATA_DIR: await temporaryFolder(),
        LOG_LEVEL: "warn",
      });
      expect(code).toBe(1);
      expect(stderr).toBe(`PORT ${port} is in use; set PORT to another port\n`);
    } finally {
      taken.close();
    }
  });

  it("refuses REDIS_URL without the HASH_SECRET every instance must share", async () => {
    const { code, stderr } = await start({ REDIS_URL: "redis://127.0.0.1:1" });
    expect(code).toBe(1);
    expect(stderr).toContain("HASH_SECRET: is required with REDIS_URL");
  });
});
