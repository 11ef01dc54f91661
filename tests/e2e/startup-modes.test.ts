/**
 * How the real process starts (or refuses to) depending on the Telegram settings.
 */
import { afterEach, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import { BotServiceProcess } from "../support/bot-service-process.js";
import { TEST_BOT, TEST_TOKEN } from "../support/telegram-updates.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
}, 30_000);

async function standIn(): Promise<BotApiStandIn> {
  const api = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
  cleanups.push(() => api.close());
  return api;
}

function spawn(env: Record<string, string>): BotServiceProcess {
  const service = BotServiceProcess.spawn(env);
  cleanups.push(() => service.stop());
  return service;
}

describe("start-up modes", () => {
  it("without BOT_TOKEN serves HTTP only and logs that the bot is off and why", async () => {
    const api = await standIn();
    const service = spawn({ TELEGRAM_API_ROOT: api.url });
    const baseUrl = await service.waitForListening();
    await service.waitFor(
      () =>
        service
          .logs()
          .find((line) => line.msg === "Telegram bot off: BOT_TOKEN is not set (HTTP-only mode)"),
      "the bot-off log line",
    );
    expect((await fetch(`${baseUrl}/healthz`)).status).toBe(200);
    expect((await fetch(`${baseUrl}/webhook`, { method: "POST" })).status).toBe(404);
    expect(api.calls).toEqual([]);
  }, 60_000);

  it.each([
    [
      "webhook",
      { WEBHOOK_URL: "https://faq.example.test", WEBHOOK_SECRET: "e2e_Secret-token_0123456789" },
    ],
    ["polling", {}],
  ])(
    "in %s mode, a token Telegram rejects stops the process with a clear message (exit 1)",
    async (_mode, extra) => {
      const api = await standIn();
      const service = spawn({
        BOT_TOKEN: "123456:AAwrong-token-that-telegram-rejects",
        TELEGRAM_API_ROOT: api.url,
        ...extra,
      });
      const exit = await service
        .waitFor(() => service.exited && service, "the process to exit", 45_000)
        .then((s) => s.stop());
      expect(exit.code).toBe(1);
      expect(service.output).toMatch(/401 Unauthorized\. Check BOT_TOKEN/);
      expect(service.output).not.toMatch(/\n\s+at /);
    },
    60_000,
  );
});
