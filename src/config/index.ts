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
  };
}
