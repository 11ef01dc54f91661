import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import Fastify from "fastify";
import { loggerOptions } from "../../src/ops/log-output.js";

/** A logger built from the options, and what it wrote. */
async function written(options: Awaited<ReturnType<typeof loggerOptions>>, sink: PassThrough) {
  let text = "";
  sink.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const app = Fastify({ logger: options });
  app.log.info({ entries: 34 }, "knowledge base indexed; ready");
  await app.close();
  // eslint-disable-next-line no-control-regex -- colours on a terminal
  return text.replace(/\u001b\[\d+m/g, "");
}

describe("log output", () => {
  it("writes JSON lines when asked, and by default off a terminal", async () => {
    expect(await loggerOptions("info", "json", { isTTY: true })).toEqual({ level: "info" });
    expect(await loggerOptions("debug", "auto", { isTTY: false })).toEqual({ level: "debug" });
  });

  it("writes readable lines on a terminal (auto) or when asked (pretty)", async () => {
    for (const [format, isTTY] of [
      ["auto", true],
      ["pretty", false],
    ] as const) {
      const sink = new PassThrough();
      const text = await written(
        await loggerOptions("info", format, { isTTY, stream: sink }),
        sink,
      );
      expect(text).toMatch(/^\[\d\d:\d\d:\d\d\.\d{3}\] .*INFO.*: knowledge base indexed; ready/);
      expect(text).toContain("34");
      expect(text).not.toContain('"msg"'); // not JSON
    }
  });
});
