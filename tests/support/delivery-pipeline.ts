/**
 * The bot's production wiring, in process: Fastify with the webhook route, the
 * {@link TelegramBotService} (queue workers, pacing, effect log), a real queue (SQLite file by
 * default) and the Bot API stand-in over loopback HTTP. Unlike the child-process harness it can
 * take a {@link JumpClock}, so waits of minutes are proven without taking minutes.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import type { Update } from "grammy/types";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { TelegramBotService } from "../../src/bot/service.js";
import { buildApp } from "../../src/http/app.js";
import { WEBHOOK_PATH } from "../../src/http/routes/webhook.js";
import { Metrics } from "../../src/ops/metrics.js";
import { SqliteUpdateQueue } from "../../src/store/queue/sqlite-queue.js";
import type { UpdateQueue } from "../../src/store/queue/types.js";
import { type Clock, systemClock } from "../../src/util/clock.js";
import { WEBHOOK_BASE_URL, WEBHOOK_SECRET } from "../e2e/bot-harness.js";
import { BotApiStandIn } from "./bot-api-stand-in.js";
import { sharedService } from "./bot-harness.js";
import { TEST_BOT, TEST_TOKEN } from "./telegram-updates.js";

export interface Pipeline {
  readonly api: BotApiStandIn;
  readonly queue: UpdateQueue;
  readonly app: FastifyInstance;
  readonly service: TelegramBotService;
  readonly metrics: Metrics;
  /** The service's log lines (pino JSON). */
  readonly logs: () => Record<string, unknown>[];
  /** Webhook latencies of every {@link Pipeline.post}, ms. */
  readonly latencies: number[];
  /** POSTs an update to /webhook (in process); returns the status. */
  post(update: Update): Promise<number>;
  /** Resolves once the queue has done everything it took. */
  drained(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startPipeline(
  options: {
    clock?: Clock;
    /** Another queue (Redis); default a SQLite file in a temporary folder. */
    queue?: UpdateQueue;
    apiTimeoutMs?: number;
    messagesPerSecond?: number;
  } = {},
): Promise<Pipeline> {
  const clock = options.clock ?? systemClock;
  const api = await BotApiStandIn.start({
    token: TEST_TOKEN,
    botInfo: TEST_BOT,
    now: () => clock.now(),
  });
  const dir = mkdtempSync(join(tmpdir(), "faq-pipeline-"));
  const queue = options.queue ?? new SqliteUpdateQueue({ path: join(dir, "queue.sqlite"), clock });
  const answers = new AnswerServiceHolder();
  answers.set(await sharedService());
  const metrics = new Metrics({ processMetrics: false });
  const lines: string[] = [];
  const service = new TelegramBotService({
    token: TEST_TOKEN,
    answers,
    queue,
    webhook: { url: WEBHOOK_BASE_URL, secret: WEBHOOK_SECRET },
    apiRoot: api.url,
    metrics,
    delivery: {
      clock,
      concurrency: 8,
      messagesPerSecond: options.messagesPerSecond ?? 30,
      apiTimeoutMs: options.apiTimeoutMs ?? 1_000,
    },
  });
  const app = await buildApp({
    answers,
    metrics,
    plugins: [service.plugin],
    logger: { level: "info", stream: { write: (line: string) => void lines.push(line) } },
  });
  await service.init();
  await service.start();
  const latencies: number[] = [];
  const counts = async () => {
    const text = await metrics.registry.getSingleMetricAsString("telegram_update_queue_total");
    const value = (event: string) =>
      Number(new RegExp(`event="${event}"\\} (\\d+)`).exec(text)?.[1] ?? 0);
    return { queued: value("queued"), done: value("done") };
  };
  return {
    api,
    queue,
    app,
    service,
    metrics,
    latencies,
    logs: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
    post: async (update) => {
      const started = performance.now();
      const response = await app.inject({
        method: "POST",
        url: WEBHOOK_PATH,
        headers: {
          "content-type": "application/json",
          "x-telegram-bot-api-secret-token": WEBHOOK_SECRET,
        },
        payload: JSON.stringify(update),
      });
      latencies.push(performance.now() - started);
      return response.statusCode;
    },
    drained: async (timeoutMs = 20_000) => {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const { queued, done } = await counts();
        if (done >= queued) return;
        if (Date.now() > deadline)
          throw new Error(`queue not drained: ${done} of ${queued} updates done`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    close: async () => {
      await service.stop(0);
      await app.close();
      await queue.close();
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The p-th percentile of `values`. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}
