import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { realService } from "../support/knowledge-base.js";

const SECRET = Buffer.from("0123456789abcdef0123456789abcdef");

async function logOf(accessLog: boolean) {
  const sink = new PassThrough();
  let text = "";
  sink.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 10 }));
  const app = await buildApp({
    answers,
    logger: { level: "info", stream: sink },
    accessLog: accessLog ? { level: "info", secret: SECRET } : undefined,
  });
  await app.inject({ url: "/ask?q=my%20secret%20question", remoteAddress: "198.51.100.23" });
  await app.inject({ url: "/?q=another%20private%20thing", remoteAddress: "198.51.100.23" });
  await app.inject({ method: "DELETE", url: "/faq/backups", remoteAddress: "198.51.100.24" });
  await app.close();
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe("access log", () => {
  it("logs method, route, status and time per request; never the question or the address", async () => {
    const lines = (await logOf(true)).filter((line) => line.msg === "request");
    expect(lines.map(({ method, route, status }) => [method, route, status])).toEqual([
      ["GET", "/ask", 200],
      ["GET", "/", 200],
      ["DELETE", "unmatched", 405],
    ]);
    for (const line of lines) {
      expect(typeof line.ms).toBe("number");
      expect(line.client).toMatch(/^[\w-]{12}$/);
    }
    expect(lines[0]!.client).toBe(lines[1]!.client); // one client, one hash
    expect(lines[2]!.client).not.toBe(lines[0]!.client);
    const text = JSON.stringify(lines);
    for (const secret of ["secret", "private", "198.51.100"]) expect(text).not.toContain(secret);
  });

  it("is off unless asked for", async () => {
    expect((await logOf(false)).filter((line) => line.msg === "request")).toEqual([]);
  });
});
