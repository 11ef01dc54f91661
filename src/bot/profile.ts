/**
 * What the bot tells Telegram about itself at start: its command menus (private chats and
 * groups), its description texts, and which update types it wants.
 */
import type { Api } from "grammy";
import type { BotCommand } from "grammy/types";
import type { CommandTexts } from "../i18n/catalog.js";
import { en } from "../i18n/locales/en.js";
import { messagesFor } from "../i18n/messages.js";
import { LANGUAGES, SOURCE_LANGUAGE } from "../text/languages.js";
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

/** Command menu in private chats, in a language's words. */
export function privateCommands(t: CommandTexts): BotCommand[] {
  return [
    { command: "start", description: t.start },
    { command: "topics", description: t.topics },
    { command: "ask", description: t.ask },
    { command: "language", description: t.language },
    { command: "privacy", description: t.privacy },
    { command: "help", description: t.help },
  ];
}

/** Command menu in groups: asking, and little else. */
export function groupCommands(t: CommandTexts): BotCommand[] {
  return [
    { command: "ask", description: t.ask },
    { command: "help", description: t.groupHelp },
    { command: "privacy", description: t.privacy },
  ];
}

/** The menus in English: the default for every language without its own. */
export const PRIVATE_COMMANDS: readonly BotCommand[] = privateCommands(en.bot.commands);
export const GROUP_COMMANDS: readonly BotCommand[] = groupCommands(en.bot.commands);

/** Shown on the bot's empty chat screen (at most 512 characters). */
export const BOT_DESCRIPTION = en.bot.description;

/** Shown on the bot's profile and in shares (at most 120 characters). */
export const BOT_SHORT_DESCRIPTION = en.bot.shortDescription;

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
  // Telegram shows a user the menus and descriptions of their app's language, where set.
  for (const language of LANGUAGES.filter((l) => l !== SOURCE_LANGUAGE)) {
    const t = messagesFor(language).bot;
    const scoped = { language_code: language };
    steps.push(
      [
        `private commands (${language})`,
        () =>
          api.setMyCommands(privateCommands(t.commands), {
            scope: { type: "all_private_chats" },
            ...scoped,
          }),
      ],
      [
        `group commands (${language})`,
        () =>
          api.setMyCommands(groupCommands(t.commands), {
            scope: { type: "all_group_chats" },
            ...scoped,
          }),
      ],
      [`description (${language})`, () => api.setMyDescription(t.description, scoped)],
      [
        `short description (${language})`,
        () => api.setMyShortDescription(t.shortDescription, scoped),
      ],
    );
  }
  for (const [what, step] of steps) {
    try {
      await step();
    } catch (error) {
      logger.warn({ err: error }, `could not register the bot's ${what}`);
    }
  }
}
