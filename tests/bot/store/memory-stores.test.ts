import { describe, expect, it } from "vitest";
import { MemoryFeedbackStore } from "../../../src/store/feedback-store.js";
import { MemoryQuestionStats } from "../../../src/store/question-stats.js";
import { MemoryUpdateWindow } from "../../../src/store/update-dedup.js";

describe("MemoryFeedbackStore", () => {
  it("records a vote, changes it on the other button, and ignores the same button twice", async () => {
    const store = new MemoryFeedbackStore();
    expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k1" })).toBe("recorded");
    expect(await store.tally("ads")).toEqual({ up: 1, down: 0 });
    expect(await store.recordVote({ faqId: "ads", vote: "down", voterKey: "k1" })).toBe("changed");
    expect(await store.tally("ads")).toEqual({ up: 0, down: 1 });
    expect(await store.recordVote({ faqId: "ads", vote: "down", voterKey: "k1" })).toBe(
      "unchanged",
    );
    expect(await store.tally("ads")).toEqual({ up: 0, down: 1 });
    expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k2" })).toBe("recorded");
    expect(await store.tally("ads")).toEqual({ up: 1, down: 1 });
    expect(await store.tally("unknown")).toEqual({ up: 0, down: 0 });
  });

  it("keeps a bounded number of voter keys; counts stay", async () => {
    const store = new MemoryFeedbackStore({ maxVoters: 2 });
    for (const key of ["a", "b", "c"])
      await store.recordVote({ faqId: "ads", vote: "up", voterKey: key });
    expect(await store.tally("ads")).toEqual({ up: 3, down: 0 });
    // "a" was forgotten: its next press counts as a new vote.
    expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "a" })).toBe("recorded");
  });
});

describe("MemoryUpdateWindow", () => {
  it("claims each update id once", () => {
    const window = new MemoryUpdateWindow();
    expect(window.claim(1)).toBe(true);
    expect(window.claim(1)).toBe(false);
    expect(window.claim(2)).toBe(true);
  });

  it("is bounded: the oldest ids are forgotten", () => {
    const window = new MemoryUpdateWindow({ size: 2 });
    window.claim(1);
    window.claim(2);
    window.claim(3);
    expect(window.claim(3)).toBe(false);
    expect(window.claim(1)).toBe(true);
  });
});

describe("MemoryQuestionStats", () => {
  it("orders entries by how often they were answered", async () => {
    const stats = new MemoryQuestionStats();
    for (const id of ["a", "b", "b", "c", "c", "c"]) await stats.recordAnswered(id);
    expect(await stats.mostAsked(2)).toEqual(["c", "b"]);
  });

  it("keeps unanswered questions (normalised text only) for the retention period", async () => {
    let now = new Date("2026-01-01T00:00:00Z");
    const stats = new MemoryQuestionStats({ retentionDays: 30, now: () => now });
    await stats.recordUnanswered("weather in paris");
    await stats.recordUnanswered("");
    expect((await stats.unanswered()).map((q) => q.normalized)).toEqual(["weather in paris"]);
    now = new Date("2026-02-01T00:00:00Z");
    expect(await stats.unanswered()).toEqual([]);
  });
});
