/**
 * End-to-end, webhook mode: the real service (`node --import tsx src/main.ts`) with
 * BOT_TOKEN + WEBHOOK_URL + WEBHOOK_SECRET, talking to the Bot API stand-in over loopback HTTP;
 * the test plays Telegram by POSTing updates to /webhook.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { textMessage } from "../support/telegram-updates.js";
import {
  type E2eHarness,
  postUpdate,
  queueDrained,
  startE2e,
  WEBHOOK_BASE_URL,
  WEBHOOK_SECRET,
} from "./bot-harness.js";
import { defineSharedScenarios, EXPECTED_ALLOWED_UPDATES } from "./bot-scenarios.js";

let harness: E2eHarness | undefined;
const h = () => {
  if (harness === undefined) throw new Error("the service did not start");
  return harness;
};

beforeAll(async () => {
  harness = await startE2e("webhook");
}, 90_000);

afterAll(async () => {
  await harness?.close();
}, 30_000);

describe("Telegram bot, webhook mode (real process, Bot API stand-in)", () => {
  it("identifies the bot before listening, then sets the webhook with the secret and the handled update types", () => {
    const { api, service } = h();
    const [setWebhook, ...more] = api.callsTo("setWebhook");
    expect(more).toEqual([]);
    expect(setWebhook!.payload).toEqual({
      url: `${WEBHOOK_BASE_URL}/webhook`,
      secret_token: WEBHOOK_SECRET,
      allowed_updates: EXPECTED_ALLOWED_UPDATES,
    });
    expect(api.callsTo("getMe")[0]!.at).toBeLessThanOrEqual(setWebhook!.at);
    expect(api.callsTo("getUpdates")).toEqual([]);
    expect(api.callsTo("deleteWebhook")).toEqual([]);
    const messages = service.logs().map((line) => line.msg);
    expect(messages.indexOf("Telegram bot identified")).toBeLessThan(
      messages.findIndex((m) => m?.startsWith("Server listening")),
    );
    expect(messages).toContain("Telegram bot on: webhook mode");
  });

  defineSharedScenarios(h);

  it.each([
    ["a missing", null],
    ["a wrong", "wrong-secret-0123456789"],
  ])("refuses %s secret with 401 and does not process the update", async (_what, secret) => {
    const { api, baseUrl } = h();
    const person = { id: 90_001, is_bot: false, first_name: "Mallory" };
    const response = await postUpdate(
      baseUrl,
      textMessage(h().nextUpdateId(), "can whatsapp read my messages", { from: person }),
      secret,
    );
    expect(response.status).toBe(401);
    expect(api.callsToChat("sendMessage", person.id)).toEqual([]);
  });

  it("answers an update delivered twice only once", async () => {
    const { api, deliver } = h();
    const person = { id: 90_002, is_bot: false, first_name: "Twice" };
    const update = textMessage(h().nextUpdateId(), "can whatsapp read my messages", {
      from: person,
    });
    await deliver(update);
    await deliver(structuredClone(update));
    expect(api.callsToChat("sendMessage", person.id)).toHaveLength(1);
  });

  it("answers a malformed body with 400 and acknowledges unknown update types, staying up", async () => {
    const { baseUrl, api } = h();
    const before = api.calls.length;
    expect((await postUpdate(baseUrl, { not: "an update" })).status).toBe(400);
    expect(
      (await postUpdate(baseUrl, { update_id: h().nextUpdateId(), some_future_update: { x: 1 } }))
        .status,
    ).toBe(200);
    expect(
      (await postUpdate(baseUrl, { update_id: h().nextUpdateId(), message: { text: 42 } })).status,
    ).toBe(200);
    await queueDrained(baseUrl);
    expect(api.calls.length).toBe(before);
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
  });

  it("shuts down cleanly on SIGTERM, leaving the webhook in place", async () => {
    const { api } = h();
    const exit = await h().close();
    expect(exit).toEqual({ code: 0, signal: null });
    expect(api.callsTo("deleteWebhook")).toEqual([]);
  });
});
