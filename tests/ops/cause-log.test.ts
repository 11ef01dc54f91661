import { describe, expect, it } from "vitest";
import { CauseLog } from "../../src/ops/cause-log.js";
import { RecordingLogger } from "../support/bot-harness.js";

describe("CauseLog", () => {
  it("logs a cause once with its details, counts the rest, and sums them up in one line", () => {
    let now = 0;
    const logger = new RecordingLogger();
    const causes = new CauseLog({ logger, intervalMs: 10_000, now: () => now });
    for (let i = 0; i < 500; i++)
      causes.report("warn", "bot-api 500", "Bot API server error", { update_id: i });
    causes.report("error", "given up: 403", "reply given up", { update_id: 9 });
    expect(logger.entries.map((e) => [e.level, e.msg, e.fields.count])).toEqual([
      ["warn", "Bot API server error", 1],
      ["error", "reply given up", 1],
    ]);
    now = 10_000;
    causes.flush();
    expect(logger.entries.at(-1)).toMatchObject({
      level: "warn",
      msg: "Bot API server error (499 more)",
      fields: { cause: "bot-api 500", count: 499 },
    });
    // After the interval a new occurrence is logged in full again.
    causes.report("warn", "bot-api 500", "Bot API server error", { update_id: 1000 });
    expect(logger.entries.at(-1)!.fields).toMatchObject({ update_id: 1000, count: 1 });
    expect(logger.entries).toHaveLength(4);
  });
});
