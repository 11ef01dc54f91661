/**
 * A knowledge base for end-to-end tests: the project's real `faq/` plus one valid entry whose
 * Telegram rendering is just under one message (many long source links). The loader accepts
 * it, but the deep-link reply (a one-line hint, then the answer) is longer than 4096
 * characters, so the real process has to split it.
 */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { FaqEntry } from "../../src/faq/types.js";
import { formatEntryForTelegram } from "../../src/render/answer.js";
import { TELEGRAM_MESSAGE_LIMIT } from "../../src/render/telegram-html.js";

export const LONG_ENTRY_ID = "archived-source-links";

const FAQ_DIR = fileURLToPath(new URL("../../faq", import.meta.url));

const ANSWER = [
  "This entry exists for the end-to-end tests of the Telegram bot. It keeps the list of archived pages that earlier answers were checked against, so that a reader can follow every claim back to a copy of the page as it was on the day of the review.",
  "Archived copies matter because policy pages change without notice: the wording quoted in an answer may no longer be on the live page a few months later.",
  "Each link below points to one archived copy. None of them needs to be opened to use the bot; they only make the answer long.",
].join("\n\n");

function longEntry(): FaqEntry {
  const base: FaqEntry = {
    id: LONG_ENTRY_ID,
    question: "Where are the archived copies of the pages behind the answers?",
    short: "Archived source pages",
    alternates: [
      "archived copies of source pages",
      "archive of the pages the answers cite",
      "old versions of the cited pages",
      "snapshots of the source pages",
      "where can I see the archived sources",
      "list of archived source links",
      "web archive copies of the sources",
      "wayback machine links for the answers",
    ],
    category: "about",
    tags: ["archive"],
    related: [],
    sources: [],
    reviewed: "2026-01-01",
    answer: ANSWER,
  };
  // Add long source links while there is ample room, then pad one last link so the rendering
  // lands exactly on the target length (each extra URL character adds one rendered character).
  const target = TELEGRAM_MESSAGE_LIMIT - 20;
  const rendered = (sources: string[]) => formatEntryForTelegram({ ...base, sources }).length;
  const sources: string[] = [];
  for (let i = 0; ; i += 1) {
    const url = `https://archive.example.org/snapshots/2026/whatsapp-privacy/page-${i}?${"ref=faq-bot-end-to-end-tests&".repeat(6)}v=${i}`;
    if (rendered([...sources, url]) + 200 > target) break;
    sources.push(url);
  }
  const last = "https://archive.example.org/last?p=";
  sources.push(last + "y".repeat(target - rendered([...sources, last])));
  if (rendered(sources) !== target)
    throw new Error(`fixture entry renders to ${rendered(sources)}, not ${target}`);
  return { ...base, sources };
}

function toMarkdownFile(entry: FaqEntry): string {
  const list = (values: readonly string[]) => values.map((v) => `  - "${v}"`).join("\n");
  return [
    "---",
    `id: ${entry.id}`,
    `question: "${entry.question}"`,
    `short: "${entry.short}"`,
    "alternates:",
    list(entry.alternates),
    `category: ${entry.category}`,
    `tags: [${entry.tags.join(", ")}]`,
    "related: []",
    "sources:",
    list(entry.sources),
    `reviewed: ${entry.reviewed}`,
    "---",
    entry.answer,
    "",
  ].join("\n");
}

/** A temporary FAQ folder (real entries + the long one); `cleanup` removes it. */
export async function createLongAnswerFaqDir(): Promise<{
  dir: string;
  entry: FaqEntry;
  cleanup: () => Promise<void>;
}> {
  const dir = await mkdtemp(path.join(tmpdir(), "faq-e2e-"));
  await cp(FAQ_DIR, dir, { recursive: true });
  const entry = longEntry();
  await writeFile(path.join(dir, `${entry.id}.md`), toMarkdownFile(entry));
  return { dir, entry, cleanup: () => rm(dir, { recursive: true, force: true }) };
}
