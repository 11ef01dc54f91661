/**
 * The Telegram bot: `createBot(token, deps)` builds a grammY bot with every feature, the
 * reliability plugins and an error boundary. It neither starts polling nor sets a webhook;
 * `service.ts` does that for the process, tests drive it with `bot.handleUpdate`.
 */
import { type AutoRetryOptions, autoRetry } from "@grammyjs/auto-retry";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { EngineHolder } from "../http/engine-holder.js";
import type { Metrics } from "../ops/metrics.js";
import type { FeedbackStore } from "../store/feedback-store.js";
import { MemoryQuestionStats, type QuestionStats } from "../store/question-stats.js";
import { MemoryUpdateWindow, type UpdateDeduplicator } from "../store/update-dedup.js";
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
  topicsFeature,
  unhandledFeature,
} from "./features/index.js";
import { type ChatFloodLimitOptions, chatFloodLimiter } from "./flood-limiter.js";
import { deduplicateUpdates } from "./middlewares/deduplicate-updates.js";
import { requireEngine } from "./middlewares/require-engine.js";
import { VoterKeys } from "./voter-key.js";

/** The bot type used across the app. */
export type FaqBot = Bot<BotContext>;

/** Everything the bot needs, passed in (nothing global). */
export interface BotDependencies {
  /** Holder of the answer engine currently serving; the bot reads it per update. */
  readonly engines: EngineHolder;
  /** Where 👍 / 👎 go. */
  readonly feedback: FeedbackStore;
  /** pino-compatible logger (Fastify's `app.log` fits). */
  readonly logger: BotLogger;
  /** Anonymous answer counts and unanswered questions. Default: in memory. */
  readonly stats?: QuestionStats;
  /** Decides whether an update id was already handled. Default: an in-memory window. */
  readonly deduplicator?: UpdateDeduplicator;
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
  const services = {
    engines: deps.engines,
    feedback: deps.feedback,
    stats: deps.stats ?? new MemoryQuestionStats(),
    voterKeys: deps.voterKeys ?? new VoterKeys(),
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
  protectedBot.use(deduplicateUpdates(deps.deduplicator ?? new MemoryUpdateWindow()));
  protectedBot.use(membershipFeature());
  protectedBot.use(requireEngine());
  protectedBot.use(startFeature());
  protectedBot.use(helpFeature());
  protectedBot.use(privacyFeature());
  protectedBot.use(topicsFeature());
  protectedBot.use(questionFeature());
  protectedBot.use(groupFeature());
  protectedBot.use(feedbackFeature());
  protectedBot.use(inlineFeature());
  protectedBot.use(unhandledFeature()); // must stay last
  return bot;
}
