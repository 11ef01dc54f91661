import { describe, expect, it } from "vitest";
import { PageRepeats } from "../../../src/http/web/page-repeats.js";

describe("PageRepeats", () => {
  it("takes the page load after a fragment as a repeat, once, for that client and question", () => {
    const repeats = new PageRepeats();
    repeats.remember("198.51.100.1", "¿WhatsApp puede leer mis mensajes?");
    const load = {};
    expect(repeats.isRepeat(load, "198.51.100.1", " ¿WhatsApp puede leer mis mensajes? ")).toBe(
      true,
    );
    // The rate-limit hook and the route ask about the same request: the same verdict.
    expect(repeats.isRepeat(load, "198.51.100.1", "¿WhatsApp puede leer mis mensajes?")).toBe(true);
    // A second load (or a reload) is a question again.
    expect(repeats.isRepeat({}, "198.51.100.1", "¿WhatsApp puede leer mis mensajes?")).toBe(false);
  });

  it("is no repeat from another client, for another question, or once the time is up", async () => {
    const repeats = new PageRepeats({ ttlMs: 1 });
    repeats.remember("198.51.100.1", "backup");
    expect(repeats.isRepeat({}, "198.51.100.2", "backup")).toBe(false);
    expect(repeats.isRepeat({}, "198.51.100.1", "ads")).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect(repeats.isRepeat({}, "198.51.100.1", "backup")).toBe(false);
  });
});
