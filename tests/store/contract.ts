/**
 * The behaviour every InsightsStore must show, run against each implementation (memory,
 * SQLite, Redis). Times are near "now" because Redis expires keys on its own clock.
 */
import { describe, expect, it } from "vitest";
import { DAY_MS, dayLabel, dayOf, HOUR_MS } from "../../src/store/buckets.js";
import {
  INSIGHT_CHANNELS,
  StoreQueryError,
  type InsightsStore,
  type InsightsStoreOptions,
} from "../../src/store/insights.js";

/** Opens a fresh, empty store with these options. */
export type StoreFactory = (options: InsightsStoreOptions) => Promise<InsightsStore>;

export interface ContractOptions {
  /**
   * The store honours the `now` option for key lifetimes (memory, SQLite). Redis expires vote
   * guards and claims on its own clock, so its TTL test waits out a one-second TTL instead.
   */
  readonly controllableClock: boolean;
}

const ago = (ms: number) => new Date(Date.now() - ms);

export function defineInsightsStoreContract(
  open: StoreFactory,
  { controllableClock }: ContractOptions,
): void {
  describe("answers", () => {
    it("counts answers per channel and day, ranks the most given, lists every channel", async () => {
      const store = await open({});
      for (const [faqId, channel] of [
        ["ads", "http"],
        ["ads", "inline"],
        ["ads", "telegram-private"],
        ["backup", "telegram-group"],
        ["backup", "http"],
        ["calls", "http"],
      ] as const)
        await store.recordAnswered({ faqId, channel });
      await store.recordAnswered({ faqId: "calls", channel: "http", at: ago(2 * DAY_MS) });

      const stats = await store.stats({ days: 7 });
      expect(stats.totals).toEqual({ answered: 7, unanswered: 0 });
      expect(stats.byChannel).toEqual({
        "telegram-private": { answered: 1, unanswered: 0 },
        "telegram-group": { answered: 1, unanswered: 0 },
        inline: { answered: 1, unanswered: 0 },
        http: { answered: 4, unanswered: 0 },
      });
      expect(Object.keys(stats.byChannel)).toEqual(INSIGHT_CHANNELS);
      expect(stats.byDay).toHaveLength(7);
      expect(stats.window).toEqual({
        days: 7,
        from: dayLabel(dayOf(Date.now()) - 6),
        to: dayLabel(dayOf(Date.now())),
      });
      const byDay = new Map(stats.byDay.map((day) => [day.day, day.answered]));
      expect(byDay.get(dayLabel(dayOf(Date.now())))).toBe(6);
      expect(byDay.get(dayLabel(dayOf(ago(2 * DAY_MS))))).toBe(1);
      expect(stats.topFaqIds).toEqual([
        { faqId: "ads", count: 3 },
        { faqId: "backup", count: 2 },
        { faqId: "calls", count: 2 },
      ]);
      expect(await store.mostAsked(2)).toEqual(["ads", "backup"]);
      expect(await store.mostAsked(10)).toEqual(["ads", "backup", "calls"]);

      const today = await store.stats({ days: 1, top: 1 });
      expect(today.totals.answered).toBe(6);
      expect(today.topFaqIds).toEqual([{ faqId: "ads", count: 3 }]);
      await store.close();
    });

    it("starts empty, with a zero for every channel and day", async () => {
      const store = await open({});
      const stats = await store.stats({ days: 3 });
      expect(stats.totals).toEqual({ answered: 0, unanswered: 0 });
      expect(stats.byDay.map((day) => day.answered + day.unanswered)).toEqual([0, 0, 0]);
      expect(stats.topFaqIds).toEqual([]);
      expect(stats.feedback).toEqual([]);
      expect(await store.mostAsked(5)).toEqual([]);
      expect(await store.unanswered(5)).toEqual([]);
      expect(await store.feedback()).toEqual([]);
      await store.close();
    });
  });

  describe("unanswered questions", () => {
    it("tallies each normalised question: count, first and last seen, latest candidate", async () => {
      const store = await open({});
      const first = ago(3 * DAY_MS);
      const second = ago(HOUR_MS);
      const third = ago(1_000);
      await store.recordUnanswered({
        normalized: "delete account sister",
        channel: "telegram-private",
        bestCandidate: "delete-account",
        confidence: 0.41,
        at: first,
      });
      await store.recordUnanswered({
        normalized: "delete account sister",
        channel: "http",
        bestCandidate: "account-deletion",
        confidence: 0.44,
        at: third,
      });
      // Arrives late with an older time: counted, but not the "latest" candidate.
      await store.recordUnanswered({
        normalized: "delete account sister",
        channel: "inline",
        bestCandidate: "stale",
        confidence: 0.1,
        at: second,
      });
      await store.recordUnanswered({
        normalized: "martian privacy",
        channel: "http",
        bestCandidate: null,
        confidence: 0,
        at: second,
      });

      expect(await store.unanswered(10)).toEqual([
        {
          question: "delete account sister",
          count: 3,
          firstSeen: first.toISOString(),
          lastSeen: third.toISOString(),
          bestCandidate: "account-deletion",
          confidence: 0.44,
        },
        {
          question: "martian privacy",
          count: 1,
          firstSeen: second.toISOString(),
          lastSeen: second.toISOString(),
          bestCandidate: null,
          confidence: 0,
        },
      ]);
      expect((await store.unanswered(1)).map((item) => item.question)).toEqual([
        "delete account sister",
      ]);
      const stats = await store.stats({ days: 7 });
      expect(stats.totals.unanswered).toBe(4);
      expect(stats.byChannel.http.unanswered).toBe(2);
      expect(stats.byChannel.inline.unanswered).toBe(1);
      expect(stats.byChannel["telegram-private"].unanswered).toBe(1);
      await store.close();
    });

    it("orders by frequency, then by the most recent", async () => {
      const store = await open({});
      const record = (normalized: string, at: Date) =>
        store.recordUnanswered({
          normalized,
          channel: "http",
          bestCandidate: null,
          confidence: 0,
          at,
        });
      await record("older single", ago(5 * HOUR_MS));
      await record("newer single", ago(HOUR_MS));
      for (let i = 0; i < 3; i++) await record("frequent", ago(2 * HOUR_MS));
      expect((await store.unanswered(10)).map((item) => item.question)).toEqual([
        "frequent",
        "newer single",
        "older single",
      ]);
      await store.close();
    });

    it("replaces long numbers (phone numbers, ids) and keeps short ones such as years", async () => {
      const store = await open({});
      for (const normalized of [
        "my number 49 170 1234567 was hacked",
        "order 123456 status",
        "whatsapp policy 2021 and 2 step",
      ])
        await store.recordUnanswered({
          normalized,
          channel: "http",
          bestCandidate: null,
          confidence: 0,
        });
      expect((await store.unanswered(10)).map((item) => item.question).sort()).toEqual([
        "my number # was hacked",
        "order # status",
        "whatsapp policy 2021 and 2 step",
      ]);
      await store.close();
    });

    it("keeps the log within its cap, the rarest rows going first", async () => {
      const store = await open({ maxUnansweredRows: 20 });
      const ask = (normalized: string, at?: Date) =>
        store.recordUnanswered({
          normalized,
          channel: "http",
          bestCandidate: null,
          confidence: 0,
          at,
        });
      const recorded: Promise<void>[] = [];
      // Asked on three days, and again today: four rows, each with a count above one's.
      for (const daysAgo of [0, 1, 2, 3])
        for (let i = 0; i < 2; i++)
          recorded.push(ask("does meta read my notes", ago(daysAgo * DAY_MS)));
      for (let i = 0; i < 200; i++) recorded.push(ask(`one off question number ${i} zq`));
      await Promise.all(recorded);
      const items = await store.unanswered(1_000);
      expect(items.length).toBeLessThanOrEqual(20);
      expect(items[0]).toMatchObject({ question: "does meta read my notes", count: 8 });
      expect((await store.stats({ days: 7 })).totals.unanswered).toBe(208);
      await store.close();
    });

    it("never keeps an e-mail address, link, @handle or long number, whatever the caller passes", async () => {
      const store = await open({});
      await store.recordUnanswered({
        normalized:
          "Mail jane.roe@example.org or @jane_roe, see https://t.me/janeroe wa.me/4917012345 ok?",
        channel: "http",
        bestCandidate: null,
        confidence: 0,
      });
      expect((await store.unanswered(5)).map((item) => item.question)).toEqual(["mail or see ok"]);
      await store.close();
    });

    it("counts a blank question on its channel without listing it, and bounds long ones", async () => {
      const store = await open({});
      await store.recordUnanswered({
        normalized: "  ",
        channel: "inline",
        bestCandidate: null,
        confidence: 0,
      });
      await store.recordUnanswered({
        normalized: "x".repeat(2_000),
        channel: "http",
        bestCandidate: null,
        confidence: 0,
      });
      const items = await store.unanswered(10);
      expect(items).toHaveLength(1);
      expect(items[0]!.question).toHaveLength(500);
      expect((await store.stats({ days: 1 })).byChannel.inline.unanswered).toBe(1);
      await store.close();
    });
  });

  describe("feedback", () => {
    it("keeps one vote per voter key: the same vote again is unchanged, the other one changes it", async () => {
      const store = await open({});
      expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k1" })).toBe("recorded");
      expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k1" })).toBe(
        "unchanged",
      );
      expect(await store.recordVote({ faqId: "ads", vote: "down", voterKey: "k1" })).toBe(
        "changed",
      );
      expect(await store.recordVote({ faqId: "ads", vote: "down", voterKey: "k1" })).toBe(
        "unchanged",
      );
      expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k2" })).toBe("recorded");
      expect(await store.recordVote({ faqId: "backup", vote: "down", voterKey: "k3" })).toBe(
        "recorded",
      );
      expect(await store.recordVote({ faqId: "backup", vote: "down", voterKey: "k4" })).toBe(
        "recorded",
      );
      expect(await store.recordVote({ faqId: "backup", vote: "up", voterKey: "k5" })).toBe(
        "recorded",
      );
      expect(await store.feedback()).toEqual([
        { faqId: "backup", up: 1, down: 2 },
        { faqId: "ads", up: 1, down: 1 },
      ]);
      expect((await store.stats({ days: 1 })).feedback).toEqual(await store.feedback());
      await store.close();
    });

    it("counts concurrent presses of the same button once", async () => {
      const store = await open({});
      const outcomes = await Promise.all(
        Array.from({ length: 8 }, () =>
          store.recordVote({ faqId: "ads", vote: "up", voterKey: "same-person" }),
        ),
      );
      expect(outcomes.filter((outcome) => outcome === "recorded")).toHaveLength(1);
      expect(await store.feedback()).toEqual([{ faqId: "ads", up: 1, down: 0 }]);
      await store.close();
    });

    it("moves a changed vote within the hour it was first cast", async () => {
      const store = await open({});
      const yesterday = ago(DAY_MS + HOUR_MS);
      await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k", at: yesterday });
      await store.recordVote({ faqId: "ads", vote: "down", voterKey: "k" });
      expect((await store.stats({ days: 1 })).feedback).toEqual([]);
      expect((await store.stats({ days: 3 })).feedback).toEqual([{ faqId: "ads", up: 0, down: 1 }]);
      await store.close();
    });
  });

  describe("language choices", () => {
    it("keeps a chosen language under its key, replaces it, and forgets it on null", async () => {
      const store = await open({});
      expect(await store.chosenLanguage("hmac-a")).toBeNull();
      await store.chooseLanguage("hmac-a", "pt");
      await store.chooseLanguage("hmac-b", "hi");
      expect(await store.chosenLanguage("hmac-a")).toBe("pt");
      await store.chooseLanguage("hmac-a", "de");
      expect(await store.chosenLanguage("hmac-a")).toBe("de");
      await store.chooseLanguage("hmac-a", null);
      expect(await store.chosenLanguage("hmac-a")).toBeNull();
      expect(await store.chosenLanguage("hmac-b")).toBe("hi");
      await store.close();
    });
  });

  describe("duplicate updates", () => {
    it("lets exactly one caller claim an update id", async () => {
      const store = await open({});
      expect(await store.claimUpdate(1001)).toBe(true);
      expect(await store.claimUpdate(1001)).toBe(false);
      expect(await store.claimUpdate(1002)).toBe(true);
      const racing = await Promise.all(Array.from({ length: 10 }, () => store.claimUpdate(2001)));
      expect(racing.filter(Boolean)).toHaveLength(1);
      await store.close();
    });
  });

  describe("retention", () => {
    it("never returns records older than the retention period, and prune deletes them", async () => {
      const store = await open({ retentionDays: 30 });
      const old = ago(40 * DAY_MS);
      await store.recordAnswered({ faqId: "old", channel: "http", at: old });
      await store.recordUnanswered({
        normalized: "old question",
        channel: "http",
        bestCandidate: null,
        confidence: 0,
        at: old,
      });
      await store.recordVote({ faqId: "old", vote: "up", voterKey: "old-voter", at: old });
      await store.recordAnswered({ faqId: "recent", channel: "http", at: ago(2 * DAY_MS) });

      const read = async () => ({
        mostAsked: await store.mostAsked(10),
        unanswered: (await store.unanswered(10)).map((item) => item.question),
        feedback: await store.feedback(),
        answered: (await store.stats({ days: 60 })).totals.answered,
      });
      const expected = { mostAsked: ["recent"], unanswered: [], feedback: [], answered: 1 };
      expect(await read()).toEqual(expected);
      await store.prune();
      expect(await read()).toEqual(expected);
      await store.close();
    });

    if (controllableClock) {
      it("forgets vote guards and update claims after their TTL", async () => {
        let now = Date.now();
        const store = await open({
          voterKeyTtlSeconds: 60,
          updateClaimTtlSeconds: 60,
          now: () => new Date(now),
        });
        await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" });
        expect(await store.claimUpdate(7)).toBe(true);
        now += 61_000;
        expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe(
          "recorded",
        );
        expect(await store.claimUpdate(7)).toBe(true);
        expect((await store.prune(new Date(now + 61_000))).removed).toBeGreaterThan(0);
        await store.close();
      });
    } else {
      // The store expires keys on its own clock (Redis): a one-second TTL, really waited out.
      it("forgets vote guards and update claims after their TTL (real time)", async () => {
        const store = await open({ voterKeyTtlSeconds: 1, updateClaimTtlSeconds: 1 });
        expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe(
          "recorded",
        );
        expect(await store.claimUpdate(7)).toBe(true);
        expect(await store.claimUpdate(7)).toBe(false);
        await new Promise((resolve) => setTimeout(resolve, 1_300));
        expect(await store.recordVote({ faqId: "ads", vote: "up", voterKey: "k" })).toBe(
          "recorded",
        );
        expect(await store.claimUpdate(7)).toBe(true);
        await store.close();
      });
    }
  });

  describe("queries", () => {
    it("rejects out-of-range limits and windows", async () => {
      const store = await open({});
      await expect(store.unanswered(0)).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.mostAsked(1.5)).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.stats({ days: 0 })).rejects.toBeInstanceOf(StoreQueryError);
      await expect(store.stats({ days: 367 })).rejects.toBeInstanceOf(StoreQueryError);
      await store.close();
    });
  });
}
