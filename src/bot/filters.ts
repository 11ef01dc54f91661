/** Small routing helpers shared by the features. */
import type { Composer, Filter } from "grammy";
import type { Message } from "grammy/types";
import {
  type CallbackAction,
  type CallbackActionKind,
  decodeCallbackData,
} from "./callback-data.js";
import type { BotContext } from "./context.js";

/** Context of a pressed callback button. */
export type CallbackContext = Filter<BotContext, "callback_query:data">;

/**
 * Registers `handler` for buttons whose data decodes to `kind`. Other buttons go on to the
 * next middleware; stale or unknown data ends in the `unhandled` feature with a notice.
 */
export function onCallbackAction<K extends CallbackActionKind>(
  composer: Composer<BotContext>,
  kind: K,
  handler: (ctx: CallbackContext, action: Extract<CallbackAction, { kind: K }>) => Promise<unknown>,
): void {
  composer.on("callback_query:data", async (ctx, next) => {
    const action = decodeCallbackData(ctx.callbackQuery.data);
    if (action?.kind !== kind) return next();
    await handler(ctx, action as Extract<CallbackAction, { kind: K }>);
  });
}

/** True for group and supergroup chats. */
export function isGroupChat(ctx: BotContext): boolean {
  return ctx.chat?.type === "group" || ctx.chat?.type === "supergroup";
}

/** The parts of a text message that @-mention this bot, as [start, end) ranges. */
export function mentionsOfBot(
  message: Pick<Message, "text" | "entities">,
  botId: number,
  botUsername: string,
): [number, number][] {
  const text = message.text ?? "";
  const handle = `@${botUsername}`.toLowerCase();
  return (message.entities ?? [])
    .filter(
      (entity) =>
        (entity.type === "mention" &&
          text.slice(entity.offset, entity.offset + entity.length).toLowerCase() === handle) ||
        (entity.type === "text_mention" && entity.user.id === botId),
    )
    .map((entity) => [entity.offset, entity.offset + entity.length]);
}

/** The question in a message addressed to the bot: the text without the mentions of the bot. */
export function questionWithoutMentions(
  text: string,
  mentions: readonly [number, number][],
): string {
  let question = text;
  for (const [start, end] of [...mentions].sort(([a], [b]) => b - a)) {
    question = `${question.slice(0, start)} ${question.slice(end)}`;
  }
  return question
    .replace(/\s+/g, " ")
    .replace(/^[\s,:;.!-]+/, "")
    .trim();
}
