import { Composer } from "grammy";
import type { ChatMember } from "grammy/types";
import type { BotContext } from "../context.js";
import { groupIntroMessage } from "../format.js";
import { replyWithHtml } from "../send.js";

const ABSENT: ReadonlySet<ChatMember["status"]> = new Set(["left", "kicked"]);

/** True when a membership change means the bot just joined the chat. */
function joined(oldMember: ChatMember, newMember: ChatMember): boolean {
  const isMember = (m: ChatMember) =>
    !ABSENT.has(m.status) && (m.status !== "restricted" || m.is_member);
  return !isMember(oldMember) && isMember(newMember);
}

/** When the bot is added to a group (`my_chat_member`), it posts one short intro on how to ask. */
export function membershipFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType(["group", "supergroup"]).on("my_chat_member", async (ctx) => {
    const { old_chat_member: before, new_chat_member: after } = ctx.myChatMember;
    if (!joined(before, after)) return;
    ctx.logger.info({ chat_type: ctx.chat.type }, "added to a group");
    await replyWithHtml(ctx, groupIntroMessage(ctx.texts, ctx.me.username));
  });
  return composer;
}
