/**
 * End-to-end, long polling mode: the real service with BOT_TOKEN and no WEBHOOK_URL, fetching
 * updates from the Bot API stand-in's getUpdates over loopback HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type E2eHarness, startE2e } from "./bot-harness.js";
import { defineSharedScenarios, EXPECTED_ALLOWED_UPDATES } from "./bot-scenarios.js";

let harness: E2eHarness | undefined;
const h = () => {
  if (harness === undefined) throw new Error("the service did not start");
  return harness;
};

beforeAll(async () => {
  harness = await startE2e("polling");
}, 90_000);

afterAll(async () => {
  await harness?.close();
}, 30_000);

describe("Telegram bot, long polling mode (real process, Bot API stand-in)", () => {
  it("deletes any webhook first, then polls for the handled update types", () => {
    const { api, service } = h();
    const deleteWebhook = api.callsTo("deleteWebhook")[0]!;
    const firstPoll = api.callsTo("getUpdates")[0]!;
    expect(deleteWebhook.at).toBeLessThanOrEqual(firstPoll.at);
    expect(api.calls.indexOf(deleteWebhook)).toBeLessThan(api.calls.indexOf(firstPoll));
    expect(firstPoll.payload.allowed_updates).toEqual(EXPECTED_ALLOWED_UPDATES);
    expect(api.callsTo("setWebhook")).toEqual([]);
    expect(service.logs().map((line) => line.msg)).toContain("Telegram bot on: long polling mode");
  });

  defineSharedScenarios(h);

  it("stops polling on SIGTERM: confirms the last offset and exits 0", async () => {
    const { api } = h();
    const offset = api.confirmedOffset;
    const exit = await h().close();
    expect(exit).toEqual({ code: 0, signal: null });
    const last = api.callsTo("getUpdates").at(-1)!;
    expect(last.payload).toMatchObject({ offset, limit: 1 });
  });
});
