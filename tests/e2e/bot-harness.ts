/**
 * End-to-end harness: the Bot API stand-in, the real service process pointed at it, and a
 * `deliver(update)` that resolves once the service has handled the update:
 *
 * - webhook mode: POST /webhook with the secret, as Telegram does; the response comes when
 *   grammY has handled the update;
 * - polling mode: the update is queued in the stand-in; grammY handles a batch before it asks
 *   for the next one, so a getUpdates with a higher offset means it was handled.
 */
import type { Update } from "grammy/types";
import type { FaqEntry } from "../../src/faq/types.js";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import { BotServiceProcess } from "../support/bot-service-process.js";
import { createLongAnswerFaqDir } from "../support/long-answer-fixture.js";
import { TEST_BOT, TEST_TOKEN } from "../support/telegram-updates.js";

export type Mode = "webhook" | "polling";

export const WEBHOOK_SECRET = "e2e_Secret-token_0123456789";
export const WEBHOOK_BASE_URL = "https://faq.example.test";

export interface E2eHarness {
  readonly mode: Mode;
  readonly api: BotApiStandIn;
  readonly service: BotServiceProcess;
  /** HTTP base URL of the service. */
  readonly baseUrl: string;
  /** The fixture entry whose deep-link reply is longer than one message. */
  readonly longEntry: FaqEntry;
  /** Hands an update to the service and resolves once it was handled. */
  deliver(update: Update): Promise<void>;
  /** A fresh update id. */
  nextUpdateId(): number;
  /** Stops the service and the stand-in, removes the temporary FAQ folder. */
  close(): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** POSTs an update to the webhook as Telegram would (with another secret, or `null` for none). */
export function postUpdate(
  baseUrl: string,
  update: unknown,
  secret: string | null = WEBHOOK_SECRET,
): Promise<Response> {
  return fetch(`${baseUrl}/webhook`, {
    method: "POST",
    headers: {
      "content-type": "application/json",
      ...(secret === null ? {} : { "x-telegram-bot-api-secret-token": secret }),
    },
    body: JSON.stringify(update),
    signal: AbortSignal.timeout(15_000),
  });
}

/** Starts stand-in + service in `mode` and waits until the bot receives updates. */
export async function startE2e(mode: Mode): Promise<E2eHarness> {
  const api = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
  const faq = await createLongAnswerFaqDir();
  const service = BotServiceProcess.spawn({
    BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_API_ROOT: api.url,
    FAQ_DIR: faq.dir,
    ...(mode === "webhook" ? { WEBHOOK_URL: WEBHOOK_BASE_URL, WEBHOOK_SECRET } : {}),
  });
  let closed = false;
  const close = async () => {
    if (closed) return { code: null, signal: null };
    closed = true;
    const exit = await service.stop();
    await api.close();
    await faq.cleanup();
    return exit;
  };
  try {
    const baseUrl = await service.waitForListening();
    // Ready for updates: the service logs so once the webhook is set or polling has started.
    await service.waitFor(
      () => service.logs().find((line) => line.msg?.startsWith("Telegram bot on:")),
      "the bot to start",
      45_000,
    );
    if (mode === "polling")
      await api.waitFor(() => api.callsTo("getUpdates")[0], "the first getUpdates");
    let updateId = 1_000;
    const deliver = async (update: Update) => {
      if (mode === "webhook") {
        const response = await postUpdate(baseUrl, update);
        if (response.status !== 200)
          throw new Error(`webhook answered ${response.status}: ${await response.text()}`);
        return;
      }
      api.enqueueUpdate(update);
      await api.waitFor(
        () => api.confirmedOffset > update.update_id,
        `update ${update.update_id} to be handled`,
      );
    };
    return {
      mode,
      api,
      service,
      baseUrl,
      longEntry: faq.entry,
      deliver,
      nextUpdateId: () => ++updateId,
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}
