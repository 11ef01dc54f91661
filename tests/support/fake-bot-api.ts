/**
 * grammY's offline testing pattern: an API transformer that records every outgoing call and
 * answers it with a plausible result, without any network. Every call is checked like the
 * real Bot API would (HTML, lengths, keyboards); problems are collected in `problems` and the
 * call fails with a 400, as Telegram would answer.
 */
import type { Transformer } from "grammy";
import { problemsOfCall } from "./bot-api-checks.js";
import { checkTelegramHtml } from "./telegram-html.js";
import { TEST_BOT } from "./telegram-updates.js";

export interface RecordedCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

/** A failure the fake answers instead of success, once. */
export interface InjectedFailure {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { retry_after?: number };
}

export class FakeBotApi {
  readonly calls: RecordedCall[] = [];
  /** Everything Telegram would have refused. Tests assert it stays empty. */
  readonly problems: string[] = [];
  readonly #failures = new Map<string, InjectedFailure[]>();
  #nextMessageId = 5_000;

  /** Install with `bot.api.config.use(fake.transformer)`. */
  readonly transformer: Transformer = async (_prev, method, payload) => {
    const body = { ...(payload as Record<string, unknown>) };
    this.calls.push({ method, payload: body });
    const failure = this.#failures.get(method)?.shift();
    if (failure !== undefined) return { ok: false, ...failure } as never;
    const problems = problemsOfCall(method, body);
    if (problems.length > 0) {
      this.problems.push(...problems.map((p) => `${method}: ${p}`));
      return { ok: false, error_code: 400, description: problems[0]! } as never;
    }
    return { ok: true, result: this.#resultOf(method, body) } as never;
  };

  /** The next call of `method` fails with `failure`. */
  failNext(method: string, failure: InjectedFailure): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), failure]);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Texts of sendMessage calls, in order. */
  sentTexts(): string[] {
    return this.callsTo("sendMessage").map((call) => String(call.payload.text));
  }

  /** The last call of `method`; fails the test if there was none. */
  last(method: string): Record<string, unknown> {
    const call = this.callsTo(method).at(-1);
    if (call === undefined)
      throw new Error(`no ${method} call; calls: ${this.calls.map((c) => c.method).join(", ")}`);
    return call.payload;
  }

  reset(): void {
    this.calls.length = 0;
    this.problems.length = 0;
    this.#failures.clear();
  }

  #resultOf(method: string, payload: Record<string, unknown>): unknown {
    if (method === "sendMessage" || method === "editMessageText") {
      const chatId = Number(payload.chat_id);
      return {
        message_id:
          method === "editMessageText" ? Number(payload.message_id) : this.#nextMessageId++,
        date: Math.floor(Date.now() / 1000),
        chat:
          chatId < 0
            ? { id: chatId, type: "supergroup", title: "Group" }
            : { id: chatId, type: "private", first_name: "User" },
        from: TEST_BOT,
        text: checkTelegramHtml(String(payload.text)).text,
        ...(payload.reply_markup ? { reply_markup: payload.reply_markup } : {}),
      };
    }
    if (method === "getMe") return TEST_BOT;
    return true;
  }
}

/** Callback data of every button in a keyboard, row by row. */
export function callbackDataOf(replyMarkup: unknown): string[] {
  const rows =
    (replyMarkup as { inline_keyboard?: { callback_data?: string }[][] } | undefined)
      ?.inline_keyboard ?? [];
  return rows
    .flat()
    .flatMap((button) => (button.callback_data === undefined ? [] : [button.callback_data]));
}

/** Buttons of a keyboard as `{text, callback_data?, url?}`. */
export function buttonsOf(
  replyMarkup: unknown,
): { text: string; callback_data?: string; url?: string }[] {
  return (
    (replyMarkup as { inline_keyboard?: { text: string }[][] } | undefined)?.inline_keyboard ?? []
  ).flat();
}
