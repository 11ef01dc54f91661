/**
 * A small stand-in for the Telegram Bot API on 127.0.0.1, for end-to-end tests of the real
 * service process (`TELEGRAM_API_ROOT=<url>`). It speaks the Bot API's HTTP protocol
 * (`POST /bot<token>/<method>`, JSON in, `{ok, result}` out) for the methods the bot uses,
 * serves queued updates to long polling, records every call, can fail the next call of a
 * method once (e.g. a 429 with `retry_after`), and checks everything the bot sends the way
 * Telegram would: a text that does not parse as Telegram HTML gets the same 400 "can't parse
 * entities" Telegram answers, and is listed in {@link BotApiStandIn.problems}.
 *
 * For fault injection it can also fail every message call while a fault is set
 * ({@link BotApiStandIn.setFault}: an error answer such as 429 or 500, a hang that never
 * answers, or a connection closed without an answer), without executing the call, and it holds
 * the bot to Telegram's `retry_after`: a call to a chat that was told to wait, made before the
 * wait is over, is answered 429 again and listed in {@link BotApiStandIn.retryAfterViolations}.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update, UserFromGetMe } from "grammy/types";
import { problemsOfCall } from "./bot-api-checks.js";
import { checkTelegramHtml } from "./telegram-html.js";
import { pollUntil } from "./poll.js";

/** One call the bot made, as received and answered. */
export interface StandInCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
  /** When the call arrived (ms since the epoch). */
  readonly at: number;
  /** HTTP status answered: 200, or the injected / validation failure. */
  status: number;
}

/** A failure answered instead of success, once. */
export interface StandInFailure {
  readonly error_code: number;
  readonly description: string;
  readonly parameters?: { retry_after?: number };
}

/** A fault applied to every message call while it is set (see {@link BotApiStandIn.setFault}). */
export type StandInFault =
  | ({ readonly kind: "error" } & StandInFailure)
  /** The request is read and never answered (the bot's own timeout must end it). */
  | { readonly kind: "hang" }
  /** The connection is closed without an answer. */
  | { readonly kind: "close" }
  /** The call is executed normally, but only after `ms` (a slow Bot API). */
  | { readonly kind: "slow"; readonly ms: number };

/** Calls a fault applies to: those that put a message into a chat, and query answers. */
const FAULTED_METHODS: ReadonlySet<string> = new Set([
  "sendMessage",
  "editMessageText",
  "answerCallbackQuery",
  "answerInlineQuery",
]);

interface StoredMessage {
  text: string;
  reply_markup?: unknown;
}

interface PendingPoll {
  readonly offset: number;
  readonly limit: number;
  readonly respond: (updates: Update[]) => void;
}

/** Longest a getUpdates call is held open, whatever timeout the bot asks for. */
const MAX_LONG_POLL_MS = 25_000;

export class BotApiStandIn {
  readonly calls: StandInCall[] = [];
  /** Everything Telegram would have refused (bad HTML, too long, bad keyboards). Must stay empty. */
  readonly problems: string[] = [];
  /** Sent and edited messages by `chatId:messageId`, to press their buttons. */
  readonly messages = new Map<string, StoredMessage>();

  readonly #server: Server;
  readonly #token: string;
  readonly #botInfo: UserFromGetMe;
  readonly #failures = new Map<string, StandInFailure[]>();
  readonly #updates: Update[] = [];
  readonly #polls = new Set<PendingPoll>();
  #nextMessageId = 1_000;
  /** Highest `offset` a getUpdates call has asked for: every update below it was handled. */
  #confirmedOffset = 0;
  #fault: StandInFault | undefined;
  /** Chat id -> until when (stand-in clock, ms) Telegram told the bot to wait. */
  readonly #retryAfter = new Map<string, number>();
  /** Calls made to a chat before its `retry_after` was over (Telegram would answer 429 again). */
  readonly retryAfterViolations: string[] = [];
  readonly #now: () => number;
  readonly #hanging = new Set<ServerResponse>();

