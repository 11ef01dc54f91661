import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { WEBHOOK_PATH } from "../../src/http/routes/webhook.js";
import { createTestBot, type TestBot, webhookApp } from "../support/bot-harness.js";
import { textMessage } from "../support/telegram-updates.js";

const SECRET = "s3cret_token-for-tests";
let app: FastifyInstance | undefined;

async function setup(
  options: { ready?: boolean } = {},
): Promise<{ app: FastifyInstance; t: TestBot }> {
  const t = await createTestBot();
  app = await webhookApp(t, { secretToken: SECRET, isReady: () => options.ready ?? true });
  return { app, t };
}

const post = (instance: FastifyInstance, body: unknown, secret?: string) =>
  instance.inject({
    method: "POST",
    url: WEBHOOK_PATH,
    headers: {
      "content-type": "application/json",
      ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    payload: JSON.stringify(body),
  });

afterEach(async () => {
  await app?.close();
  app = undefined;
});

describe("POST /webhook", () => {
  it("handles an update carrying the right secret and answers 200", async () => {
    const { app, t } = await setup();
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), SECRET);
    expect(response.statusCode).toBe(200);
    expect(t.api.callsTo("sendMessage")).toHaveLength(1);
  });

  it.each([
    ["missing", undefined],
    ["wrong", "not-the-secret-at-all"],
    ["almost right", `${SECRET}x`],
  ])("refuses a %s secret with 401 and does not process the update", async (_what, secret) => {
    const { app, t } = await setup();
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), secret);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: "unauthorized" });
    expect(t.api.calls).toEqual([]);
  });

  it("still answers 200 when the handler fails (no redelivery storm)", async () => {
    const { app, t } = await setup();
    t.api.failNext("sendMessage", { error_code: 400, description: "Bad Request: chat not found" });
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), SECRET);
    expect(response.statusCode).toBe(200);
    expect(t.logger.at("error")[0]!.fields).toMatchObject({ update_id: 1 });
  });

  it("answers 400 to a body that is not an update, without crashing", async () => {
    const { app } = await setup();
    for (const body of [{ hello: "world" }, [], { update_id: "one" }, null]) {
      expect((await post(app, body, SECRET)).statusCode).toBe(400);
    }
    const garbage = await app.inject({
      method: "POST",
      url: WEBHOOK_PATH,
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      payload: "{not json",
    });
    expect(garbage.statusCode).toBe(400);
  });

  it("accepts updates larger than the API's 64 KiB body limit", async () => {
    const { app } = await setup();
    const update = { ...textMessage(1, "hi"), padding: "x".repeat(200 * 1024) };
    expect((await post(app, update, SECRET)).statusCode).toBe(200);
  });

  it("answers 503 before the index is ready, so Telegram delivers the update again later", async () => {
    const { app, t } = await setup({ ready: false });
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), SECRET);
    expect(response.statusCode).toBe(503);
    expect(t.api.calls).toEqual([]);
  });
});
