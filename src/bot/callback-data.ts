/**
 * The one place that reads and writes inline-button `callback_data`.
 *
 * Format: `v1:<kind>[:<arg>...]`, at most 64 bytes (Telegram's limit). The version prefix lets
 * the bot recognise buttons from an older release, which stay in chats forever: anything that
 * does not decode to a known action is "stale", and the user gets a short notice instead of an
 * error. Arguments are FAQ and category ids (kebab-case), so `:` never appears inside one.
 */
import type { Vote } from "../store/insights.js";

/** Version of the callback-data format; bump it when the meaning of a kind changes. */
export const CALLBACK_DATA_VERSION = "v1";

/** Telegram's limit for `callback_data`, in bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** What an inline button asks the bot to do. */
export type CallbackAction =
  /** Send this entry's answer as a new message (related questions, "did you mean"). */
  | { readonly kind: "answer"; readonly faqId: string }
  /** Record a 👍 / 👎 on this entry. */
  | { readonly kind: "vote"; readonly faqId: string; readonly vote: Vote }
  /** /topics navigation, editing one message: the list of categories ... */
  | { readonly kind: "topics" }
  /** ... the questions of one category ... */
  | { readonly kind: "category"; readonly categoryId: string }
  /** ... and one answer, with a back button to its category. */
  | { readonly kind: "topic-answer"; readonly faqId: string }
  /** /language: answer in this language (`auto`: forget the choice). */
  | { readonly kind: "language"; readonly language: string };

export type CallbackActionKind = CallbackAction["kind"];

/** Thrown when an action cannot be encoded (bad id, or longer than 64 bytes). */
export class CallbackDataError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CallbackDataError";
  }
}

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const CODES = {
  answer: "a",
  vote: "f",
  topics: "t",
  category: "c",
  "topic-answer": "q",
  language: "l",
} as const;
const VOTES = { up: "u", down: "d" } as const;

/** Encodes an action as `callback_data`; throws {@link CallbackDataError} if it cannot fit. */
export function encodeCallbackData(action: CallbackAction): string {
  const parts: string[] = [CALLBACK_DATA_VERSION, CODES[action.kind]];
  switch (action.kind) {
    case "answer":
    case "topic-answer":
      parts.push(checkId(action.faqId));
      break;
    case "vote":
      parts.push(checkId(action.faqId), VOTES[action.vote]);
      break;
    case "category":
      parts.push(checkId(action.categoryId));
      break;
    case "topics":
      break;
    case "language":
      parts.push(checkId(action.language));
      break;
  }
  const data = parts.join(":");
  if (Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) {
    throw new CallbackDataError(`callback data "${data}" is over ${CALLBACK_DATA_MAX_BYTES} bytes`);
  }
  return data;
}

/** Decodes `callback_data`; `undefined` for anything stale, unknown or malformed. */
export function decodeCallbackData(data: string | undefined): CallbackAction | undefined {
  if (data === undefined || Buffer.byteLength(data) > CALLBACK_DATA_MAX_BYTES) return undefined;
  const [version, code, first, second, ...rest] = data.split(":");
  if (version !== CALLBACK_DATA_VERSION || rest.length > 0) return undefined;
  const id = first !== undefined && ID.test(first) ? first : undefined;
  switch (code) {
    case CODES.topics:
      return first === undefined ? { kind: "topics" } : undefined;
    case CODES.answer:
      return id !== undefined && second === undefined ? { kind: "answer", faqId: id } : undefined;
    case CODES["topic-answer"]:
      return id !== undefined && second === undefined
        ? { kind: "topic-answer", faqId: id }
        : undefined;
    case CODES.category:
      return id !== undefined && second === undefined
        ? { kind: "category", categoryId: id }
        : undefined;
    case CODES.language:
      return id !== undefined && second === undefined
        ? { kind: "language", language: id }
        : undefined;
    case CODES.vote: {
      const vote = second === VOTES.up ? "up" : second === VOTES.down ? "down" : undefined;
      return id !== undefined && vote !== undefined ? { kind: "vote", faqId: id, vote } : undefined;
    }
    default:
      return undefined;
  }
}

function checkId(id: string): string {
  if (!ID.test(id)) throw new CallbackDataError(`"${id}" is not a kebab-case id`);
  return id;
}
