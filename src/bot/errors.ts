/**
 * Errors the process entry point needs to recognise without loading the bot (grammY is only
 * imported when a bot token is configured).
 */

/** The bot could not start: a clear, single-line reason (no stack trace needed). */
export class BotStartError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BotStartError";
  }
}
