import Fastify, { LogController } from "fastify";
import { describe, expect, it } from "vitest";
import { lazyRequestLogger } from "../../src/http/request-logger.js";

function appLoggingTo(lines: string[]) {
  return Fastify({
    logger: { level: "info", stream: { write: (line: string) => void lines.push(line) } },
    logController: new LogController({ disableRequestLogging: true }),
    childLoggerFactory: lazyRequestLogger,
  });
}

describe("lazy request logger", () => {
  it("logs with the request id and the parent's level, as pino's own child does", async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.get("/", async (request) => {
      const level = request.log.level;
      request.log.info({ topic: "backup" }, "hello");
      request.log.child({ part: "engine" }).warn("inner");
      request.log.debug("below the level");
      return { level };
    });
    const response = await app.inject("/");
    expect(response.json()).toEqual({ level: "info" });
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(logged).toEqual([
      expect.objectContaining({ msg: "hello", topic: "backup", reqId: expect.any(String) }),
      expect.objectContaining({ msg: "inner", part: "engine", reqId: logged[0]!.reqId }),
    ]);
    await app.close();
  });

  it("takes a route's own log level", async () => {
    const lines: string[] = [];
    const app = appLoggingTo(lines);
    app.get("/quiet", { logLevel: "error" }, async (request) => {
      request.log.info("not logged");
      return { level: request.log.level };
    });
    expect((await app.inject("/quiet")).json()).toEqual({ level: "error" });
    expect(lines).toEqual([]);
    await app.close();
  });
});
