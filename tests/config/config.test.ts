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
      faqDir: "./faq",
      botToken: undefined,
      webhookUrl: undefined,
      webhookSecret: undefined,
      telegramApiRoot: undefined,
      corsOrigins: [],
      faqWatch: false,
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
});
