import { EnvError, cleanEnv, makeValidator, str } from "envalid";

/** Log levels pino understands. */
const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
/** How logs are written: `auto` is readable on a terminal, JSON lines otherwise. */
const LOG_FORMATS = ["auto", "json", "pretty"] as const;

/** Validated configuration, read once at start. */
export interface Config {
  /** TCP port of the HTTP server. */
  readonly port: number;
  /** Interface to listen on. */
  readonly host: string;
  readonly logLevel: (typeof LOG_LEVELS)[number];
  /** JSON lines, readable lines (pino-pretty), or readable only when stdout is a terminal. */
  readonly logFormat: (typeof LOG_FORMATS)[number];
  /**
   * One log line per request (method, route pattern, status, time, hashed client), at `info`;
   * at `LOG_LEVEL=debug` it is on anyway, at `debug`.
   */
  readonly accessLog: boolean;
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
  /** Redis for statistics, the update queue and rate limits shared by several instances. */
  readonly redisUrl: string | undefined;
  /** Prefix of every Redis key, so services can share one Redis. */
  readonly redisKeyPrefix: string;
  /** Statistics older than this many days are deleted. */
  readonly retentionDays: number;
  /** Most rows the unanswered log keeps (one question on one day); the rarest go first. */
  readonly unansweredMaxRows: number;
  /** Seconds between two integrity checks of the SQLite file while running; 0 for none. */
  readonly sqliteCheckIntervalSeconds: number;
  /** Mean event-loop delay (ms, two half-second samples in a row) that sheds load; 0 for never. */
  readonly shedLoadDelayMs: number;
  /** Bearer token of the admin API; without it `/admin/*` does not exist. */
  readonly adminToken: string | undefined;
  /** Token that `/metrics` and `/docs` then require (Bearer, or Basic with it as password). */
  readonly metricsToken: string | undefined;
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
  /** Queued Telegram updates answered at once by this process. */
  readonly queueConcurrency: number;
  /** Messages per second the bot sends from this process (Telegram allows about 30 per bot). */
  readonly telegramMessagesPerSecond: number;
  /** Longest one Bot API call may take before it counts as failed and is retried, seconds. */
  readonly telegramApiTimeoutSeconds: number;
  /** On SIGTERM, how long in-flight updates may take to finish; the rest stays queued, seconds. */
  readonly shutdownGraceSeconds: number;
}

/** Thrown when the environment is invalid; the message names every bad variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/*
 * Validation uses envalid's `cleanEnv`: it adds ~15-20 ms to start-up, where zod (~100
 * modules) cost ~130 ms. Most rules are our own `makeValidator`s, because envalid's
 * ready-made ones mean something else here: `port` refuses 0 (any free port), `num` reads
 * "12abc" as 12, `bool` also takes yes/no/on/off, `url` takes any scheme, and their messages
 * quote the value, which may hold a password. Our reporter gathers every problem, one per
 * variable, and throws {@link ConfigError}.
 */

/** Rejects a value; the message is what follows `NAME: ` in the error. */
const fail = (problem: string): never => {
  throw new EnvError(problem);
};

const matching = (pattern: RegExp, message: string) =>
  makeValidator<string>((value) => (pattern.test(value) ? value : fail(message)));

/**
 * A URL with one of `schemes`, given trimmed (and without tabs or line breaks, which URL
 * parsing ignores). http(s) URLs must spell out `://`.
 */
