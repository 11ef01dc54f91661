import { Composer, InlineKeyboard } from "grammy";
import { messagesFor } from "../../i18n/messages.js";
import { isLanguage, type Language } from "../../text/languages.js";
import { encodeCallbackData } from "../callback-data.js";
import type { BotContext } from "../context.js";
import { loggableError } from "../error-boundary.js";
import { onCallbackAction } from "../filters.js";
import { replyWithHtml } from "../send.js";

/** The value of the "automatic" button: forget the choice. */
const AUTOMATIC = "auto";

/** One button per language the service answers in (in its own name), then "automatic". */
function languageKeyboard(ctx: BotContext): InlineKeyboard {
  const rows = ctx.faq.service.languages.map((language) => [
    InlineKeyboard.text(
      messagesFor(language).languageName,
      encodeCallbackData({ kind: "language", language }),
    ),
  ]);
  rows.push([
    InlineKeyboard.text(
      ctx.texts.language.automatic,
      encodeCallbackData({ kind: "language", language: AUTOMATIC }),
    ),
  ]);
  return InlineKeyboard.from(rows);
}

/**
 * `/language` (private chats): the user picks the language of the bot's texts and answers. The
 * choice is kept under an HMAC of their user id (never the id) for a year (`/privacy` says so);
 * "automatic" forgets it.
 */
export function languageFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.chatType("private").command("language", async (ctx) => {
    const current = messagesFor(ctx.faq.language).languageName;
    await replyWithHtml(ctx, ctx.texts.language.prompt(current), {
      keyboard: languageKeyboard(ctx),
    });
  });
  onCallbackAction(composer, "language", async (ctx, { language }) => {
    const chosen: Language | null = isLanguage(language) ? language : null;
    if (language !== AUTOMATIC && chosen === null) {
      await ctx.answerCallbackQuery({ text: ctx.texts.staleButton });
      return;
    }
    const key = ctx.services.voterKeys.languageKeyFor(ctx.from.id);
    try {
      await ctx.services.insights.chooseLanguage(key, chosen);
    } catch (error) {
      ctx.logger.warn({ err: loggableError(error) }, "could not keep a language choice");
      await ctx.answerCallbackQuery({ text: ctx.texts.startingUp });
      return;
    }
    ctx.chosenLanguage = chosen ?? undefined;
    await ctx.answerCallbackQuery();
    const texts = chosen !== null ? messagesFor(chosen).bot : ctx.texts;
    await replyWithHtml(
      ctx,
      chosen !== null
        ? texts.language.chosen(messagesFor(chosen).languageName)
        : texts.language.forgotten,
    );
  });
  return composer;
}

/**
 * Loads the language a user chose with /language before any feature speaks. A store that
 * cannot say leaves the choice unknown: the app's language and the question's decide.
 */
export function languageChoice() {
  return async (ctx: BotContext, next: () => Promise<void>) => {
    if (ctx.from !== undefined && !ctx.from.is_bot) {
      const key = ctx.services.voterKeys.languageKeyFor(ctx.from.id);
      const chosen = await ctx.services.insights.chosenLanguage(key).catch(() => null);
      if (chosen !== null) ctx.chosenLanguage = chosen;
    }
    await next();
  };
}
