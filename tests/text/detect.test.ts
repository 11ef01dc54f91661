import { describe, expect, it } from "vitest";
import {
  detectorScores,
  isOtherLanguage,
  scriptEvidence,
  textEvidence,
} from "../../src/text/detect.js";

const best = (scores: Partial<Record<string, number>>) =>
  Object.entries(scores).sort((a, b) => b[1]! - a[1]!)[0]?.[0];

describe("scriptEvidence", () => {
  it("settles Devanagari and romanised Hindi without the detector", () => {
    expect(scriptEvidence("क्या व्हाट्सएप मेरे मैसेज पढ़ सकता है")?.settled).toBe("hi");
    expect(scriptEvidence("kya whatsapp mere message padh sakta hai")?.settled).toBe("hi");
    expect(scriptEvidence("can whatsapp read my messages")?.settled).toBeUndefined();
  });

  it("counts letters, and has nothing to say of text without any", () => {
    expect(scriptEvidence("backup?")?.letters).toBe(6);
    expect(scriptEvidence("👀 ?!")).toBeUndefined();
  });
});

describe("detectorScores", () => {
  it("scores a sentence's language highest", () => {
    expect(best(detectorScores("puede meta leer mis mensajes de whatsapp"))).toBe("es");
    expect(best(detectorScores("kann meta meine nachrichten auf whatsapp lesen"))).toBe("de");
    expect(best(detectorScores("est-ce que meta peut lire mes messages whatsapp"))).toBe("fr");
  });

  it("gives a text the same scores whatever was asked before (words are remembered)", () => {
    const first = detectorScores("apakah whatsapp bisa membaca pesan saya");
    detectorScores("bisa whatsapp sadap pesan");
    expect(detectorScores("apakah whatsapp bisa membaca pesan saya")).toEqual(first);
    expect(detectorScores("APAKAH WhatsApp bisa membaca pesan saya?!")).toEqual(first);
  });

  it("has no scores for text without letters", () => {
    expect(detectorScores("123 ???")).toEqual({});
    expect(textEvidence("123 ???")).toBeUndefined();
  });
});

describe("isOtherLanguage", () => {
  it("recognises a question plainly in a language the service does not speak", () => {
    expect(isOtherLanguage("ciao, whatsapp legge i miei messaggi? non mi fido più")).toBe(true);
    expect(isOtherLanguage("can whatsapp read my messages or not")).toBe(false);
    expect(isOtherLanguage("ciao")).toBe(false); // too short to tell
  });
});