  private constructor(token: string, botInfo: UserFromGetMe, now: () => number) {
    this.#token = token;
    this.#botInfo = botInfo;
    this.#now = now;
    this.#server = createServer((request, response) => {
      this.#handle(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(
          JSON.stringify({
            ok: false,
            error_code: 500,
            description: `stand-in failure: ${String(error)}`,
          }),
        );
      });
    });
  }

  /**
   * Starts the stand-in on a free port of 127.0.0.1. `now` is the clock its `retry_after`
   * ledger uses (a test clock for tests that move time by hand).
   */
  static async start(options: {
    token: string;
    botInfo: UserFromGetMe;
    now?: () => number;
  }): Promise<BotApiStandIn> {
    const standIn = new BotApiStandIn(options.token, options.botInfo, options.now ?? Date.now);
    await new Promise<void>((resolve, reject) => {
      standIn.#server.once("error", reject);
      standIn.#server.listen(0, "127.0.0.1", () => resolve());
    });
    return standIn;
  }

  /** The value for `TELEGRAM_API_ROOT`. */
  get url(): string {
    const { port } = this.#server.address() as AddressInfo;
    return `http://127.0.0.1:${port}`;
  }

  /** Every update with an id below this was handled by the polling bot (it asked for the next ones). */
  get confirmedOffset(): number {
    return this.#confirmedOffset;
  }

  /** Queues an update for long polling. */
  enqueueUpdate(update: Update): void {
    this.#updates.push(update);
    for (const poll of [...this.#polls]) this.#servePoll(poll);
  }

  /** The next call of `method` is answered with `failure` instead of being executed. */
  failNext(method: string, failure: StandInFailure): void {
    this.#failures.set(method, [...(this.#failures.get(method) ?? []), failure]);
  }

  /**
   * From now on every message call (sendMessage, editMessageText, query answers) gets `fault`
   * instead of being executed, until `setFault(undefined)`. A 429 fault's `retry_after` is
   * remembered per chat and enforced after the fault is cleared too.
   */
  setFault(fault: StandInFault | undefined): void {
    this.#fault = fault;
  }

  /** Messages Telegram accepted (sendMessage answered 200), per chat id. */
  deliveredTo(chatId: number): StandInCall[] {
    return this.callsToChat("sendMessage", chatId).filter((call) => call.status === 200);
  }

  callsTo(method: string): StandInCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Calls of `method` to one chat. */
  callsToChat(method: string, chatId: number): StandInCall[] {
    return this.callsTo(method).filter((call) => call.payload.chat_id === chatId);
  }

  /** Polls `condition` until it returns a value other than undefined/false; fails after `timeoutMs`. */
  async waitFor<T>(
    condition: () => T | undefined | false,
    what: string,
    timeoutMs = 20_000,
  ): Promise<T> {
    return pollUntil(condition, {
      timeoutMs,
      failure: () => {
        const recent = this.calls.slice(-10).map((c) => `${c.method}(${c.status})`);
        return new Error(
          `Timed out after ${timeoutMs} ms waiting for ${what}; last calls: ${recent.join(", ")}`,
        );
      },
    });
  }

  async close(): Promise<void> {
    for (const response of this.#hanging) response.destroy();
    this.#hanging.clear();
    for (const poll of this.#polls) poll.respond([]);
    this.#polls.clear();
    this.#server.closeAllConnections();
    await new Promise<void>((resolve) => this.#server.close(() => resolve()));
  }

  async #handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/([A-Za-z]+)$/.exec(request.url ?? "");
    const payload = await readJson(request);
    if (match === null)
      return send(response, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method] = match as unknown as [string, string, string];
    if (token !== this.#token)
      return send(response, 401, { ok: false, error_code: 401, description: "Unauthorized" });

    const call: StandInCall = { method, payload, at: this.#now(), status: 200 };
    this.calls.push(call);

    const chatKey = payload.chat_id === undefined ? undefined : String(payload.chat_id);
    if (chatKey !== undefined) {
      const until = this.#retryAfter.get(chatKey);
      if (until !== undefined && call.at < until) {
        this.retryAfterViolations.push(`${method} to ${chatKey} ${until - call.at} ms early`);
        call.status = 429;
        const wait = Math.ceil((until - call.at) / 1000);
        return send(response, 429, {
          ok: false,
          error_code: 429,
          description: `Too Many Requests: retry after ${wait}`,
          parameters: { retry_after: wait },
        });
      }
    }
    const fault = FAULTED_METHODS.has(method) ? this.#fault : undefined;
    if (fault?.kind === "hang") {
      call.status = 0;
      this.#hanging.add(response);
      response.once("close", () => this.#hanging.delete(response));
      return;
    }
    if (fault?.kind === "close") {
      call.status = -1;
      request.socket.destroy();
      return;
    }
    if (fault?.kind === "slow") await new Promise((resolve) => setTimeout(resolve, fault.ms));
    if (fault?.kind === "error") {
      call.status = fault.error_code;
      const retryAfter = fault.parameters?.retry_after;
      if (fault.error_code === 429 && retryAfter !== undefined && chatKey !== undefined)
        this.#retryAfter.set(chatKey, call.at + retryAfter * 1000);
      const { kind: _kind, ...body } = fault;
      return send(response, fault.error_code, { ok: false, ...body });
    }

    const failure = this.#failures.get(method)?.shift();
    if (failure !== undefined) {
      call.status = failure.error_code;
      const retryAfter = failure.parameters?.retry_after;
      if (failure.error_code === 429 && retryAfter !== undefined && chatKey !== undefined)
        this.#retryAfter.set(chatKey, call.at + retryAfter * 1000);
      return send(response, failure.error_code, { ok: false, ...failure });
    }
    const problems = problemsOfCall(method, payload);
    if (problems.length > 0) {
      this.problems.push(...problems.map((p) => `${method}: ${p}`));
      call.status = 400;
      return send(response, 400, { ok: false, error_code: 400, description: problems[0] });
    }
    if (method === "getUpdates") return this.#getUpdates(payload, response);

    const result = this.#execute(method, payload);
    if (result instanceof Error) {
      call.status = 400;
      return send(response, 400, { ok: false, error_code: 400, description: result.message });
    }
    return send(response, 200, { ok: true, result });
  }

  #execute(method: string, payload: Record<string, unknown>): unknown {
    switch (method) {
      case "getMe":
        return this.#botInfo;
      case "sendMessage": {
        const chatId = Number(payload.chat_id);
        const messageId = this.#nextMessageId++;
        this.messages.set(`${chatId}:${messageId}`, {
          text: String(payload.text),
          reply_markup: payload.reply_markup,
        });
        return this.#message(chatId, messageId, payload);
      }
      case "editMessageText": {
        const key = `${Number(payload.chat_id)}:${Number(payload.message_id)}`;
        const existing = this.messages.get(key);
        if (existing === undefined) return new Error("Bad Request: message to edit not found");
        if (
          existing.text === payload.text &&
          JSON.stringify(existing.reply_markup) === JSON.stringify(payload.reply_markup)
        ) {
          return new Error(
            "Bad Request: message is not modified: specified new message content and reply markup are exactly the same",
          );
        }
        this.messages.set(key, { text: String(payload.text), reply_markup: payload.reply_markup });
        return this.#message(Number(payload.chat_id), Number(payload.message_id), payload);
      }
      case "setWebhook":
      case "deleteWebhook":
      case "setMyCommands":
      case "setMyDescription":
      case "setMyShortDescription":
      case "answerCallbackQuery":
      case "answerInlineQuery":
        return true;
      default:
        return new Error(`Bad Request: method ${method} is not supported by the stand-in`);
    }
  }

  #message(chatId: number, messageId: number, payload: Record<string, unknown>) {
    return {
      message_id: messageId,
      date: Math.floor(Date.now() / 1000),
      chat:
        chatId < 0
          ? { id: chatId, type: "supergroup", title: "Group" }
          : { id: chatId, type: "private", first_name: "User" },
      from: this.#botInfo,
      text: checkTelegramHtml(String(payload.text)).text,
      ...(payload.reply_markup === undefined ? {} : { reply_markup: payload.reply_markup }),
    };
  }

  /** Long polling: answers at once when updates wait, else holds the call until one arrives. */
  #getUpdates(payload: Record<string, unknown>, response: ServerResponse): void {
    const offset = typeof payload.offset === "number" ? payload.offset : 0;
    const limit = typeof payload.limit === "number" ? payload.limit : 100;
    const timeoutMs = Math.min(
      MAX_LONG_POLL_MS,
      (typeof payload.timeout === "number" ? payload.timeout : 0) * 1000,
    );
    this.#confirmedOffset = Math.max(this.#confirmedOffset, offset);
    // Updates below the offset are confirmed: Telegram forgets them.
    while (this.#updates[0] !== undefined && this.#updates[0].update_id < offset)
      this.#updates.shift();

    let done = false;
    const poll: PendingPoll = {
      offset,
      limit,
      respond: (updates) => {
        if (done) return;
        done = true;
        clearTimeout(timer);
        this.#polls.delete(poll);
        send(response, 200, { ok: true, result: updates });
      },
    };
    const timer = setTimeout(() => poll.respond([]), timeoutMs);
    response.once("close", () => {
      // The bot gave up (it is stopping): forget the call without answering.
      if (!response.writableEnded) {
        done = true;
        clearTimeout(timer);
        this.#polls.delete(poll);
      }
    });
    this.#polls.add(poll);
    this.#servePoll(poll);
  }

  #servePoll(poll: PendingPoll): void {
    const ready = this.#updates
      .filter((update) => update.update_id >= poll.offset)
      .slice(0, poll.limit);
    if (ready.length > 0) poll.respond(ready);
  }
}

async function readJson(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  if (body === "") return {};
  try {
    return JSON.parse(body) as Record<string, unknown>;
  } catch {
    return { __unparseable: body };
  }
}

function send(response: ServerResponse, status: number, body: unknown): void {
  if (response.writableEnded) return;
  response.writeHead(status, { "content-type": "application/json" });
  response.end(JSON.stringify(body));
}
