import { describe, expect, it } from "vitest";
import type { Edition, FaqEntry } from "../../src/faq/types.js";
import { OtherServices } from "../../src/search/other-services.js";
import { analysisFor } from "../../src/text/analysis.js";

const entry = (id: string, answer: string): FaqEntry => ({
  id,
  question: `What about ${id}?`,
  short: id,
  alternates: [],
  category: "security",
  tags: [],
  related: [],
  sources: ["https://faq.whatsapp.com/1"],
  reviewed: "2026-12-06",
  answer,
});

const topic = { id: "other-apps", reason: "not-privacy" as const, phrasings: ["a", "b", "c"] };

function edition(overrides: Partial<Edition> = {}): Edition {
  return {
    language: "en",
    entries: [
      entry("hacked-account", "Get your account back with your phone number."),
      entry("signal-telegram", "Signal encrypts by default; Telegram's ordinary chats are not."),
    ],
    categories: [],
    thesaurus: [],
    outOfScope: [topic],
    services: {
      whatsapp: ["whatsapp", "wa", "wp"],
      others: [
        "snapchat",
        "telegram",
        "Gmail",
        ["instagram", "insta", "my ig"],
        ["bank account", "bank card"],
      ],
      accounts: [["facebook account", "my fb"]],
      whatsappThings: { en: ["chat", "number"] },
    },
    version: "test",
    ...overrides,
  };
}

const { words } = analysisFor("en");
const services = OtherServices.of(edition(), words)!;

describe("OtherServices", () => {
  it("finds the other services a question names, when it does not name WhatsApp", () => {
    expect(services.namedIn(words("snapchat account hacked how to recover"))).toEqual(["snapchat"]);
    expect(services.namedIn(words("my GMAIL got hacked"))).toEqual(["gmail"]);
    expect(services.namedIn(words("my account got hacked"))).toBeUndefined();
  });

  it("reads a service's other names as that service", () => {
    expect(services.namedIn(words("insta account hacked"))).toEqual(["instagram"]);
    const ads = { ...entry("ads", "Meta may show you ads."), alternates: ["ads on instagram"] };
    expect(services.entryNames(ads, services.namedIn(words("ads on insta"))!)).toBe(true);
  });

  it("reads a name of several words only as those words in a row", () => {
    expect(services.namedIn(words("my ig got suspended"))).toEqual(["instagram"]);
    expect(services.namedIn(words("my bank account is blocked"))).toEqual(["bank account"]);
    expect(services.namedIn(words("bank card blocked"))).toEqual(["bank account"]);
    // "ig" alone is also "I guess", and a bank is the setting of many WhatsApp scams.
    expect(services.namedIn(words("ig my account got hacked"))).toBeUndefined();
    expect(services.namedIn(words("my bank asked for the code"))).toBeUndefined();
    expect(services.namedIn(words("my bank account and whatsapp hacked"))).toBeUndefined();
    const fees = { ...entry("fees", "Ask your bank."), tags: ["bank card"] };
    expect(services.entryNames(fees, ["bank account"])).toBe(true);
    expect(services.entryNames(fees, ["instagram"])).toBe(false);
  });

  it("treats a question that also names WhatsApp, in any form, as about WhatsApp", () => {
    expect(services.namedIn(words("snapchat and whatsapp both hacked"))).toBeUndefined();
    expect(services.namedIn(words("gmail hacked can they get into my wa"))).toBeUndefined();
    // Suffixes and compounds of WhatsApp's longer names count ("whatsappta", "whatsappgruppe").
    expect(services.namedIn(words("telegram mi whatsappta mi"))).toBeUndefined();
    // Short names only as whole words: "wpa" is not "wp".
    expect(services.namedIn(words("telegram wpa key"))).toEqual(["telegram"]);
  });

  it("knows which entries are about a service: those whose question, alternates or tags name it", () => {
    const [hacked] = edition().entries;
    const signalTelegram = {
      ...entry("signal-telegram", "Telegram's chats are not."),
      tags: ["Telegram"],
    };
    expect(services.entryNames(signalTelegram, ["telegram"])).toBe(true);
    // An answer names much in passing: the scams entry names the bank cards scammers ask for.
    const scams = entry("scams", "Never give your Gmail password to a stranger.");
    expect(services.entryNames(scams, ["gmail"])).toBe(false);
    expect(services.entryNames(hacked!, ["snapchat"])).toBe(false);
    expect(services.entryNames(entry("no-such-entry", "Nothing named."), ["telegram"])).toBe(false);
  });

  it("is off without other services or without the topic to decline them as", () => {
    expect(OtherServices.of(edition({ outOfScope: [] }), words)).toBeUndefined();
    expect(
      OtherServices.of(
        edition({
          services: { whatsapp: ["whatsapp"], others: [], accounts: [], whatsappThings: {} },
        }),
        words,
      ),
    ).toBeUndefined();
  });

  it("tells accounts elsewhere apart from other services", () => {
    // An account elsewhere is not another service by itself: the caller also looks for
    // WhatsApp's things ("my fb was hacked, can they read my chats").
    expect(services.namedIn(words("my facebook account got disabled"))).toBeUndefined();
    expect(services.accountsNamedIn(words("my facebook account got disabled"))).toEqual([
      "facebook account",
    ]);
    expect(services.accountsNamedIn(words("my fb was hacked"))).toEqual(["facebook account"]);
    expect(services.accountsNamedIn(words("my fb and my whatsapp were hacked"))).toBeUndefined();
    expect(services.accountsNamedIn(words("snapchat account hacked"))).toBeUndefined();
    const center = { ...entry("accounts-center", "Link them."), alternates: ["add my fb"] };
    expect(services.entryNames(center, ["facebook account"])).toBe(true);
  });
});
