import { readFile } from "node:fs/promises";
import MiniSearch from "minisearch";
import { z } from "zod";
import type { FaqEntry } from "../faq/types.js";
import type { AnswerService } from "../answering/service.js";
import type { AnswerEngine } from "../search/engine.js";
import type { Language } from "../text/languages.js";

/**
 * Why a question has no right entry: `off-topic` is not about WhatsApp, `near-domain` is about
 * WhatsApp but not privacy or security, `unanswerable` is a privacy question no entry answers.
 */
export type QuestionKind = "answerable" | "off-topic" | "near-domain" | "unanswerable";

/** One labelled question: `expected` is an entry id, or null when no answer is right. */
export interface LabelledQuestion {
  readonly q: string;
  readonly expected: string | null;
  readonly kind?: QuestionKind;
}

/** What a system under evaluation returns: its answer id (or null) and its related ids. */
export interface Ranking {
  readonly answer: string | null;
  readonly related: readonly string[];
  /** The language the question was read in, where the system decides one. */
  readonly readIn?: Language;
  /** The language of the answer's text, where there is an answer and the system says. */
  readonly answeredIn?: Language;
}

export type Ranker = (question: string) => Ranking;

export interface Miss {
  readonly question: string;
  readonly expected: string | null;
  readonly got: string | null;
}

export interface QualityReport {
  readonly answerable: number;
  /** Questions with no right entry, by why (see {@link QuestionKind}). */
  readonly offTopic: number;
  readonly nearDomain: number;
  readonly unanswerable: number;
  /** Share of answerable questions whose answer is the expected entry. */
  readonly top1: number;
  /** Share of answerable questions with the expected entry in answer + first two related. */
  readonly top3: number;
  /** Mean reciprocal rank of the expected entry over answer + related. */
  readonly mrr: number;
  /** Share of off-topic questions answered with null. */
  readonly rejection: number;
  /** Share of near-domain questions (WhatsApp, not privacy) answered with null. */
  readonly nearDomainRejection: number;
  /** Share of unanswerable privacy questions that got an answer anyway (lower is better). */
  readonly unanswerableAnswered: number;
  /** Share of off-topic and near-domain questions together answered with null. */
  readonly outOfScopeRejection: number;
  /** Share of all questions read in the expected language (when one is expected). */
  readonly languageDetected: number;
  /** Share of answered questions whose answer is in the expected language (when one is expected). */
  readonly answeredInLanguage: number;
  readonly perCategory: ReadonlyMap<string, { total: number; top1: number }>;
  readonly misses: readonly Miss[];
}

const questionSetSchema = z.array(
  z.strictObject({
    q: z.string().min(1),
    expected: z.string().nullable(),
    kind: z.enum(["answerable", "off-topic", "near-domain", "unanswerable"]).optional(),
  }),
);

export async function loadQuestionSet(file: string): Promise<LabelledQuestion[]> {
  return questionSetSchema.parse(JSON.parse(await readFile(file, "utf8")));
}

/** A question's kind: as labelled, else answerable when it expects an entry, off-topic if not. */
export function kindOf(question: LabelledQuestion): QuestionKind {
  return question.kind ?? (question.expected === null ? "off-topic" : "answerable");
}

/**
 * Runs every question through `rank` and scores the results. With `language`, the questions are
 * in that language, and the report also says how often it was recognised and answered in.
 */
export function evaluate(
  rank: Ranker,
  questions: readonly LabelledQuestion[],
  entries: readonly FaqEntry[],
  language?: Language,
): QualityReport {
  const categoryOf = new Map(entries.map((e) => [e.id, e.category]));
  const perCategory = new Map<string, { total: number; top1: number }>();
  const misses: Miss[] = [];
  const asked = { "off-topic": 0, "near-domain": 0, unanswerable: 0 };
  const answeredAnyway = { "off-topic": 0, "near-domain": 0, unanswerable: 0 };
  let answerable = 0;
  let top1 = 0;
  let top3 = 0;
  let reciprocal = 0;
  let detected = 0;
  let answered = 0;
  let inLanguage = 0;
  for (const question of questions) {
    const { q, expected } = question;
    const kind = kindOf(question);
    const ranking = rank(q);
    if (ranking.readIn === language) detected++;
    if (ranking.answer !== null) {
      answered++;
      if (ranking.answeredIn === language) inLanguage++;
    }
    if (kind !== "answerable" || expected === null) {
      const noAnswerKind = kind === "answerable" ? "off-topic" : kind;
      asked[noAnswerKind]++;
      if (ranking.answer !== null) {
        answeredAnyway[noAnswerKind]++;
        misses.push({ question: q, expected: null, got: ranking.answer });
      }
      continue;
    }
    answerable++;
    const list = ranking.answer === null ? [] : [ranking.answer, ...ranking.related];
    const position = list.indexOf(expected);
    const category = categoryOf.get(expected) ?? "unknown";
    const stats = perCategory.get(category) ?? { total: 0, top1: 0 };
    stats.total++;
    perCategory.set(category, stats);
    if (position === 0) {
      top1++;
      stats.top1++;
    } else misses.push({ question: q, expected, got: ranking.answer });
    if (position >= 0 && position < 3) top3++;
    if (position >= 0) reciprocal += 1 / (position + 1);
  }
  const share = (part: number, whole: number) => (whole === 0 ? 0 : part / whole);
  return {
    answerable,
    offTopic: asked["off-topic"],
    nearDomain: asked["near-domain"],
    unanswerable: asked.unanswerable,
    top1: share(top1, answerable),
    top3: share(top3, answerable),
    mrr: share(reciprocal, answerable),
    rejection: 1 - share(answeredAnyway["off-topic"], asked["off-topic"]),
    nearDomainRejection: 1 - share(answeredAnyway["near-domain"], asked["near-domain"]),
    unanswerableAnswered: share(answeredAnyway.unanswerable, asked.unanswerable),
    outOfScopeRejection:
      1 -
      share(
        answeredAnyway["off-topic"] + answeredAnyway["near-domain"],
        asked["off-topic"] + asked["near-domain"],
      ),
    languageDetected: share(detected, questions.length),
    answeredInLanguage: share(inLanguage, answered),
    perCategory,
    misses,
  };
}

/** The product's engine as a ranker. */
export function engineRanker(engine: AnswerEngine): Ranker {
  return (question) => {
    const { answer, related } = engine.ask(question);
    return { answer: answer?.entry.id ?? null, related: related.map((m) => m.entry.id) };
  };
}

/**
 * The answering service every channel uses, as a ranker: it decides the question's language from
 * the text (and `hints`, none by default, as on a bare `/ask`) and answers in it.
 */
export function serviceRanker(service: AnswerService, hints = {}): Ranker {
  return (question) => {
    const reply = service.ask(question, hints);
    return {
      answer: reply.answer?.entry.id ?? null,
      related: reply.related.map((m) => m.entry.id),
      readIn: reply.decision.query,
      answeredIn: reply.answer?.language,
    };
  };
}

/**
 * The baseline: a plain MiniSearch with default options over question and answer text, as one
 * would set it up first. Its best hit is its answer; it has no notion of "no answer" beyond
 * finding no hit at all.
 */
export function baselineRanker(entries: readonly FaqEntry[]): Ranker {
  const index = new MiniSearch<FaqEntry>({ fields: ["question", "answer"] });
  index.addAll(entries);
  return (question) => {
    const ids = index.search(question).map((r) => r.id as string);
    return { answer: ids[0] ?? null, related: ids.slice(1, 3) };
  };
}
