import { Composer } from "grammy";
import { escapeHtml } from "../../render/telegram-html.js";
import { formatReport, gatherReport } from "../../store/report.js";
import type { BotContext } from "../context.js";
import { loggableError } from "../error-boundary.js";
import { replyWithHtml } from "../send.js";

/** Telegram's limit for one message, in characters (the report is cut to fit). */
const MAX_MESSAGE_LENGTH = 4096;

/**
 * `/stats` in a private chat, for the user ids in `ADMIN_USER_IDS` only: the same insight as
 * `npm run report`, for the last 7 days. Everyone else, and every group, gets silence: the
 * command is swallowed without a reply, so it does not even reveal that it exists.
 */
export function statsFeature(): Composer<BotContext> {
  const composer = new Composer<BotContext>();
  composer.command("stats", async (ctx) => {
    const isAdmin = ctx.from !== undefined && ctx.services.adminUserIds.has(ctx.from.id);
    if (ctx.chat.type !== "private" || !isAdmin) return;
    let text: string;
    try {
      text = formatReport(await gatherReport(ctx.services.adminInsights, { days: 7, top: 8 }));
    } catch (error) {
      ctx.logger.warn({ err: loggableError(error) }, "could not read the statistics for /stats");
      text = "The statistics store is not reachable right now; try again later.";
    }
    // Drop whole lines from the end until the escaped report fits one message.
    const html = (body: string) => `<pre>${escapeHtml(body)}</pre>`;
    const lines = text.split("\n");
    while (lines.length > 1 && html(lines.join("\n")).length > MAX_MESSAGE_LENGTH)
      lines.splice(-2, 2, "…");
    await replyWithHtml(ctx, html(lines.join("\n")));
  });
  return composer;
}
