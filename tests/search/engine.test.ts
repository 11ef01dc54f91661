import { beforeAll, describe, expect, it } from "vitest";
import type { AnswerEngine } from "../../src/search/engine.js";
import { realEngine } from "../support/knowledge-base.js";

let engine: AnswerEngine;
beforeAll(async () => {
  engine = await realEngine();
});

const best = (question: string) => engine.ask(question).answer?.entry.id ?? null;

describe("AnswerEngine ranking on the real knowledge base", () => {
  it.each([
    // Slang and abbreviations reach the canonical words through the thesaurus (fb -> facebook, msgs -> message).
    ["can fb read my msgs??", "e2e-messages"],
    // "calls" outweighs "encrypted": both entries mention encryption, only one is about calls.
    ["are whatsapp video calls encrypted", "e2e-calls"],
    // A misspelt keyword is corrected ("loction" -> "location"), then "live" picks the live entry.
    ["how do i stop sharing my live loction", "live-location"],
    // "iCloud" is a synonym of backup; backups are the entry about cloud copies.
    ["is my icloud backup encrypted", "backups"],
    // The 2021 deadline words ("deadline", "accept") beat the general policy entry.
    ["what happens if i dont accept the new terms by the deadline", "accept-deadline"],
    // "2fa" is folded into two-step verification.
    ["how do i turn on 2fa", "two-step-verification"],
    // GDPR / EU wording selects the European entry, not the general data-sharing one.
    ["does the gdpr protect me in the eu", "europe"],
    // Asking about this bot itself.
    ["is this bot official", "about-this-bot"],
  ])("%s -> %s", (question, id) => {
    expect(best(question)).toBe(id);
  });

  it("declines a question about another service unless the answer names that service", () => {
    const declined = engine.ask("snapchat account hacked how to recover");
    expect(declined.answer).toBeNull();
    expect(declined.declined?.id).toBe("other-apps");
    // Named with WhatsApp, the same words are a WhatsApp question.
    expect(best("snapchat and whatsapp account hacked how to recover")).toBe("hacked-account");
    // The entry itself is about Telegram: it still answers.
    expect(best("is telegram safer")).toBe("signal-telegram");
    // Inline results leave out entries that do not name the service.
    expect(engine.search("snapchat account hacked how to recover")).toEqual([]);
  });

  it("reads an account elsewhere as another service's only when no WhatsApp thing is named", () => {
    for (const question of [
      "my facebook account got disabled how do i appeal",
      "gmail account hacked what do i do",
    ]) {
      const declined = engine.ask(question);
      expect(declined.answer).toBeNull();
      expect(declined.declined?.reason).toBe("not-privacy");
    }
    // Chats, a number, a recovery e-mail: the same accounts in a WhatsApp question.
    expect(best("my facebook account was hacked, can they read my chats")).not.toBeNull();
    expect(best("does it share my number with my facebook account")).toBe("data-shared-with-meta");
    expect(best("can i use my gmail account as recovery email")).toBe("two-step-verification");
    // Read word by word: a phrase ("someone read my chats") does not hide its "chats".
    expect(best("did someone read my chats from my facebook account")).not.toBeNull();
    // An entry about Facebook accounts (its tags name one) still answers.
    expect(best("do i need a facebook account to use it")).not.toBeNull();
  });

  it("ranks the specific entry above the general one and offers the general one as related", () => {
    const result = engine.ask("who can see my live location");
    expect(result.answer?.entry.id).toMatch(/live-location|location-sharing/);
    expect(result.related.map((m) => m.entry.id)).toContain(
      result.answer?.entry.id === "live-location" ? "location-sharing" : "live-location",
    );
  });
});

describe("honest no-answer", () => {
  it.each([
    "how do I bake bread",
    "what's the weather in Paris tomorrow",
    "tell me a joke",
    "asdfgh qwerty zxcv",
    "how do i change my whatsapp wallpaper",
    "how to send stickers on whatsapp",
    "",
    "   ",
    "😀😀😀",
    "whatsapp",
  ])("%j gets no answer", (question) => {
    expect(engine.ask(question).answer).toBeNull();
  });

  it("declines a question that is word for word a declined topic's phrasing, even where an entry holds the same words", () => {
    // linked-devices has a phrasing with every one of these words, and the higher BM25 score.
    const reply = engine.ask("how to use two whatsapp accounts on one phone");
    expect(reply.answer).toBeNull();
    expect(reply.declined?.id).toBe("account-setup");
  });
});

