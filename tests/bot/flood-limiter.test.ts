import { describe, expect, it } from "vitest";
import { ChatFloodLimitError, chatFloodLimiter } from "../../src/bot/flood-limiter.js";

/** A fake clock whose sleep advances time, and a transformer call counter. */
function setup(options: { maxMessages?: number; windowMs?: number; maxWaitMs?: number } = {}) {
  let now = 0;
  const waits: number[] = [];
  const sent: { method: string; chatId: unknown; at: number }[] = [];
  const limiter = chatFloodLimiter({
    maxMessages: 3,
    windowMs: 60_000,
    maxWaitMs: 120_000,
    ...options,
    now: () => now,
    sleep: async (ms) => {
      waits.push(ms);
      now += ms;
    },
  });
  const prev = (async (method: string, payload: { chat_id?: unknown }) => {
    sent.push({ method, chatId: payload.chat_id, at: now });
    return { ok: true, result: true };
  }) as never;
  const call = (method: string, chatId: number) =>
    limiter(prev, method as never, { chat_id: chatId, text: "x" } as never);
  return { call, waits, sent, advance: (ms: number) => (now += ms) };
}

describe("chatFloodLimiter (per-group outgoing limit)", () => {
  it("lets a group's messages through until the window's budget is used, then spaces them", async () => {
    const { call, sent, waits } = setup();
    for (let i = 0; i < 4; i += 1) await call("sendMessage", -100);
    expect(sent.map((s) => s.at)).toEqual([0, 0, 0, 60_000]);
    expect(waits).toEqual([60_000]);
  });

  it("keeps separate budgets per group", async () => {
    const { call, sent } = setup();
    for (let i = 0; i < 3; i += 1) await call("sendMessage", -100);
    await call("sendMessage", -200);
    expect(sent.at(-1)).toEqual({ method: "sendMessage", chatId: -200, at: 0 });
  });

  it("frees the budget as the window slides", async () => {
    const { call, sent, advance } = setup();
    for (let i = 0; i < 3; i += 1) await call("sendMessage", -100);
    advance(60_001);
    await call("sendMessage", -100);
    expect(sent.at(-1)!.at).toBe(60_001);
  });

  it("drops a message with ChatFloodLimitError when the wait would be too long", async () => {
    const { call, sent } = setup({ maxWaitMs: 1_000 });
    for (let i = 0; i < 3; i += 1) await call("sendMessage", -100);
    await expect(call("sendMessage", -100)).rejects.toBeInstanceOf(ChatFloodLimitError);
    expect(sent).toHaveLength(3);
  });

  it("does not limit private chats or calls that are not new messages", async () => {
    const { call, sent, waits } = setup({ maxMessages: 1 });
    for (let i = 0; i < 5; i += 1) await call("sendMessage", 1111);
    for (let i = 0; i < 5; i += 1) await call("answerCallbackQuery", -100);
    expect(sent).toHaveLength(10);
    expect(waits).toEqual([]);
  });

  it("uses Telegram's documented default of 20 messages a minute per group", async () => {
    let now = 0;
    const limiter = chatFloodLimiter({
      now: () => now,
      sleep: async (ms) => void (now += ms),
      maxWaitMs: 120_000,
    });
    const times: number[] = [];
    const prev = (async () => {
      times.push(now);
      return { ok: true, result: true };
    }) as never;
    for (let i = 0; i < 21; i += 1)
      await limiter(prev, "sendMessage" as never, { chat_id: -5, text: "x" } as never);
    expect(times.filter((t) => t === 0)).toHaveLength(20);
    expect(times[20]).toBe(60_000);
  });
});
