import { describe, expect, it } from "vitest";
import { analysisFor } from "../../src/text/analysis.js";

describe("German analysis", () => {
  const de = analysisFor("de");

  it("reads umlauts typed as ae, oe, ue as the umlauts", () => {
    expect(de.stem("verschluesselt")).toBe(de.stem("verschlüsselt"));
    expect(de.stem("geloescht")).toBe(de.stem("gelöscht"));
    expect(de.stem("geraete")).toBe(de.stem("geräte"));
    // Dropped umlauts ("fur") still read as before: the stem loses its diacritics.
    expect(de.stem("loschen")).toBe(de.stem("löschen"));
  });

  it("knows stop words typed without umlauts", () => {
    for (const word of ["fuer", "ueber", "koennen", "für", "über", "können"])
      expect(de.isStopWord(word), word).toBe(true);
  });

  it("leaves ue after q or a vowel alone", () => {
    expect(de.stem("quelle")).toBe("quell");
    // "neuen" is not "neün" (it would stem to "neun", nine).
    expect(de.stem("neuen")).toBe(de.stem("neue"));
    expect(de.stem("bauen")).toBe("bau");
  });
});
