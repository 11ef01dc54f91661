/**
 * What the real Bot API would reject in an outgoing call, checked the same way by the offline
 * fake (unit tests) and the HTTP stand-in (end-to-end tests): HTML that does not parse, texts
 * over 4096 characters, callback data over 64 bytes, malformed keyboards and inline results.
 */
import { checkTelegramHtml, TELEGRAM_TEXT_LIMIT } from "./telegram-html.js";

type Payload = Record<string, unknown>;

/** Problems Telegram would answer with a 400; empty when the call is acceptable. */
export function problemsOfCall(method: string, payload: Payload): string[] {
  switch (method) {
    case "sendMessage":
      return [
        ...requireChat(payload),
        ...problemsOfText(payload.text, payload.parse_mode),
        ...problemsOfMarkup(payload.reply_markup),
      ];
    case "editMessageText":
      return [
        ...(payload.inline_message_id === undefined &&
        (payload.chat_id === undefined || payload.message_id === undefined)
          ? ["editMessageText needs chat_id and message_id"]
          : []),
        ...problemsOfText(payload.text, payload.parse_mode),
        ...problemsOfMarkup(payload.reply_markup),
      ];
    case "answerCallbackQuery":
      return [
        ...(typeof payload.callback_query_id === "string" ? [] : ["callback_query_id missing"]),
        ...(typeof payload.text === "string" && payload.text.length > 200
          ? ["callback answer text over 200 characters"]
          : []),
      ];
    case "answerInlineQuery":
      return problemsOfInlineAnswer(payload);
    case "setWebhook":
      return typeof payload.url === "string" ? [] : ["setWebhook needs a url"];
    case "setMyCommands":
      return Array.isArray(payload.commands) &&
        payload.commands.every(
          (c: { command?: string; description?: string }) =>
            /^[a-z0-9_]{1,32}$/.test(c.command ?? "") &&
            (c.description ?? "").length >= 1 &&
            (c.description ?? "").length <= 256,
        )
        ? []
        : ["setMyCommands: bad commands"];
    case "setMyDescription":
      return typeof payload.description === "string" && payload.description.length <= 512
        ? []
        : ["description over 512 characters"];
    case "setMyShortDescription":
      return typeof payload.short_description === "string" &&
        payload.short_description.length <= 120
        ? []
        : ["short description over 120 characters"];
    default:
      return [];
  }
}

/** Checks one message text in the given parse mode. */
export function problemsOfText(text: unknown, parseMode: unknown): string[] {
  if (typeof text !== "string" || text === "") return ["Bad Request: message text is empty"];
  if (parseMode === undefined)
    return text.length > TELEGRAM_TEXT_LIMIT ? ["Bad Request: message is too long"] : [];
  if (parseMode !== "HTML") return [`unexpected parse_mode ${String(parseMode)}`];
  const { errors, text: visible } = checkTelegramHtml(text);
  const problems = errors.map((e) => `Bad Request: can't parse entities: ${e}`);
  if (visible.length > TELEGRAM_TEXT_LIMIT) problems.push("Bad Request: message is too long");
  return problems;
}

function requireChat(payload: Payload): string[] {
  return typeof payload.chat_id === "number" || typeof payload.chat_id === "string"
    ? []
    : ["chat_id missing"];
}

function problemsOfMarkup(markup: unknown): string[] {
  if (markup === undefined) return [];
  const rows = (markup as { inline_keyboard?: unknown }).inline_keyboard;
  if (!Array.isArray(rows)) return ["reply_markup without inline_keyboard"];
  const problems: string[] = [];
  for (const row of rows) {
    if (!Array.isArray(row) || row.length === 0) {
      problems.push("empty keyboard row");
      continue;
    }
    for (const button of row as { text?: unknown; callback_data?: unknown; url?: unknown }[]) {
      if (typeof button.text !== "string" || button.text === "")
        problems.push("button without text");
      const kinds = ["callback_data", "url"].filter((k) => k in button);
      if (kinds.length !== 1)
        problems.push(`button "${String(button.text)}" needs exactly one of callback_data, url`);
      if (
        typeof button.callback_data === "string" &&
        Buffer.byteLength(button.callback_data) > 64
      ) {
        problems.push(`BUTTON_DATA_INVALID: "${button.callback_data}" is over 64 bytes`);
      }
      if (typeof button.url === "string" && !/^(https?|tg):\/\//.test(button.url))
        problems.push(`bad button url ${button.url}`);
    }
  }
  return problems;
}

function problemsOfInlineAnswer(payload: Payload): string[] {
  const results = payload.results;
  if (!Array.isArray(results)) return ["results missing"];
  const problems: string[] = [];
  if (results.length > 50) problems.push("more than 50 inline results");
  const ids = new Set<string>();
  for (const result of results as Payload[]) {
    const id = String(result.id);
    if (Buffer.byteLength(id) > 64 || id === "") problems.push(`RESULT_ID_INVALID: ${id}`);
    if (ids.has(id)) problems.push(`RESULT_ID_DUPLICATE: ${id}`);
    ids.add(id);
    if (result.type !== "article") problems.push(`unexpected result type ${String(result.type)}`);
    if (typeof result.title !== "string" || result.title === "")
      problems.push("article without title");
    const content = result.input_message_content as Payload | undefined;
    problems.push(
      ...problemsOfText(content?.message_text, content?.parse_mode).map(
        (p) => `result ${id}: ${p}`,
      ),
    );
    problems.push(...problemsOfMarkup(result.reply_markup));
  }
  return problems;
}
