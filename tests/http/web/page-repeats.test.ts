import { describe, expect, it } from "vitest";
import { PageRepeats } from "../../../src/http/web/page-repeats.js";

const CLIENT = "198.51.100.1";
const fragmentAsk = (ip = CLIENT) => ({ ip, query: { fragment: "1" } });
const pageLoad = (ip = CLIENT) => ({ ip, query: {} });

describe("PageRepeats", () => {
  it("takes the page load after a fragment as a repeat, once, for that client and question", () => {
    const repeats = new PageRepeats();
    const ask = fragmentAsk();
    expect(repeats.isRepeat(ask, "¿WhatsApp puede leer mis mensajes?")).toBe(false);
    repeats.answered(ask, "¿WhatsApp puede leer mis mensajes?");
    const load = pageLoad();
    expect(repeats.isRepeat(load, " ¿WhatsApp puede leer mis mensajes? ")).toBe(true);
    // The rate-limit hook and the route ask about the same request: the same verdict.
    expect(repeats.isRepeat(load, "¿WhatsApp puede leer mis mensajes?")).toBe(true);
    // A second load (or a reload) is a question again.
    expect(repeats.isRepeat(pageLoad(), "¿WhatsApp puede leer mis mensajes?")).toBe(false);
  });

  it("never takes a fragment ask as a repeat, nor remembers a page load", () => {
    const repeats = new PageRepeats();
    repeats.answered(fragmentAsk(), "backup");
    expect(repeats.isRepeat(fragmentAsk(), "backup")).toBe(false);
    repeats.answered(pageLoad(), "ads");
    expect(repeats.isRepeat(pageLoad(), "ads")).toBe(false);
  });

  it("is no repeat from another client, for another question, or once the time is up", async () => {
    const repeats = new PageRepeats({ ttlMs: 1 });
    repeats.answered(fragmentAsk(), "backup");
    expect(repeats.isRepeat(pageLoad("198.51.100.2"), "backup")).toBe(false);
    expect(repeats.isRepeat(pageLoad(), "ads")).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 25));
    expect(repeats.isRepeat(pageLoad(), "backup")).toBe(false);
  });
});
