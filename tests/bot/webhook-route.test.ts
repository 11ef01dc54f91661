import type { FastifyInstance } from "fastify";
import { afterEach, describe, expect, it } from "vitest";
import { WEBHOOK_PATH, type WebhookUpdate } from "../../src/http/routes/webhook.js";
import { QueueUnavailableError } from "../../src/store/queue/types.js";
import { type QueuedTestBot, queuedTestBot, webhookApp } from "../support/bot-harness.js";
import { textMessage } from "../support/telegram-updates.js";

const SECRET = "s3cret_token-for-tests";
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function routeWith(accept: (update: WebhookUpdate) => Promise<unknown>) {
  const refused: unknown[] = [];
  const app = await webhookApp({
    secretToken: SECRET,
    accept,
    onRefused: (error) => refused.push(error),
  });
  cleanups.push(() => app.close());
  return { app, refused };
}

async function queued(): Promise<QueuedTestBot> {
  const t = await queuedTestBot({ secretToken: SECRET });
  cleanups.push(() => t.close());
  return t;
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

describe("POST /webhook", () => {
  it("acknowledges an update (200) only once it is stored", async () => {
    const stored: WebhookUpdate[] = [];
    let store: () => void = () => undefined;
    const { app } = await routeWith(async (update) => {
      await new Promise<void>((resolve) => (store = resolve));
      stored.push(update);
    });
    let answered = false;
    const response = post(app, textMessage(1, "can whatsapp read my messages"), SECRET).then(
      (r) => ((answered = true), r),
    );
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(answered).toBe(false); // not before the queue has it
    store();
    expect((await response).statusCode).toBe(200);
    expect(stored.map((u) => u.update_id)).toEqual([1]);
  });

  it("answers 503 when the update cannot be stored, so Telegram delivers it again", async () => {
    const { app, refused } = await routeWith(async () => {
      throw new QueueUnavailableError("the update queue (Redis) could not store the update");
    });
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), SECRET);
    expect(response.statusCode).toBe(503);
    expect(response.json()).toMatchObject({ error: "service_unavailable" });
    expect(refused).toHaveLength(1);
  });

  it.each([
    ["missing", undefined],
    ["wrong", "not-the-secret-at-all"],
    ["almost right", `${SECRET}x`],
  ])("refuses a %s secret with 401 and does not store the update", async (_what, secret) => {
    const stored: unknown[] = [];
    const { app } = await routeWith(async (update) => stored.push(update));
    const response = await post(app, textMessage(1, "can whatsapp read my messages"), secret);
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ error: "unauthorized" });
    expect(stored).toEqual([]);
  });

  it("answers 400 to a body that is not an update, without storing it", async () => {
    const stored: unknown[] = [];
    const { app } = await routeWith(async (update) => stored.push(update));
    for (const body of [{ hello: "world" }, [], { update_id: "one" }, { update_id: -1 }, null]) {
      expect((await post(app, body, SECRET)).statusCode).toBe(400);
    }
    const garbage = await app.inject({
      method: "POST",
      url: WEBHOOK_PATH,
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      payload: "{not json",
    });
    expect(garbage.statusCode).toBe(400);
    expect(stored).toEqual([]);
  });

  it("accepts updates larger than the API's 64 KiB body limit", async () => {
    const { app } = await routeWith(async () => undefined);
    const update = { ...textMessage(1, "hi"), padding: "x".repeat(200 * 1024) };
    expect((await post(app, update, SECRET)).statusCode).toBe(200);
  });
});

describe("POST /webhook through the queue", () => {
  it("answers a stored update once, however often it is delivered", async () => {
    const t = await queued();
    const update = textMessage(100, "can whatsapp read my messages");
    for (let i = 0; i < 3; i++) expect((await post(t.app, update, SECRET)).statusCode).toBe(200);
    expect((await post(t.app, textMessage(101, "is my backup encrypted"), SECRET)).statusCode).toBe(
      200,
    );
    await t.settled();
    expect(t.api.callsTo("sendMessage")).toHaveLength(2);
  });

  it("ends an update whose reply Telegram refuses for good, logged once per cause", async () => {
    const t = await queued();
    for (let i = 0; i < 3; i++)
      t.api.failNext("sendMessage", {
        error_code: 400,
        description: "Bad Request: chat not found",
      });
    for (let id = 1; id <= 3; id++)
      expect(
        (await post(t.app, textMessage(id, "can whatsapp read my messages"), SECRET)).statusCode,
      ).toBe(200);
    await t.settled();
    expect(t.api.callsTo("sendMessage")).toHaveLength(3); // each tried once, none retried
    const errors = t.logger.at("error");
    expect(errors).toHaveLength(1); // the two others are counted for the cause's summary
    expect(errors[0]!.fields).toMatchObject({ update_id: 1, count: 1 });
    expect(errors[0]!.msg).toMatch(/given up/);
  });
});
