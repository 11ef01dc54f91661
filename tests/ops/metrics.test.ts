import { Histogram, Registry } from "prom-client";
import { describe, expect, it } from "vitest";
import { Metrics } from "../../src/ops/metrics.js";
import { TallyHistogram } from "../../src/ops/tally-histogram.js";
import type { Answer } from "../../src/search/engine.js";

describe("TallyHistogram", () => {
  it("renders exactly like prom-client's histogram", async () => {
    const options = {
      name: "d_seconds",
      help: "durations",
      labelNames: ["route", "status"] as const,
      buckets: [0.001, 0.01, 0.1],
    };
    const reference = new Registry();
    const tallied = new Registry();
    const histogram = new Histogram({ ...options, registers: [reference] });
    const tally = new TallyHistogram({ ...options, registers: [tallied] });
    for (const [route, status, seconds] of [
      ["/ask", "200", 0.0004],
      ["/ask", "200", 0.01],
      ["/ask", "200", 3],
      ["/faq", "404", 0.05],
    ] as const) {
      histogram.labels(route, status).observe(seconds);
      tally.labels(route, status).observe(seconds);
    }
    expect(await tallied.metrics()).toBe(await reference.metrics());
    tally.reset();
    histogram.reset();
    expect(await tallied.metrics()).toContain('d_seconds_count{route="/ask",status="200"} 0');
  });
});

describe("Metrics", () => {
  it("adds answers counted since the last scrape to the counters", async () => {
    const metrics = new Metrics({ processMetrics: false });
    const entry = { id: "ads" } as NonNullable<Answer["answer"]>["entry"];
    const answered = { answer: { entry, confidence: 0.9 }, related: [] } as unknown as Answer;
    const unanswered = { answer: null, related: [] } as unknown as Answer;
    metrics.observeAnswer("http", answered);
    metrics.observeAnswer("http", answered);
    metrics.observeAnswer("inline", unanswered);
    const first = await metrics.registry.metrics();
    expect(first).toContain('faq_answers_total{channel="http",outcome="answered"} 2');
    expect(first).toContain('faq_answers_total{channel="inline",outcome="no_answer"} 1');
    expect(first).toContain('faq_answers_by_entry_total{faq_id="ads"} 2');
    expect(first).toContain("faq_answer_confidence_count 3");
    metrics.observeAnswer("http", answered);
    const second = await metrics.registry.metrics();
    expect(second).toContain('faq_answers_total{channel="http",outcome="answered"} 3');
    expect(second).toContain('faq_answers_by_entry_total{faq_id="ads"} 3');
    expect(second).toContain('faq_answers_total{channel="inline",outcome="no_answer"} 1');
  });
});