const urlOf = (schemes: readonly string[], message: string) =>
  makeValidator<string>((value) => {
    const trimmed = value.trim();
    if (schemes.includes("http") && !/^https?:\/\//i.test(trimmed)) return fail(message);
    let parsed: URL;
    try {
      parsed = new URL(trimmed);
    } catch {
      return fail(message);
    }
    if (!schemes.includes(parsed.protocol.replace(/:$/, ""))) return fail(message);
    return trimmed.replace(/[\t\n\r]/g, "");
  });

/** A whole number in a range (`Number()` syntax, so an empty PORT is port 0). */
const wholeNumber = (min: number, max: number) =>
  makeValidator<number>((value) => {
    const number = Number(value);
    if (!Number.isFinite(number)) return fail("must be a number");
    if (!Number.isSafeInteger(number)) return fail("must be a whole number");
    if (number < min || number > max) return fail(`must be ${min}-${max}`);
    return number;
  });

const nonEmpty = makeValidator<string>((value) =>
  value.length >= 1 ? value : fail("must not be empty"),
);

/** `1`/`true` or `0`/`false` (envalid's `bool` would also take yes/no/on/off). */
const flag = makeValidator<boolean>((value) =>
  ["1", "true"].includes(value)
    ? true
    : ["0", "false"].includes(value)
      ? false
      : fail("must be 1 or 0"),
);

const ORIGIN = /^https?:\/\/[^/\s]+$/;
const ADMIN_USER_ID_LIST = /^\s*(\d{1,15}\s*(,\s*\d{1,15}\s*)*)?,?\s*$/;
const TRUSTED_PROXY = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;

const corsOrigins = makeValidator<string[]>((value) => {
  const origins = value
    .split(",")
    .map((origin) => origin.trim().replace(/\/+$/, ""))
    .filter(Boolean);
  return origins.every((o) => o === "*" || ORIGIN.test(o))
    ? origins
    : fail("must be a comma-separated list of origins such as https://example.com, or *");
});

const userIds = makeValidator<number[]>((value) =>
  ADMIN_USER_ID_LIST.test(value)
    ? value
        .split(",")
        .map((id) => id.trim())
        .filter(Boolean)
        .map(Number)
    : fail("must be a comma-separated list of numeric Telegram user ids"),
);

const hashSecret = makeValidator<string>((value) =>
  value.length < 32
    ? fail("must be at least 32 characters (e.g. `openssl rand -hex 32`)")
    : value.length > 512
      ? fail("must be at most 512 characters")
      : value,
);

const trustProxy = makeValidator<boolean | number | string[]>((value) => {
  const trimmed = value.trim();
  if (trimmed === "" || trimmed === "false" || trimmed === "0") return false;
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const entries = trimmed
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  return entries.every((entry) => TRUSTED_PROXY.test(entry))
    ? entries
    : fail(
        "must be a number of proxy hops, or comma-separated addresses / CIDR ranges (e.g. 10.0.0.0/8, loopback)",
      );
});

/** Every variable, in the order problems are listed. `default: undefined` makes one optional. */
const specs = {
  PORT: wholeNumber(0, 65535)({ default: 3000 }),
  HOST: nonEmpty({ default: "0.0.0.0" }),
  LOG_LEVEL: str({ choices: LOG_LEVELS, default: "info" }),
  LOG_FORMAT: str({ choices: LOG_FORMATS, default: "auto" }),
  ACCESS_LOG: flag({ default: false }),
  FAQ_DIR: nonEmpty({ default: "./faq" }),
  BOT_TOKEN: matching(
    /^\d+:[A-Za-z0-9_-]{20,}$/,
    "does not look like a bot token (123456:ABC-...) from @BotFather",
  )({ default: undefined }),
  WEBHOOK_URL: urlOf(
    ["http", "https"],
    "must be an http(s) URL such as https://faq.example.com",
  )({
    default: undefined,
  }),
  WEBHOOK_SECRET: matching(
    /^[A-Za-z0-9_-]{16,256}$/,
    "must be 16-256 characters of A-Z a-z 0-9 _ -",
  )({ default: undefined }),
  TELEGRAM_API_ROOT: urlOf(["http", "https"], "must be an http(s) URL")({ default: undefined }),
  CORS_ORIGINS: corsOrigins({ default: [] }),
  FAQ_WATCH: flag({ default: false }),
  DATA_DIR: str({ default: "./data" }),
  REDIS_URL: urlOf(
    ["redis", "rediss"],
    "must be a redis:// or rediss:// URL such as redis://redis:6379",
  )({ default: undefined }),
  REDIS_KEY_PREFIX: matching(
    /^[A-Za-z0-9:_.-]{1,64}$/,
    "must be 1-64 characters of A-Z a-z 0-9 : _ . -",
  )({ default: "faq:" }),
  RETENTION_DAYS: wholeNumber(1, 3650)({ default: 30 }),
  UNANSWERED_MAX_ROWS: wholeNumber(100, 1_000_000)({ default: 10_000 }),
  SQLITE_CHECK_INTERVAL_SECONDS: wholeNumber(0, 86_400)({ default: 600 }),
  SHED_LOAD_DELAY_MS: wholeNumber(0, 60_000)({ default: 30 }),
  ADMIN_TOKEN: matching(
    /^[\x21-\x7e]{16,256}$/,
    "must be 16-256 printable characters without spaces (e.g. `openssl rand -hex 32`)",
  )({ default: undefined }),
  ADMIN_USER_IDS: userIds({ default: [] }),
  METRICS_TOKEN: matching(
    /^[\x21-\x7e]{16,256}$/,
    "must be 16-256 printable characters without spaces (e.g. `openssl rand -hex 32`)",
  )({ default: undefined }),
  HASH_SECRET: hashSecret({ default: undefined }),
  RATE_LIMIT_ASK_PER_MINUTE: wholeNumber(1, 1_000_000)({ default: 60 }),
  RATE_LIMIT_BOT_PER_MINUTE: wholeNumber(1, 10_000)({ default: 20 }),
  TRUST_PROXY: trustProxy({ default: false }),
  QUEUE_CONCURRENCY: wholeNumber(1, 256)({ default: 8 }),
  TELEGRAM_MESSAGES_PER_SECOND: wholeNumber(1, 1000)({ default: 30 }),
  TELEGRAM_API_TIMEOUT_SECONDS: wholeNumber(1, 300)({ default: 15 }),
  SHUTDOWN_GRACE_SECONDS: wholeNumber(1, 300)({ default: 8 }),
};

type Name = keyof typeof specs;

/** Every environment variable the service reads, in the order problems are listed. */
export const CONFIG_VARIABLES = Object.keys(specs) as readonly Name[];

/**
 * An empty variable counts as unset (its default), except these: an empty PORT is port 0 (any
 * free port), and the others must not be empty.
 */
const EMPTY_IS_A_VALUE: ReadonlySet<string> = new Set(["PORT", "HOST", "LOG_LEVEL", "FAQ_DIR"]);

/** Our wording for problems found by envalid's own validators, whose messages quote the value. */
const MESSAGES: Partial<Record<Name, string>> = {
  LOG_LEVEL: `must be one of ${LOG_LEVELS.join(", ")}`,
  LOG_FORMAT: `must be one of ${LOG_FORMATS.join(", ")}`,
};

/**
 * Rules between variables, on which ones are set (non-empty), so they are reported along with
 * any other problem; a variable that already has a problem gets no second message.
 */
function crossProblems(isSet: (name: Name) => boolean): [Name, string][] {
  const problems: [Name, string][] = [];
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

function readEnv(source: NodeJS.ProcessEnv) {
  // Only our variables reach envalid (so NODE_ENV cannot switch it to other defaults).
  const input: Record<string, string | undefined> = {};
  for (const name of Object.keys(specs)) {
    const value = source[name];
    input[name] = value === "" && !EMPTY_IS_A_VALUE.has(name) ? undefined : value;
  }
  return cleanEnv(input, specs, {
    reporter: ({ errors }) => {
      const problems = new Map<Name, string>();
      for (const [name, error] of Object.entries(errors) as [Name, Error | undefined][])
        if (error) problems.set(name, MESSAGES[name] ?? error.message);
      for (const [name, problem] of crossProblems(
        (name) => input[name] !== undefined && input[name] !== "",
      ))
        if (!problems.has(name)) problems.set(name, problem);
      if (problems.size > 0)
        throw new ConfigError([...problems].map(([name, problem]) => `${name}: ${problem}`));
    },
  });
}

/** Reads and validates the configuration; throws {@link ConfigError} listing every problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const e = readEnv(env);
  return {
    port: e.PORT,
    host: e.HOST,
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    accessLog: e.ACCESS_LOG,
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
    unansweredMaxRows: e.UNANSWERED_MAX_ROWS,
    sqliteCheckIntervalSeconds: e.SQLITE_CHECK_INTERVAL_SECONDS,
    shedLoadDelayMs: e.SHED_LOAD_DELAY_MS,
    adminToken: e.ADMIN_TOKEN,
    metricsToken: e.METRICS_TOKEN,
    adminUserIds: e.ADMIN_USER_IDS,
    hashSecret: e.HASH_SECRET,
    rateLimitAskPerMinute: e.RATE_LIMIT_ASK_PER_MINUTE,
    rateLimitBotPerMinute: e.RATE_LIMIT_BOT_PER_MINUTE,
    trustProxy: e.TRUST_PROXY,
    queueConcurrency: e.QUEUE_CONCURRENCY,
    telegramMessagesPerSecond: e.TELEGRAM_MESSAGES_PER_SECOND,
    telegramApiTimeoutSeconds: e.TELEGRAM_API_TIMEOUT_SECONDS,
    shutdownGraceSeconds: e.SHUTDOWN_GRACE_SECONDS,
  };
}
