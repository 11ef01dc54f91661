/**
 * End-to-end harness: the Bot API stand-in, the real service process pointed at it, and a
 * `deliver(update)` that resolves once the service has answered the update:
 *
 * - webhook mode: POST /webhook with the secret, as Telegram does; a 200 means the update is in
 *   the service's durable queue;
 * - polling mode: the update waits in the stand-in; the poller queues a batch before it asks for
 *   the next one, so a getUpdates with a higher offset means it was queued;
 *
 * and then, either way, until the queue has finished everything it took (its counters in
 * /metrics: done = queued).
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

/** The service's queue counters from /metrics. */
export async function queueCounts(baseUrl: string): Promise<Record<string, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const counts: Record<string, number> = {};
  for (const match of text.matchAll(/^telegram_update_queue_total\{event="(\w+)"\} (\d+)/gm))
    counts[match[1]!] = Number(match[2]);
  return counts;
}

/** The service's /webhook request durations: cumulative counts per bucket bound (s), of one status (a pattern; default all). */
export async function webhookHistogram(
  baseUrl: string,
  status = "\\d+",
): Promise<Map<number, number>> {
  const text = await (await fetch(`${baseUrl}/metrics`)).text();
  const buckets = new Map<number, number>();
  const bucket = new RegExp(
    `^http_request_duration_seconds_bucket\\{le="([^"]+)",route="/webhook",method="POST",status="${status}"\\} (\\d+)`,
    "gm",
  );
  for (const match of text.matchAll(bucket)) {
    const le = match[1] === "+Inf" ? Infinity : Number(match[1]);
    buckets.set(le, (buckets.get(le) ?? 0) + Number(match[2]));
  }
  return buckets;
}

/**
 * The p-th percentile of the webhook's durations as the service measured them between two
 * {@link webhookHistogram} readings: the upper bound of the bucket it falls in, ms.
 */
export function histogramPercentileMs(
  before: Map<number, number>,
  after: Map<number, number>,
  p: number,
): number {
  const bounds = [...after.keys()].sort((a, b) => a - b);
  const total = (after.get(Infinity) ?? 0) - (before.get(Infinity) ?? 0);
  if (total === 0) return 0;
  for (const le of bounds) {
    const count = (after.get(le) ?? 0) - (before.get(le) ?? 0);
    if (count >= (p / 100) * total) return le * 1000;
  }
  return Infinity;
}

/** Resolves once every update the service queued is done (answered or given up). */
export async function queueDrained(baseUrl: string, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const counts = await queueCounts(baseUrl);
    if ((counts.done ?? 0) >= (counts.queued ?? 0)) return;
    if (Date.now() > deadline)
      throw new Error(`queue not drained within ${timeoutMs} ms: ${JSON.stringify(counts)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
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
      } else {
        api.enqueueUpdate(update);
        await api.waitFor(
          () => api.confirmedOffset > update.update_id,
          `update ${update.update_id} to be queued`,
        );
      }
      await queueDrained(baseUrl);
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
