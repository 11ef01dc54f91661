import type { Update } from "grammy/types";

/**
 * The queue lane of an update: updates of one chat are answered one at a time, in order, so
 * their replies keep the order of the questions. Updates that answer into no chat (inline
 * queries, chosen inline results, buttons under inline messages) need no order and get a lane
 * of their own, so they never wait behind a chat.
 */
export function laneOf(update: Update): string {
  const chatId =
    update.message?.chat?.id ??
    update.edited_message?.chat?.id ??
    update.callback_query?.message?.chat?.id ??
    update.my_chat_member?.chat?.id ??
    update.chat_member?.chat?.id;
  if (typeof chatId === "number" && Number.isSafeInteger(chatId)) return `chat:${chatId}`;
  return `update:${update.update_id}`;
}
