/**
 * The insight report as plain text: what `npm run report` prints and what `/stats` sends to
 * the bot's admins. One formatter, so both show the same thing.
 */
import type { FeedbackItem, InsightsStore, InsightStats, UnansweredItem } from "./insights.js";

/** Everything one report shows. */
export interface InsightReport {
  readonly stats: InsightStats;
  readonly unanswered: readonly UnansweredItem[];
  readonly feedback: readonly FeedbackItem[];
}

/** How much a report covers. */
export interface ReportOptions {
  /** UTC days ending today. Default 7. */
  readonly days?: number;
  /** Most answers, unanswered questions and feedback lines listed. Default 10. */
  readonly top?: number;
}

/** Reads the report from the store (errors surface to the caller). */
export async function gatherReport(
  store: Pick<InsightsStore, "stats" | "unanswered" | "feedback">,
  options: ReportOptions = {},
): Promise<InsightReport> {
  const top = options.top ?? 10;
  const [stats, unanswered, feedback] = await Promise.all([
    store.stats({ days: options.days ?? 7, top }),
    store.unanswered(top),
    store.feedback(),
  ]);
  return { stats, unanswered, feedback: feedback.slice(0, top) };
}

/** The report as aligned plain text (no colours: it also goes into a Telegram `<pre>`). */
export function formatReport(report: InsightReport): string {
  const { stats } = report;
  const total = stats.totals.answered + stats.totals.unanswered;
  const share = total === 0 ? 0 : Math.round((stats.totals.unanswered / total) * 100);
  const row = (label: string, answered: number, unanswered: number) =>
    `  ${label.padEnd(18)}${String(answered).padStart(9)}${String(unanswered).padStart(12)}`;
  const lines = [
    `Last ${stats.window.days} day${stats.window.days === 1 ? "" : "s"} (${stats.window.from} to ${stats.window.to}, UTC)`,
    `Questions: ${stats.totals.answered} answered, ${stats.totals.unanswered} unanswered (${share}% unanswered)`,
    "",
    `  ${"Channel".padEnd(18)}${"answered".padStart(9)}${"unanswered".padStart(12)}`,
    ...Object.entries(stats.byChannel).map(([channel, counts]) =>
      row(channel, counts.answered, counts.unanswered),
    ),
    "",
    `  ${"Day".padEnd(18)}${"answered".padStart(9)}${"unanswered".padStart(12)}`,
    ...stats.byDay.map((day) => row(day.day, day.answered, day.unanswered)),
    "",
    "Most given answers:",
    ...listOrNone(
      stats.topFaqIds.map((item) => `${String(item.count).padStart(6)}  ${item.faqId}`),
    ),
    "",
    "Unanswered questions, most frequent first:",
    ...listOrNone(
      report.unanswered.map((item) => {
        const closest =
          item.bestCandidate === null
            ? "nothing close"
            : `closest ${item.bestCandidate} at ${item.confidence.toFixed(2)}`;
        return `${String(item.count).padStart(6)}  ${item.question}  (${closest}; last ${item.lastSeen.slice(0, 16).replace("T", " ")})`;
      }),
    ),
    "",
    "Feedback (up / down), whole retention period:",
    ...listOrNone(
      report.feedback.map(
        (item) =>
          `  ${String(item.up).padStart(4)} / ${String(item.down).padEnd(4)}  ${item.faqId}`,
      ),
    ),
  ];
  return lines.join("\n");
}

function listOrNone(lines: string[]): string[] {
  return lines.length > 0 ? lines : ["  (none yet)"];
}
