/**
 * Sending HTML safely: long texts are split at paragraph boundaries into several messages
 * (the keyboard goes under the last one), links never unfurl into previews, and edits that
 * Telegram refuses fall back to a new message.
 */
import { GrammyError, type InlineKeyboard } from "grammy";
import type { Message } from "grammy/types";
import { splitMessage, TELEGRAM_MESSAGE_LIMIT } from "../render/telegram-html.js";
import type { BotContext } from "./context.js";

/** Options of {@link replyWithHtml}. */
export interface ReplyOptions {
  /** Keyboard under the (last) message. */
  readonly keyboard?: InlineKeyboard;
  /** Make the (first) message a reply to this message id, as in groups. */
  readonly replyTo?: number;
}

const NO_PREVIEW = { is_disabled: true } as const;

/** Sends `html` to the update's chat, split into as many messages as needed. */
export async function replyWithHtml(
  ctx: BotContext,
  html: string,
  options: ReplyOptions = {},
): Promise<Message.TextMessage[]> {
  const parts = splitMessage(html, TELEGRAM_MESSAGE_LIMIT);
  const sent: Message.TextMessage[] = [];
  for (const [index, part] of parts.entries()) {
    const first = index === 0;
    const last = index === parts.length - 1;
    sent.push(
      await ctx.reply(part, {
        parse_mode: "HTML",
        link_preview_options: NO_PREVIEW,
        ...(first && options.replyTo !== undefined
          ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
          : {}),
        ...(last && options.keyboard !== undefined ? { reply_markup: options.keyboard } : {}),
      }),
    );
  }
  return sent;
}

/**
 * Replaces the text and keyboard of the message a button was pressed on (/topics navigation).
 * Pressing the same button twice ("message is not modified") is fine; a message that can no
 * longer be edited (too old, deleted, or the text is too long for one message) gets a new one.
 */
export async function editOrReplyWithHtml(
  ctx: BotContext,
  html: string,
  keyboard: InlineKeyboard,
): Promise<void> {
  if (ctx.callbackQuery?.message === undefined || html.length > TELEGRAM_MESSAGE_LIMIT) {
    await replyWithHtml(ctx, html, { keyboard });
    return;
  }
  try {
    await ctx.editMessageText(html, {
      parse_mode: "HTML",
      link_preview_options: NO_PREVIEW,
      reply_markup: keyboard,
    });
  } catch (error) {
    if (!(error instanceof GrammyError) || error.error_code !== 400) throw error;
    if (/message is not modified/i.test(error.description)) return;
    if (/message (can't|cannot) be edited|message to edit not found/i.test(error.description)) {
      await replyWithHtml(ctx, html, { keyboard });
      return;
    }
    throw error;
  }
}
