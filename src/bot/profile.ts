/**
 * What the bot tells Telegram about itself at start: its command menus (private chats and
 * groups), its description texts, and which update types it wants.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { BotLogger } from "./context.js";

/** The update types the bot handles; Telegram sends no others (`allowed_updates`). */
export const ALLOWED_UPDATES = [
  "message",
  "callback_query",
  "inline_query",
  // Which inline result was sent, when inline feedback is on in @BotFather (statistics).
  "chosen_inline_result",
  "my_chat_member",
] as const;

/** Command menu in private chats. */
export const PRIVATE_COMMANDS: readonly BotCommand[] = [
  { command: "start", description: "Welcome and topics" },
  { command: "topics", description: "Browse answers by topic" },
  { command: "ask", description: "Ask a question about WhatsApp privacy" },
  { command: "privacy", description: "What this bot stores" },
  { command: "help", description: "How to use this bot" },
];

/** Command menu in groups: asking, and little else. */
export const GROUP_COMMANDS: readonly BotCommand[] = [
  { command: "ask", description: "Ask a question about WhatsApp privacy" },
  { command: "help", description: "How to ask me here" },
  { command: "privacy", description: "What this bot stores" },
];

/** Shown on the bot's empty chat screen (at most 512 characters). */
export const BOT_DESCRIPTION =
  "I answer questions about WhatsApp privacy: end-to-end encryption, location, what is shared with Meta, " +
  "business chats, the 2021 policy update and your privacy settings. Answers come from a curated FAQ with sources. " +
  "Unofficial: not affiliated with WhatsApp or Meta.";

/** Shown on the bot's profile and in shares (at most 120 characters). */
export const BOT_SHORT_DESCRIPTION =
  "Answers about WhatsApp privacy from a curated FAQ, with sources. Unofficial.";

/**
 * Registers the command menus and description texts. A failure here does not stop the bot
 * (it answers without a menu just as well), so it is logged as a warning.
 */
export async function registerBotProfile(api: Api, logger: BotLogger): Promise<void> {
  const steps: [string, () => Promise<unknown>][] = [
    [
      "private commands",
      () => api.setMyCommands([...PRIVATE_COMMANDS], { scope: { type: "all_private_chats" } }),
    ],
    [
      "group commands",
      () => api.setMyCommands([...GROUP_COMMANDS], { scope: { type: "all_group_chats" } }),
    ],
    ["description", () => api.setMyDescription(BOT_DESCRIPTION)],
    ["short description", () => api.setMyShortDescription(BOT_SHORT_DESCRIPTION)],
  ];
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      logger.warn({ err: error }, `could not register the bot's ${what}`);
    }
  }
}
