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

/*
 * Validation is written out rather than declared with zod: importing zod (about 100 modules)
 * cost ~130 ms of every start, more than all the checks below. Each bad variable gets one
 * message.
 */

/** Reads one variable: its value (or default), or its one problem. */
type Reader<T> = (value: string | undefined) => { value: T } | { problem: string };

const ok = <T>(value: T) => ({ value });
const bad = (problem: string) => ({ problem });

/** Empty means unset, as if the variable were not there. */
const unsetIfEmpty = (value: string | undefined) => (value === "" ? undefined : value);

/** An optional string; empty means unset. */
const optionalString =
  (check: (value: string) => string | undefined): Reader<string | undefined> =>
  (raw) => {
    const value = unsetIfEmpty(raw);
    if (value === undefined) return ok(undefined);
    const problem = check(value);
    return problem === undefined ? ok(value) : bad(problem);
  };

const matching = (pattern: RegExp, message: string) => (value: string) =>
  pattern.test(value) ? undefined : message;

/**
 * A URL whose scheme matches `schemes`, given trimmed (and without tabs or line breaks, which
 * URL parsing ignores). http(s) URLs must spell out `://`.
 */
const url =
  (schemes: RegExp, message: string): Reader<string | undefined> =>
  (raw) => {
    const value = unsetIfEmpty(raw);
    if (value === undefined) return ok(undefined);
    const trimmed = value.trim();
    if (schemes.source === "^https?$" && !/^https?:\/\//i.test(trimmed)) return bad(message);
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return bad(message);
    }
    if (!schemes.test(parsed.protocol.replace(/:$/, ""))) return bad(message);
    return ok(trimmed.replace(/[\t\n\r]/g, ""));
  };

/** A whole number in a range, from an environment string (`Number()` syntax). */
const wholeNumber =
  (min: number, max: number, fallback: number, { emptyIsUnset = true } = {}): Reader<number> =>
  (raw) => {
    const value = emptyIsUnset ? unsetIfEmpty(raw) : raw;
    if (value === undefined) return ok(fallback);
    const number = Number(value);
    if (!Number.isFinite(number)) return bad("must be a number");
    if (!Number.isSafeInteger(number)) return bad("must be a whole number");
    if (number < min || number > max) return bad(`must be ${min}-${max}`);
    return ok(number);
  };

const nonEmpty =
  (fallback: string): Reader<string> =>
  (raw) =>
    raw === undefined ? ok(fallback) : raw.length >= 1 ? ok(raw) : bad("must not be empty");

function oneOf<T extends string>(values: readonly T[], fallback: T, message: string): Reader<T> {
  return (raw) =>
    raw === undefined
      ? ok(fallback)
      : (values as readonly string[]).includes(raw)
        ? ok(raw as T)
        : bad(message);
}

const ORIGIN = /^https?:\/\/[^/\s]+$/;
const ADMIN_USER_ID_LIST = /^\s*(\d{1,15}\s*(,\s*\d{1,15}\s*)*)?,?\s*$/;
const TRUSTED_PROXY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

