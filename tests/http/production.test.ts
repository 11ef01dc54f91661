import { describe, expect, it } from "vitest";
import { buildApp } from "../../src/http/app.js";
import { AnswerServiceHolder } from "../../src/answering/holder.js";
import { Metrics } from "../../src/ops/metrics.js";
import { realService } from "../support/knowledge-base.js";

async function app(options: Partial<Parameters<typeof buildApp>[0]> = {}) {
  const answers = new AnswerServiceHolder();
  answers.set(await realService({ cacheSize: 10 }));
  return buildApp({ answers, ...options });
}

describe("security headers", () => {
  it("sets helmet's headers with a same-origin content security policy", async () => {
    const instance = await app();
    const response = await instance.inject("/");
    expect(response.headers["content-security-policy"]).toContain("script-src 'self'");
    expect(response.headers["x-content-type-options"]).toBe("nosniff");
    await instance.close();
  });

  it("never asks a plain-HTTP page's browser to upgrade its requests to HTTPS", async () => {
    const instance = await app();
    const response = await instance.inject({ url: "/", headers: { host: "192.168.1.20:8080" } });
    expect(response.headers["content-security-policy"]).not.toContain("upgrade-insecure-requests");
    expect(response.headers["strict-transport-security"]).toBeUndefined();
    await instance.close();
  });

  it("keeps upgrade-insecure-requests and HSTS behind HTTPS (a trusted proxy says so)", async () => {
    const instance = await app({ trustProxy: 1 });
    const response = await instance.inject({
      url: "/",
      headers: { host: "faq.example.com", "x-forwarded-proto": "https" },
    });
    expect(response.headers["content-security-policy"]).toContain("upgrade-insecure-requests");
    expect(response.headers["strict-transport-security"]).toContain("max-age=");
    // An untrusted client cannot claim HTTPS: no proxy is trusted by default.
    const spoofed = await app();
    const plain = await spoofed.inject({ url: "/", headers: { "x-forwarded-proto": "https" } });
    expect(plain.headers["strict-transport-security"]).toBeUndefined();
    await Promise.all([instance.close(), spoofed.close()]);
  });
});

describe("CORS", () => {
  it("sends no CORS headers by default", async () => {
    const instance = await app();
    const response = await instance.inject({
      url: "/ask?q=hi",
      headers: { origin: "https://a.example" },
    });
    expect(response.headers["access-control-allow-origin"]).toBeUndefined();
    await instance.close();
  });

  it("allows configured origins on /ask and /faq only", async () => {
    const instance = await app({ corsOrigins: ["https://a.example"] });
    const ask = await instance.inject({
      url: "/ask?q=hi",
      headers: { origin: "https://a.example" },
    });
    expect(ask.headers["access-control-allow-origin"]).toBe("https://a.example");
    const faq = await instance.inject({
      url: "/faq/backups",
      headers: { origin: "https://a.example" },
    });
    expect(faq.headers["access-control-allow-origin"]).toBe("https://a.example");
    const other = await instance.inject({
      url: "/ask?q=hi",
      headers: { origin: "https://evil.example" },
    });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
    const page = await instance.inject({ url: "/", headers: { origin: "https://a.example" } });
    expect(page.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await instance.inject({
      method: "OPTIONS",
      url: "/ask",
      headers: { origin: "https://a.example", "access-control-request-method": "POST" },
    });
    expect(preflight.statusCode).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toContain("POST");
    await instance.close();
  });
});

describe("/metrics", () => {
  it("exposes request durations by route pattern and process metrics", async () => {
    const metrics = new Metrics();
    const instance = await app({ metrics });
    await instance.inject("/faq/backups");
    await instance.inject("/nowhere");
    const response = await instance.inject("/metrics");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("text/plain");
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{route="\/faq\/:id",method="GET",status="200"\} 1/,
    );
    expect(response.body).toMatch(
      /http_request_duration_seconds_count\{route="unmatched",method="GET",status="404"\} 1/,
    );
    expect(response.body).toContain("process_cpu_user_seconds_total");
    await instance.close();
  });

  it("has no /metrics route without a registry", async () => {
    const instance = await app();
    expect((await instance.inject("/metrics")).statusCode).toBe(404);
    await instance.close();
  });
});

describe("under pressure", () => {
  it("answers 503 with Retry-After when the event loop is saturated", async () => {
    const instance = await app({
      pressure: { maxEventLoopDelay: 10, sampleInterval: 20, samples: 2 },
    });
    await instance.ready();
    for (let round = 0; round < 5; round++) {
      const until = Date.now() + 200;
      while (Date.now() < until) {
        // keep the event loop busy so its delay exceeds 10 ms
      }
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const response = await instance.inject("/ask?q=encryption");
    expect(response.statusCode).toBe(503);
    expect(response.headers["retry-after"]).toBe("10");
    expect(response.json().error).toBe("service_unavailable");
    await instance.close();
  });
});
