/**
 * Builders of Telegram updates as the Bot API sends them, for unit and end-to-end tests.
 * Each builder takes an explicit `update_id`, so a suite controls ids (and duplicates).
 */
import type { Chat, Message, Update, User, UserFromGetMe } from "grammy/types";

/** Chats a user message can come from (not channels). */
export type UserChat = Chat.PrivateChat | Chat.GroupChat | Chat.SupergroupChat;

/** The bot every test talks to. */
export const TEST_BOT: UserFromGetMe = {
  id: 7_000_000_001,
  is_bot: true,
  first_name: "WhatsApp Privacy FAQ",
  username: "PrivacyFaqTestBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** A well-formed test token (the stand-in accepts exactly this one). */
export const TEST_TOKEN = "7000000001:AAtest-token_for-the-stand-in-000000";

export const ALICE: User = {
  id: 1111,
  is_bot: false,
  first_name: "Alice",
  username: "alice_test",
  language_code: "en",
};
export const BOB: User = { id: 2222, is_bot: false, first_name: "Bob" };

export const PRIVATE_CHAT = (user: User = ALICE): Chat.PrivateChat => ({
  id: user.id,
  type: "private",
  first_name: user.first_name,
});
export const GROUP_CHAT: Chat.SupergroupChat = {
  id: -1001234567890,
  type: "supergroup",
  title: "Privacy nerds",
};
export const SMALL_GROUP_CHAT: Chat.GroupChat = { id: -4001234567, type: "group", title: "Family" };

const now = () => Math.floor(Date.now() / 1000);

/** Entities for the commands and @-mentions in `text`, as Telegram computes them. */
export function entitiesOf(text: string): Message["entities"] {
  const entities: NonNullable<Message["entities"]> = [];
  for (const match of text.matchAll(
    /(^|\s)(\/[a-zA-Z0-9_]+(?:@[a-zA-Z0-9_]+)?|@[a-zA-Z0-9_]{5,32})/g,
  )) {
    const offset = match.index! + match[1]!.length;
    const token = match[2]!;
    entities.push({
      type: token.startsWith("/") ? "bot_command" : "mention",
      offset,
      length: token.length,
    });
  }
  return entities.length > 0 ? entities : undefined;
}

/** A text message update. */
export function textMessage(
  updateId: number,
  text: string,
  options: { chat?: UserChat; from?: User; messageId?: number; replyTo?: Message } = {},
): Update {
  const chat = options.chat ?? PRIVATE_CHAT(options.from);
  const message = {
    message_id: options.messageId ?? updateId,
    date: now(),
    chat,
    from: options.from ?? ALICE,
    text,
    ...(entitiesOf(text) ? { entities: entitiesOf(text) } : {}),
    ...(options.replyTo ? { reply_to_message: options.replyTo } : {}),
  } as Message.TextMessage & { chat: UserChat; from: User };
  return { update_id: updateId, message };
}

/** A sticker in a chat (not text). */
export function stickerMessage(updateId: number, chat: UserChat = PRIVATE_CHAT()): Update {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: now(),
      chat,
      from: ALICE,
      sticker: {
        file_id: "s",
        file_unique_id: "s",
        type: "regular",
        width: 512,
        height: 512,
        is_animated: false,
        is_video: false,
      },
    } as Message.StickerMessage & { chat: UserChat; from: User },
  };
}

/** A message of the bot itself, e.g. to reply to. */
export function botMessage(messageId: number, chat: Chat, text = "An earlier answer"): Message {
  return { message_id: messageId, date: now(), chat, from: TEST_BOT, text } as Message.TextMessage;
}

/** A press on an inline button under `message`. */
export function callbackQuery(
  updateId: number,
  data: string,
  message: Message,
  from: User = ALICE,
): Update {
  return {
    update_id: updateId,
    callback_query: { id: `cq-${updateId}`, from, chat_instance: "ci-1", data, message },
  };
}

/** `@bot query` typed in any chat. */
export function inlineQuery(updateId: number, query: string, from: User = ALICE): Update {
  return {
    update_id: updateId,
    inline_query: { id: `iq-${updateId}`, from, query, offset: "", chat_type: "sender" },
  };
}

/** The bot's membership in `chat` changed from `before` to `after`. */
export function myChatMember(
  updateId: number,
  chat: Chat,
  before: "left" | "member" | "kicked",
  after: "left" | "member" | "administrator" | "kicked",
): Update {
  const member = (status: string) =>
    status === "administrator"
      ? { status, user: TEST_BOT, can_be_edited: false, is_anonymous: false, can_manage_chat: true }
      : status === "kicked"
        ? { status, user: TEST_BOT, until_date: 0 }
        : { status, user: TEST_BOT };
  return {
    update_id: updateId,
    my_chat_member: {
      chat,
      from: ALICE,
      date: now(),
      old_chat_member: member(before),
      new_chat_member: member(after),
    },
  } as Update;
}