describe("confidence and related", () => {
  it("keeps confidence in [0, 1], answer above the threshold", () => {
    for (const question of [
      "can meta see my chats",
      "location",
      "backup",
      "bread",
      "a b c d e f g",
    ]) {
      const { answer, related } = engine.ask(question);
      for (const match of [answer, ...related]) {
        if (match === null) continue;
        expect(match.confidence).toBeGreaterThanOrEqual(0);
        expect(match.confidence).toBeLessThanOrEqual(1);
      }
      if (answer) expect(answer.confidence).toBeGreaterThanOrEqual(0.5);
    }
  });

  it("is comparable across query lengths: a full match of a long question is confident too", () => {
    const long = engine.ask(
      "everyone says facebook reads all of our whatsapp messages, so can facebook really read my messages?",
    );
    expect(long.answer?.entry.id).toBe("e2e-messages");
    expect(long.answer!.confidence).toBeGreaterThanOrEqual(0.5);
  });

  it("counts words the FAQ never uses against a match, yet still points at the close entry", () => {
    // "aunt" is in no entry and no list of common words: the question may be about something
    // else, so the engine says it has no confident answer rather than guess, and suggests the
    // close entry among its "did you mean" (beside "are groups private?", for "family").
    const rambling = engine.ask(
      "my aunt told everyone in the family that facebook reads all of our whatsapp messages, so can facebook really read my messages?",
    );
    expect(rambling.answer).toBeNull();
    expect(rambling.related.map((m) => m.entry.id)).toContain("e2e-messages");
  });

  it("weighs an unknown short common word as common, not as a sign of another subject", () => {
    // "bus" is one of the three-letter words of the common-word list; "zeppelin" is not common.
    const ordinary = engine.ask("phone got stolen on the bus what about my whatsapp");
    const unusual = engine.ask("phone got stolen on the zeppelin what about my whatsapp");
    expect(ordinary.answer?.entry.id).toBe("lost-phone");
    expect(ordinary.answer!.confidence).toBeGreaterThan(unusual.answer?.confidence ?? 0);
  });

  it("reads texting shorthand as filler and 'is it fine' as asking whether it is safe", () => {
    expect(best("tl;dr of the whatsapp terms update pls")).toBe("policy-update-2021");
    const fine = engine.explain("whatsapp plus, is it fine to use").terms;
    expect(fine).not.toContain("fine");
  });

  it("returns at most three related entries, never the answer itself", () => {
    for (const question of ["can fb read my msgs", "delete my account", "business chat privacy"]) {
      const { answer, related } = engine.ask(question);
      expect(related.length).toBeLessThanOrEqual(3);
      expect(related.map((m) => m.entry.id)).not.toContain(answer?.entry.id);
      expect(new Set(related.map((m) => m.entry.id)).size).toBe(related.length);
    }
  });

  it("fills related from the entry's own related ids when nothing else matches", () => {
    const { answer, related } = engine.ask("two step verification pin");
    expect(answer).not.toBeNull();
    expect(related.length).toBeGreaterThan(0);
  });

  it("puts a close runner-up first in related when the answer is ambiguous", () => {
    const result = engine.ask("location");
    if (result.ambiguous) {
      expect(result.related[0]!.confidence).toBeGreaterThanOrEqual(result.answer!.confidence - 0.1);
    }
    // Whatever the verdict, related is ordered best-first among the runners-up that matched.
    const matched = result.related.filter((m) => m.score > 0).map((m) => m.confidence);
    expect(matched).toEqual([...matched].sort((a, b) => b - a));
  });

  it("offers 'did you mean' suggestions when it has no confident answer but something is close", () => {
    const result = engine.ask("encryption stuff");
    if (result.answer === null) expect(result.related.length).toBeGreaterThan(0);
  });

  it("caches a question once it comes back, whatever its spelling, with the same answer", async () => {
    const cached = await realEngine({ cacheSize: 100 });
    const first = cached.ask("Can FB read my msgs?"); // asked once: only noted
    const second = cached.ask("can fb read my msgs"); // back again: answered and cached
    expect(second).not.toBe(first);
    expect(second).toEqual(first);
    expect(cached.ask("CAN FB READ MY MSGS")).toBe(second); // same normalised question
    expect(cached.ask("can fb read my msgs")).toBe(second); // and as normalised
    expect(first.answer?.entry.id).toBe(engine.ask("can fb read my msgs").answer?.entry.id);
  });

  it("ranks a question once per reading: rewordings share the ranking a fresh ranking would give", async () => {
    const shared = await realEngine({ rankingCacheSize: 100 });
    const fresh = await realEngine({ rankingCacheSize: 0 });
    const phrasings = ["is whatsapp encrypted", "encrypted whatsapp?", "WhatsApp: is it encrypted"];
    const answers = phrasings.map((question) => shared.ask(question));
    // Stop words and word order aside, the three read as the same terms.
    expect(new Set(answers.map((answer) => answer.key)).size).toBe(1);
    expect(answers.map((answer) => answer.normalized)).toEqual([
      "is whatsapp encrypted",
      "encrypted whatsapp",
      "whatsapp is it encrypted",
    ]);
    // The second and third phrasings are served the first one's ranking as is.
    for (const later of answers.slice(1)) {
      expect(later.related).toBe(answers[0]!.related);
      expect(later.answer).toBe(answers[0]!.answer);
    }
    // And it is the ranking the engine gives without the cache, term for term.
    for (const [i, question] of phrasings.entries()) {
      const { normalized, ...ranking } = answers[i]!;
      const { normalized: freshNormalized, ...freshRanking } = fresh.ask(question);
      expect(normalized).toBe(freshNormalized);
      expect(ranking).toEqual(freshRanking);
    }
  });

  it("reads unknown words alike, so off-topic questions share a ranking too", () => {
    const bread = engine.ask("how do I bake bread");
    const cake = engine.ask("how do I bake a cake");
    expect(bread.answer).toBeNull();
    expect(cake.key).toBe(bread.key);
    // A known word tells them apart.
    expect(engine.ask("how do I bake whatsapp").key).not.toBe(bread.key);
  });

  it("search() lists matches best first for inline mode", () => {
    const matches = engine.search("location", 10);
    expect(matches.length).toBeGreaterThan(1);
    expect(matches.length).toBeLessThanOrEqual(10);
    expect(matches.map((m) => m.entry.category)).toContain("location");
  });
});
