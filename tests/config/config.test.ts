import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/index.js";

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).problems;
  }
  throw new Error("expected a ConfigError");
};

describe("loadConfig", () => {
  it("has working defaults: HTTP-only on port 3000", () => {
    expect(loadConfig({})).toEqual({
      port: 3000,
      host: "0.0.0.0",
      logLevel: "info",
      logFormat: "auto",
      accessLog: false,
      faqDir: "./faq",
      botToken: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
      telegramApiRoot: undefined,
      corsOrigins: [],
      faqWatch: false,
      dataDir: "./data",
      redisUrl: undefined,
      redisKeyPrefix: "faq:",
      retentionDays: 30,
      unansweredMaxRows: 10_000,
      sqliteCheckIntervalSeconds: 600,
      shedLoadDelayMs: 30,
      adminToken: undefined,
      metricsToken: undefined,
      adminUserIds: [],
      hashSecret: undefined,
      rateLimitAskPerMinute: 60,
      rateLimitBotPerMinute: 20,
      trustProxy: false,
      queueConcurrency: 8,
      telegramMessagesPerSecond: 30,
      telegramApiTimeoutSeconds: 15,
      shutdownGraceSeconds: 8,
    });
  });

  it("reads and normalises values", () => {
    const config = loadConfig({
      PORT: "8080",
      LOG_LEVEL: "debug",
      BOT_TOKEN: "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123",
      WEBHOOK_URL: "https://faq.example.com/",
      WEBHOOK_SECRET: "s3cret_s3cret-s3cret",
    });
    expect(config).toMatchObject({
      port: 8080,
      logLevel: "debug",
      webhookUrl: "https://faq.example.com",
    });
  });

  it("treats empty variables as unset", () => {
    expect(loadConfig({ BOT_TOKEN: "", WEBHOOK_URL: "" }).botToken).toBeUndefined();
  });

  it("names every bad variable with a message", () => {
    const list = problems({
      PORT: "eighty",
      LOG_LEVEL: "loud",
      BOT_TOKEN: "nope",
      TELEGRAM_API_ROOT: "ftp://x",
    });
    expect(list.join("\n")).toMatch(/PORT: must be a number/);
    expect(list.join("\n")).toMatch(/LOG_LEVEL: must be one of/);
    expect(list.join("\n")).toMatch(/BOT_TOKEN: does not look like a bot token/);
    expect(list.join("\n")).toMatch(/TELEGRAM_API_ROOT: must be an http\(s\) URL/);
  });

  it("reads CORS origins and the watch switch", () => {
    const config = loadConfig({
      CORS_ORIGINS: "https://a.example, https://b.example/",
      FAQ_WATCH: "1",
    });
    expect(config.corsOrigins).toEqual(["https://a.example", "https://b.example"]);
    expect(config.faqWatch).toBe(true);
    expect(loadConfig({ CORS_ORIGINS: "*" }).corsOrigins).toEqual(["*"]);
    expect(problems({ CORS_ORIGINS: "not an origin" })[0]).toMatch(
      /CORS_ORIGINS: must be a comma-separated list/,
    );
    expect(problems({ FAQ_WATCH: "yes" })[0]).toMatch(/FAQ_WATCH: must be 1 or 0/);
  });

  it("gives each bad variable one message, and checks the rules between variables too", () => {
    expect(problems({ PORT: "1e20" })).toEqual(["PORT: must be a whole number"]);
    expect(problems({ WEBHOOK_URL: "ftp://x" })).toEqual([
      "WEBHOOK_URL: must be an http(s) URL such as https://faq.example.com",
    ]);
    expect(problems({ PORT: "x", REDIS_URL: "redis://redis:6379" })).toEqual([
      "PORT: must be a number",
      "HASH_SECRET: is required with REDIS_URL: every instance must hash user ids and IPs alike (e.g. `openssl rand -hex 32`)",
    ]);
  });

  it("reads the delivery settings, one message per bad value", () => {
    expect(
      loadConfig({
        QUEUE_CONCURRENCY: "16",
        TELEGRAM_MESSAGES_PER_SECOND: "15",
        TELEGRAM_API_TIMEOUT_SECONDS: "5",
        SHUTDOWN_GRACE_SECONDS: "20",
      }),
    ).toMatchObject({
      queueConcurrency: 16,
      telegramMessagesPerSecond: 15,
      telegramApiTimeoutSeconds: 5,
      shutdownGraceSeconds: 20,
    });
    expect(
      problems({
        QUEUE_CONCURRENCY: "0",
        TELEGRAM_MESSAGES_PER_SECOND: "fast",
        TELEGRAM_API_TIMEOUT_SECONDS: "1.5",
        SHUTDOWN_GRACE_SECONDS: "301",
      }),
    ).toEqual([
      "QUEUE_CONCURRENCY: must be 1-256",
      "TELEGRAM_MESSAGES_PER_SECOND: must be a number",
      "TELEGRAM_API_TIMEOUT_SECONDS: must be a whole number",
      "SHUTDOWN_GRACE_SECONDS: must be 1-300",
    ]);
  });

  it("reads the log format, the access log and the metrics token", () => {
    expect(
      loadConfig({ LOG_FORMAT: "pretty", ACCESS_LOG: "1", METRICS_TOKEN: "m".repeat(32) }),
    ).toMatchObject({ logFormat: "pretty", accessLog: true, metricsToken: "m".repeat(32) });
    expect(problems({ LOG_FORMAT: "colour", ACCESS_LOG: "yes", METRICS_TOKEN: "short" })).toEqual([
      "LOG_FORMAT: must be one of auto, json, pretty",
      "ACCESS_LOG: must be 1 or 0",
      "METRICS_TOKEN: must be 16-256 printable characters without spaces (e.g. `openssl rand -hex 32`)",
    ]);
  });

  it("rejects ports out of range", () => {
    expect(problems({ PORT: "70000" })).toEqual(["PORT: must be 0-65535"]);
  });

  it("requires a well-formed WEBHOOK_SECRET in webhook mode", () => {
    const token = "123456:ABCdefGhIJKlmnoPQRstuVWXyz_0123";
    expect(problems({ BOT_TOKEN: token, WEBHOOK_URL: "https://x.example" })).toEqual([
      "WEBHOOK_SECRET: is required in webhook mode (WEBHOOK_URL is set)",
    ]);
    expect(
      problems({ BOT_TOKEN: token, WEBHOOK_URL: "https://x.example", WEBHOOK_SECRET: "short" })[0],
    ).toMatch(/WEBHOOK_SECRET: must be 16-256 characters/);
    expect(problems({ WEBHOOK_URL: "https://x.example" })).toEqual([
      "WEBHOOK_URL: is set but BOT_TOKEN is not",
    ]);
  });

  describe("storage, admin and scale-out settings", () => {
    const secret = "0123456789abcdef0123456789abcdef";

    it("reads them", () => {
      expect(
        loadConfig({
          DATA_DIR: "/var/lib/faq",
          REDIS_URL: "redis://:pw@redis:6379/2",
          REDIS_KEY_PREFIX: "faq-prod:",
          HASH_SECRET: secret,
          RETENTION_DAYS: "7",
          ADMIN_TOKEN: "admin-token-0123456789",
          ADMIN_USER_IDS: " 111, 222 ,",
          RATE_LIMIT_ASK_PER_MINUTE: "5",
          RATE_LIMIT_BOT_PER_MINUTE: "10",
          TRUST_PROXY: "1",
        }),
      ).toMatchObject({
        dataDir: "/var/lib/faq",
        redisUrl: "redis://:pw@redis:6379/2",
        redisKeyPrefix: "faq-prod:",
        hashSecret: secret,
        retentionDays: 7,
        adminToken: "admin-token-0123456789",
        adminUserIds: [111, 222],
        rateLimitAskPerMinute: 5,
        rateLimitBotPerMinute: 10,
        trustProxy: 1,
      });
      expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, loopback" }).trustProxy).toEqual([
        "10.0.0.0/8",
        "loopback",
      ]);
      expect(
        loadConfig({ REDIS_URL: "rediss://cache.example:6380", HASH_SECRET: secret }),
      ).toMatchObject({
        redisUrl: "rediss://cache.example:6380",
      });
    });

    it("requires HASH_SECRET with REDIS_URL, since every instance must hash alike", () => {
      expect(problems({ REDIS_URL: "redis://redis:6379" })).toEqual([
        "HASH_SECRET: is required with REDIS_URL: every instance must hash user ids and IPs alike (e.g. `openssl rand -hex 32`)",
      ]);
      expect(problems({ HASH_SECRET: "too-short" })).toEqual([
        "HASH_SECRET: must be at least 32 characters (e.g. `openssl rand -hex 32`)",
      ]);
    });

    it("names each bad value with a clear message", () => {
      const list = problems({
        REDIS_URL: "http://redis:6379",
        HASH_SECRET: secret,
        RETENTION_DAYS: "0",
        ADMIN_TOKEN: "short",
        ADMIN_USER_IDS: "@alice",
        RATE_LIMIT_ASK_PER_MINUTE: "many",
        TRUST_PROXY: "everyone",
        REDIS_KEY_PREFIX: "has space",
      }).join("\n");
      expect(list).toMatch(/REDIS_URL: must be a redis:\/\/ or rediss:\/\/ URL/);
      expect(list).toMatch(/RETENTION_DAYS: must be 1-3650/);
      expect(list).toMatch(/ADMIN_TOKEN: must be 16-256 printable characters/);
      expect(list).toMatch(/ADMIN_USER_IDS: must be a comma-separated list of numeric/);
      expect(list).toMatch(/RATE_LIMIT_ASK_PER_MINUTE: must be a number/);
      expect(list).toMatch(/TRUST_PROXY: must be a number of proxy hops/);
      expect(list).toMatch(/REDIS_KEY_PREFIX: must be 1-64 characters/);
    });
  });
});
