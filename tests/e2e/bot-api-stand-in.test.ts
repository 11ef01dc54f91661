/**
 * The Bot API stand-in and its strict HTML checker are only worth something if they refuse
 * what Telegram refuses: these tests prove they do, through grammY over real HTTP.
 */
import { Api, GrammyError } from "grammy";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BotApiStandIn } from "../support/bot-api-stand-in.js";
import { checkTelegramHtml } from "../support/telegram-html.js";
import { TEST_BOT, TEST_TOKEN, textMessage } from "../support/telegram-updates.js";

let standIn: BotApiStandIn;
let api: Api;

beforeAll(async () => {
  standIn = await BotApiStandIn.start({ token: TEST_TOKEN, botInfo: TEST_BOT });
  api = new Api(TEST_TOKEN, { apiRoot: standIn.url });
});

afterAll(async () => {
  await standIn.close();
});

describe("strict Telegram HTML checker", () => {
  it.each([
    [
      '<b>bold</b> <i>it</i> <a href="https://x.org/?a=1&amp;b=2">link</a> &lt;3 &amp; &quot;q&quot; &#128512;',
    ],
    ['<pre><code class="language-ts">let a = 1 &lt; 2;</code></pre>'],
    ["<blockquote>quote <b>bold <i>both</i></b></blockquote>"],
    ['<span class="tg-spoiler">x</span> <tg-spoiler>y</tg-spoiler> <s>s</s> <u>u</u>'],
  ])("accepts what Telegram accepts: %s", (html) => {
    expect(checkTelegramHtml(html).errors).toEqual([]);
  });

  it.each([
    ["an unknown tag", "<p>para</p>"],
    ["an unclosed tag", "<b>bold"],
    ["misnested tags", "<b><i>x</b></i>"],
    ["a bare <", "1 < 2"],
    ["a bare >", "2 > 1"],
    ["a bare &", "Q&A"],
    ["an unsupported entity", "&nbsp;"],
    ["a link without href", "<a>x</a>"],
    ["a javascript link", '<a href="javascript:alert(1)">x</a>'],
    ["a tag inside code", "<code><b>x</b></code>"],
    ["a nested link", '<a href="https://a.b"><a href="https://c.d">x</a></a>'],
    ["an empty text", "<b></b>"],
  ])("refuses %s", (_what, html) => {
    expect(checkTelegramHtml(html).errors.length).toBeGreaterThan(0);
  });

  it("measures the visible text, as Telegram's 4096 limit does", () => {
    expect(checkTelegramHtml('<a href="https://x.org">ab</a> &amp;').text).toBe("ab &");
  });
});

describe("Bot API stand-in", () => {
  it("answers invalid HTML with Telegram's 400 'can't parse entities' and records the problem", async () => {
    const error = await api
      .sendMessage(1, "<b>unclosed", { parse_mode: "HTML" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GrammyError);
    expect((error as GrammyError).description).toMatch(/can't parse entities/);
    expect(standIn.problems.length).toBe(1);
    standIn.problems.length = 0;
  });

  it("refuses texts over 4096 visible characters and callback data over 64 bytes", async () => {
    await expect(api.sendMessage(1, "x".repeat(4097))).rejects.toThrow(/too long/);
    await expect(
      api.sendMessage(1, "hi", {
        reply_markup: { inline_keyboard: [[{ text: "b", callback_data: "x".repeat(65) }]] },
      }),
    ).rejects.toThrow(/BUTTON_DATA_INVALID/);
    standIn.problems.length = 0;
  });

  it("fails the next call of a method once, e.g. a 429 with retry_after", async () => {
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 1",
      parameters: { retry_after: 1 },
    });
    const error = (await api.sendMessage(1, "hi").catch((e: unknown) => e)) as GrammyError;
    expect(error.error_code).toBe(429);
    expect(error.parameters.retry_after).toBe(1);
    // As Telegram: the chat was told to wait; another chat was not.
    await expect(api.sendMessage(2, "hi")).resolves.toMatchObject({ text: "hi" });
    await new Promise((resolve) => setTimeout(resolve, 1_050));
    await expect(api.sendMessage(1, "hi")).resolves.toMatchObject({ text: "hi" });
    expect(standIn.retryAfterViolations).toEqual([]);
  });

  it("refuses, and lists, a call to a chat before its retry_after is over", async () => {
    standIn.failNext("sendMessage", {
      error_code: 429,
      description: "Too Many Requests: retry after 5",
      parameters: { retry_after: 5 },
    });
    await api.sendMessage(3, "hi").catch(() => undefined);
    const early = (await api.sendMessage(3, "hi").catch((e: unknown) => e)) as GrammyError;
    expect(early.error_code).toBe(429);
    expect(standIn.retryAfterViolations).toHaveLength(1);
    standIn.retryAfterViolations.length = 0;
  });

  it("while a fault is set, fails every message call without executing it", async () => {
    standIn.setFault({ kind: "error", error_code: 500, description: "Internal Server Error" });
    for (const chat of [4, 5])
      await expect(api.sendMessage(chat, "hi")).rejects.toMatchObject({ error_code: 500 });
    standIn.setFault({ kind: "close" });
    await expect(api.sendMessage(4, "hi")).rejects.toThrow(/Network request/);
    standIn.setFault(undefined);
    await expect(api.sendMessage(4, "hi")).resolves.toMatchObject({ text: "hi" });
    expect(standIn.deliveredTo(4)).toHaveLength(1);
  });

  it("serves queued updates to long polling and forgets confirmed ones", async () => {
    const pending = api.getUpdates({ offset: 0, timeout: 10 });
    standIn.enqueueUpdate(textMessage(7, "hello"));
    expect((await pending).map((u) => u.update_id)).toEqual([7]);
    expect(await api.getUpdates({ offset: 8, timeout: 0 })).toEqual([]);
    expect(standIn.confirmedOffset).toBe(8);
  });

  it("refuses a wrong token like Telegram (401)", async () => {
    const other = new Api("123:wrong-token-wrong-token-wrong", { apiRoot: standIn.url });
    await expect(other.getMe()).rejects.toThrow(/401/);
  });
});
