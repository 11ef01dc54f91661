import { z } from "zod";

/** Log levels pino understands. */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;

/** Validated configuration, read once at start. */
export interface Config {
  /** TCP port of the HTTP server. */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** Folder holding the FAQ entries, `categories.yaml` and `thesaurus.yaml`. */
  readonly faqDir: string;
  /** Telegram bot token; without it the service runs HTTP-only. */
  readonly botToken: string | undefined;
  /** Public HTTPS base URL; with a token it selects webhook mode (else long polling). */
  readonly webhookUrl: string | undefined;
  /** Secret Telegram sends in `X-Telegram-Bot-Api-Secret-Token`; required in webhook mode. */
  readonly webhookSecret: string | undefined;
  /** Another Bot API server (self-hosted telegram-bot-api, or a test stand-in). */
  readonly telegramApiRoot: string | undefined;
  /** Browser origins allowed to call /ask and /faq (`*` for any); none by default. */
  readonly corsOrigins: readonly string[];
  /** Reload the knowledge base when its files change (SIGHUP always reloads). */
  readonly faqWatch: boolean;
  /** Folder of the SQLite statistics file (`insights.sqlite`), used when `redisUrl` is unset. */
  readonly dataDir: string;
  /** Redis for statistics, update dedup and rate limits shared by several instances. */
  readonly redisUrl: string | undefined;
  /** Prefix of every Redis key, so services can share one Redis. */
  readonly redisKeyPrefix: string;
  /** Statistics older than this many days are deleted. */
  readonly retentionDays: number;
  /** Bearer token of the admin API; without it `/admin/*` does not exist. */
  readonly adminToken: string | undefined;
  /** Telegram user ids allowed to use `/stats` in the bot. */
  readonly adminUserIds: readonly number[];
  /**
   * Secret of the keyed hashes (rate-limit keys, vote guards). Required with Redis, where every
   * instance must hash alike; otherwise the process generates one at start.
   */
  readonly hashSecret: string | undefined;
  /** Questions per client IP per minute on `/ask` and the web page. */
  readonly rateLimitAskPerMinute: number;
  /** Questions per Telegram user per minute in the bot. */
  readonly rateLimitBotPerMinute: number;
  /**
   * Which proxies' `X-Forwarded-For` to believe for the client IP (rate limits): `false`, a
   * number of hops, or addresses / CIDR ranges. Off by default: a client could spoof it.
   */
  readonly trustProxy: boolean | number | readonly string[];
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === "" ? undefined : value), schema.optional());