/** Every variable: how it is read, in the order problems are listed. */
const variables = {
  // Empty PORT is port 0 (any free port), as `Number("")` is 0.
  PORT: wholeNumber(0, 65535, 3000, { emptyIsUnset: false }),
  HOST: nonEmpty("0.0.0.0"),
  LOG_LEVEL: oneOf(LOG_LEVELS, "info", `must be one of ${LOG_LEVELS.join(", ")}`),
  FAQ_DIR: nonEmpty("./faq"),
  BOT_TOKEN: optionalString(
    matching(
      /^\d+:[A-Za-z0-9_-]{20,}$/,
      "does not look like a bot token (123456:ABC-...) from @BotFather",
    ),
  ),
  WEBHOOK_URL: url(/^https?$/, "must be an http(s) URL such as https://faq.example.com"),
  WEBHOOK_SECRET: optionalString(
    matching(/^[A-Za-z0-9_-]{16,256}$/, "must be 16-256 characters of A-Z a-z 0-9 _ -"),
  ),
  TELEGRAM_API_ROOT: url(/^https?$/, "must be an http(s) URL"),
  CORS_ORIGINS: ((raw = "") => {
    const origins = raw
      .split(",")
      .map((origin) => origin.trim().replace(/\/+$/, ""))
      .filter(Boolean);
    return origins.every((o) => o === "*" || ORIGIN.test(o))
      ? ok(origins)
      : bad("must be a comma-separated list of origins such as https://example.com, or *");
  }) satisfies Reader<string[]>,
  FAQ_WATCH: ((raw = "0") =>
    ["0", "1", "true", "false", ""].includes(raw)
      ? ok(raw === "1" || raw === "true")
      : bad("must be 1 or 0")) satisfies Reader<boolean>,
  DATA_DIR: ((raw) => ok(unsetIfEmpty(raw) ?? "./data")) satisfies Reader<string>,
  REDIS_URL: url(/^rediss?$/, "must be a redis:// or rediss:// URL such as redis://redis:6379"),
  REDIS_KEY_PREFIX: ((raw) => {
    const value = unsetIfEmpty(raw) ?? "faq:";
    return /^[A-Za-z0-9:_.-]{1,64}$/.test(value)
      ? ok(value)
      : bad("must be 1-64 characters of A-Z a-z 0-9 : _ . -");
  }) satisfies Reader<string>,
  RETENTION_DAYS: wholeNumber(1, 3650, 30),
  ADMIN_TOKEN: optionalString(
    matching(
      /^[\x21-\x7e]{16,256}$/,
      "must be 16-256 printable characters without spaces (e.g. `openssl rand -hex 32`)",
    ),
  ),
  ADMIN_USER_IDS: ((raw = "") =>
    ADMIN_USER_ID_LIST.test(raw)
      ? ok(
          raw
            .split(",")
            .map((id) => id.trim())
            .filter(Boolean)
            .map(Number),
        )
      : bad("must be a comma-separated list of numeric Telegram user ids")) satisfies Reader<
    number[]
  >,
  HASH_SECRET: optionalString((value) =>
    value.length < 32
      ? "must be at least 32 characters (e.g. `openssl rand -hex 32`)"
      : value.length > 512
        ? "must be at most 512 characters"
        : undefined,
  ),
  RATE_LIMIT_ASK_PER_MINUTE: wholeNumber(1, 1_000_000, 60),
  RATE_LIMIT_BOT_PER_MINUTE: wholeNumber(1, 10_000, 20),
  TRUST_PROXY: ((raw = "") => {
    const trimmed = raw.trim();
    if (trimmed === "" || trimmed === "false" || trimmed === "0") return ok(false);
    if (/^\d+$/.test(trimmed)) return ok(Number(trimmed));
    const entries = trimmed
      .split(",")
      .map((entry) => entry.trim())
      .filter(Boolean);
    return entries.every((entry) => TRUSTED_PROXY.test(entry))
      ? ok(entries)
      : bad(
          "must be a number of proxy hops, or comma-separated addresses / CIDR ranges (e.g. 10.0.0.0/8, loopback)",
        );
  }) satisfies Reader<boolean | number | string[]>,
} satisfies Record<string, Reader<unknown>>;

type Env = {
  [Name in keyof typeof variables]: ReturnType<(typeof variables)[Name]> extends infer R
    ? R extends { value: infer T }
      ? T
      : never
    : never;
};

/**
 * Rules between variables, on which ones are set (non-empty), so they are reported along with
 * any other problem; a variable that already has a problem gets no second message.
 */
function crossProblems(isSet: (name: keyof typeof variables) => boolean): [string, string][] {
  const problems: [string, string][] = [];
  if (isSet("WEBHOOK_URL") && !isSet("BOT_TOKEN"))
    problems.push(["WEBHOOK_URL", "is set but BOT_TOKEN is not"]);
  if (isSet("BOT_TOKEN") && isSet("WEBHOOK_URL") && !isSet("WEBHOOK_SECRET"))
    problems.push(["WEBHOOK_SECRET", "is required in webhook mode (WEBHOOK_URL is set)"]);
  if (isSet("REDIS_URL") && !isSet("HASH_SECRET"))
    problems.push([
      "HASH_SECRET",
      "is required with REDIS_URL: every instance must hash user ids and IPs alike (e.g. `openssl rand -hex 32`)",
    ]);
  return problems;
}

function readEnv(source: NodeJS.ProcessEnv): Env {
  const env: Record<string, unknown> = {};
  const problems = new Map<string, string>();
  for (const [name, read] of Object.entries(variables) as [string, Reader<unknown>][]) {
    const result = read(source[name]);
    if ("problem" in result) problems.set(name, result.problem);
    else env[name] = result.value;
  }
  for (const [name, problem] of crossProblems((name) => unsetIfEmpty(source[name]) !== undefined))
    if (!problems.has(name)) problems.set(name, problem);
  if (problems.size > 0)
    throw new ConfigError([...problems].map(([name, problem]) => `${name}: ${problem}`));
  return env as Env;
}

/** Reads and validates the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = readEnv(env);
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
