/**
 * The Telegram bot: `createBot(token, deps)` builds a grammY bot with every feature, the
 * reliability plugins and an error boundary. It neither starts polling nor sets a webhook;
 * `service.ts` does that for the process, tests drive it with `bot.handleUpdate`.
 */
import { type AutoRetryOptions, autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { AnswerServiceHolder } from "../answering/holder.js";
import type { Metrics } from "../ops/metrics.js";
import { DEFAULT_RETENTION_DAYS, deduplicatorOf, type InsightsStore } from "../store/insights.js";
import { MemoryInsightsStore } from "../store/memory.js";
import { type BotContext, type BotLogger, createContextConstructor } from "./context.js";
import { handleBotError } from "./error-boundary.js";
import { countApiErrors, countUpdates } from "./metrics.js";
import {
  feedbackFeature,
  groupFeature,
  helpFeature,
  inlineFeature,
  membershipFeature,
  privacyFeature,
  questionFeature,
  startFeature,
  statsFeature,
  topicsFeature,
  unhandledFeature,
} from "./features/index.js";
import { type ChatFloodLimitOptions, chatFloodLimiter } from "./flood-limiter.js";
import { deduplicateUpdates } from "./middlewares/deduplicate-updates.js";
import { questionRateLimit, type QuestionRateLimitSettings } from "./middlewares/rate-limit.js";
import { requireEngine } from "./middlewares/require-engine.js";
import { VoterKeys } from "./voter-key.js";

/** The bot type used across the app. */
export type FaqBot = Bot<BotContext>;

/** Everything the bot needs, passed in (nothing global). */
export interface BotDependencies {
  /** Holder of the answer engine currently serving; the bot reads it per update. */
  readonly answers: AnswerServiceHolder;
  /** pino-compatible logger (Fastify's `app.log` fits). */
  readonly logger: BotLogger;
  /**
   * Answer counts, unanswered questions, 👍 / 👎 and the duplicate-update window. Default: in
   * memory (tests); the process passes the configured store behind the resilient wrapper.
   */
  readonly insights?: InsightsStore;
  /**
   * Where `/stats` reads from: pass the raw store (not the degrading wrapper), so a failure is
   * reported as such instead of as empty statistics. Default: `insights`.
   */
  readonly adminInsights?: InsightsStore;
  /** Per-user question limit (one notice, then silence). None without it. */
  readonly rateLimit?: QuestionRateLimitSettings;
  /** Telegram user ids allowed to use `/stats` (in a private chat). Default: nobody. */
  readonly adminUserIds?: readonly number[];
  /** Retention stated by `/privacy`, in days. Default 30. */
  readonly retentionDays?: number;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test stand-in). */
  readonly apiRoot?: string;
  /** Known bot info: skips `getMe`, so tests run offline. */
  readonly botInfo?: UserFromGetMe;
  /** Keys votes anonymously. Default: HMAC with a random per-process secret. */
  readonly voterKeys?: VoterKeys;
  /** Per-group outgoing message limit (default ~20 a minute per group). */
  readonly floodLimit?: ChatFloodLimitOptions;
  /** Retries of outgoing calls after 429 / 5xx / network errors. */
  readonly retry?: Partial<AutoRetryOptions>;
  /** Prometheus metrics: updates by type, Bot API errors, answers by channel. */
  readonly metrics?: Metrics;
}

/** Defaults for `@grammyjs/auto-retry`: a few attempts, never waiting more than 30 s. */
export const RETRY_DEFAULTS: Partial<AutoRetryOptions> = {
  maxRetryAttempts: 3,
  maxDelaySeconds: 30,
};

/** Builds the bot; see {@link BotDependencies}. */
export function createBot(token: string, deps: BotDependencies): FaqBot {
  const insights = deps.insights ?? new MemoryInsightsStore();
  const services = {
    answers: deps.answers,
    insights,
    adminInsights: deps.adminInsights ?? insights,
    voterKeys: deps.voterKeys ?? new VoterKeys(),
    adminUserIds: new Set(deps.adminUserIds ?? []),
    retentionDays: deps.retentionDays ?? DEFAULT_RETENTION_DAYS,
    metrics: deps.metrics,
  };
  const bot = new Bot<BotContext>(token, {
    botInfo: deps.botInfo,
    client: deps.apiRoot !== undefined ? { apiRoot: deps.apiRoot } : undefined,
    ContextConstructor: createContextConstructor(services, deps.logger),
  });

  // Outgoing calls: groups are paced (inner), then 429 / 5xx / network errors retried (outer).
  bot.api.config.use(
    chatFloodLimiter(deps.floodLimit),
    autoRetry({ ...RETRY_DEFAULTS, ...deps.retry }),
  );
  if (deps.metrics !== undefined) bot.api.config.use(countApiErrors(deps.metrics));

  // Long polling reports errors here; webhooks never do, hence the boundary below as well.
  bot.catch(handleBotError);
  if (deps.metrics !== undefined) bot.use(countUpdates(deps.metrics));
  const protectedBot = bot.errorBoundary(handleBotError);
  protectedBot.use(deduplicateUpdates(deduplicatorOf(insights)));
  protectedBot.use(membershipFeature());
  // After the dedup (a redelivery costs nothing), before anything that answers.
  if (deps.rateLimit !== undefined) protectedBot.use(questionRateLimit(deps.rateLimit));
  protectedBot.use(requireEngine());
  protectedBot.use(startFeature());
  protectedBot.use(helpFeature());
  protectedBot.use(privacyFeature());
  protectedBot.use(statsFeature()); // before questions: /stats is never an "unknown command"
  protectedBot.use(topicsFeature());
  protectedBot.use(questionFeature());
  protectedBot.use(groupFeature());
  protectedBot.use(feedbackFeature());
  protectedBot.use(inlineFeature());
  protectedBot.use(unhandledFeature()); // must stay last
  return bot;
}