/** A whole number in a range, from an environment string. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (value) => (value === "" ? undefined : value),
    z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(min, `must be ${min}-${max}`)
      .max(max, `must be ${min}-${max}`)
      .default(fallback),
  );

const envSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "must be a number" })
      .int("must be a whole number")
      .min(0, "must be 0-65535")
      .max(65535, "must be 0-65535")
      .default(3000),
    HOST: z.string().min(1, "must not be empty").default("0.0.0.0"),
    LOG_LEVEL: z
      .enum(LOG_LEVELS, { error: `must be one of ${LOG_LEVELS.join(", ")}` })
      .default("info"),
    FAQ_DIR: z.string().min(1, "must not be empty").default("./faq"),
    BOT_TOKEN: optional(
      z
        .string()
        .regex(
          /^\d+:[A-Za-z0-9_-]{20,}$/,
          "does not look like a bot token (123456:ABC-...) from @BotFather",
        ),
    ),
    WEBHOOK_URL: optional(
      z.url({
        protocol: /^https?$/,
        error: "must be an http(s) URL such as https://faq.example.com",
      }),
    ),
    WEBHOOK_SECRET: optional(
      z.string().regex(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -"),
    ),
    TELEGRAM_API_ROOT: optional(z.url({ protocol: /^https?$/, error: "must be an http(s) URL" })),
    CORS_ORIGINS: z
      .string()
      .default("")
      .transform((value) =>
        value
          .split(",")
          .map((origin) => origin.trim().replace(/\/+$/, ""))
          .filter(Boolean),
      )
      .refine((origins) => origins.every((o) => o === "*" || /^https?:\/\/[^/\s]+$/.test(o)), {
        message: "must be a comma-separated list of origins such as https://example.com, or *",
      }),
    FAQ_WATCH: z
      .enum(["0", "1", "true", "false", ""], { error: "must be 1 or 0" })
      .default("0")
      .transform((value) => value === "1" || value === "true"),
    DATA_DIR: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z.string().default("./data"),
    ),
    REDIS_URL: optional(
      z.url({
        protocol: /^rediss?$/,
        error: "must be a redis:// or rediss:// URL such as redis://redis:6379",
      }),
    ),
    REDIS_KEY_PREFIX: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[A-Za-z0-9:_.-]{1,64}$/, "must be 1-64 characters of A-Z a-z 0-9 : _ . -")
        .default("faq:"),
    ),
    RETENTION_DAYS: wholeNumber(1, 3650, 30),
    ADMIN_TOKEN: optional(
      z
        .string()
        .regex(
          /^[\x21-\x7e]{16,256}$/,
          "must be 16-256 printable characters without spaces (e.g. `openssl rand -hex 32`)",
        ),
    ),
    ADMIN_USER_IDS: z
      .string()
      .default("")
      .refine((value) => /^\s*(\d{1,15}\s*(,\s*\d{1,15}\s*)*)?,?\s*$/.test(value), {
        message: "must be a comma-separated list of numeric Telegram user ids",
      })
      .transform((value) =>
        value
          .split(",")
          .map((id) => id.trim())
          .filter(Boolean)
          .map(Number),
      ),
    HASH_SECRET: optional(
      z
        .string()
        .min(32, "must be at least 32 characters (e.g. `openssl rand -hex 32`)")
        .max(512, "must be at most 512 characters"),
    ),
    RATE_LIMIT_ASK_PER_MINUTE: wholeNumber(1, 1_000_000, 60),
    RATE_LIMIT_BOT_PER_MINUTE: wholeNumber(1, 10_000, 20),
    TRUST_PROXY: z
      .string()
      .default("")
      .transform((value): boolean | number | string[] => {
        const trimmed = value.trim();
        if (trimmed === "" || trimmed === "false" || trimmed === "0") return false;
        if (/^\d+$/.test(trimmed)) return Number(trimmed);
        return trimmed
          .split(",")
          .map((entry) => entry.trim())
          .filter(Boolean);
      })
      .refine(
        (value) =>
          typeof value !== "object" ||
          value.every((entry) =>
            /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/.test(entry),
          ),
        {
          message:
            "must be a number of proxy hops, or comma-separated addresses / CIDR ranges (e.g. 10.0.0.0/8, loopback)",
        },
      ),
  })
  .superRefine((env, ctx) => {
    if (env.WEBHOOK_URL && !env.BOT_TOKEN) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_URL"],
        message: "is set but BOT_TOKEN is not",
      });
    }
    if (env.BOT_TOKEN && env.WEBHOOK_URL && !env.WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["WEBHOOK_SECRET"],
        message: "is required in webhook mode (WEBHOOK_URL is set)",
      });
    }
    if (env.REDIS_URL && !env.HASH_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["HASH_SECRET"],
        message:
          "is required with REDIS_URL: every instance must hash user ids and IPs alike (e.g. `openssl rand -hex 32`)",
      });
    }
  });

/** Reads and validates the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = envSchema.safeParse(env);
  if (!result.success) {
    throw new ConfigError(
      result.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`),
    );
  }
  const e = result.data;
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    faqDir: e.FAQ_DIR,
    botToken: e.BOT_TOKEN,
    webhookUrl: e.WEBHOOK_URL?.replace(/\/+$/, ""),
    webhookSecret: e.WEBHOOK_SECRET,
    telegramApiRoot: e.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
    corsOrigins: e.CORS_ORIGINS,
    faqWatch: e.FAQ_WATCH,
    dataDir: e.DATA_DIR,
    redisUrl: e.REDIS_URL,
    redisKeyPrefix: e.REDIS_KEY_PREFIX,
    retentionDays: e.RETENTION_DAYS,
    adminToken: e.ADMIN_TOKEN,
    adminUserIds: e.ADMIN_USER_IDS,
    hashSecret: e.HASH_SECRET,
    rateLimitAskPerMinute: e.RATE_LIMIT_ASK_PER_MINUTE,
    rateLimitBotPerMinute: e.RATE_LIMIT_BOT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
  };
}
