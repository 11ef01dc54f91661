/**
 * `npm run tune`: searches the confidence's coefficients (`CALIBRATION` in src/search/engine.ts)
 * on the labelled set the engine is tuned on, `tests/fixtures/questions.json`, never on the
 * held-out sets. Each question's candidates and their evidence are read once; a calibration is
 * then tried by recomputing confidences and replaying the engine's decision (the same ranking,
 * threshold and out-of-scope rule), so thousands of calibrations take seconds. It prints the
 * best by one score weighing every quality target. Adopting one is a manual edit of
 * `CALIBRATION`, then `npm run eval` on every set.
 */
import path from "node:path";
import { loadKnowledgeBase } from "../faq/loader.js";
import { kindOf, loadQuestionSet } from "../quality/evaluate.js";
import {
  AnswerEngine,
  CALIBRATION,
  type Calibration,
  type Candidate,
  calibrated,
  ENGINE_DEFAULTS,
  rankOf,
} from "../search/engine.js";
import { runCli } from "./run.js";

/** The calibration's parts that change the evidence itself: each combination reads it afresh. */
type EvidenceSettings = Pick<Calibration, "commonUnknownWeight" | "phrasingFloor">;
const EVIDENCE_SETTINGS: Readonly<Record<keyof EvidenceSettings, readonly number[]>> = {
  commonUnknownWeight: [0.25, 0.5, 0.75, 1],
  phrasingFloor: [0, 1, 2, 3, 4, 5, 6],
};

/** The logistic function's coefficients: tried on evidence read once (coordinate descent). */
type Coefficients = Omit<Calibration, keyof EvidenceSettings>;
const STEPS: Readonly<Record<keyof Coefficients, readonly number[]>> = {
  intercept: range(-10, -2, 0.25),
  phrasingCoverage: range(0, 8, 0.25),
  evidence: range(0, 2.5, 0.1),
  bothCoverages: range(0, 8, 0.25),
  queryCoverage: range(0, 8, 0.25),
  rareUnknown: range(-10, 0, 0.25),
  exactPhrasing: range(0, 6, 0.25),
};
const ROUNDS = 6;

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let v = from; v <= to + 1e-9; v += step) values.push(Math.round(v * 100) / 100);
  return values;
}

interface Measured {
  readonly top1: number;
  readonly top3: number;
  readonly offTopic: number;
  readonly nearDomain: number;
  readonly unanswerableAnswered: number;
}

/**
 * One number to rank calibrations by: right answers (top-1, then top-3), among calibrations that
 * meet the rejection targets; each point short of a target costs more than a right answer gains.
 */
function score(m: Measured): number {
  const shortfall =
    Math.max(0, TARGETS.top1 - m.top1) +
    Math.max(0, TARGETS.offTopic - m.offTopic) +
    Math.max(0, TARGETS.nearDomain - m.nearDomain) +
    Math.max(0, m.unanswerableAnswered - TARGETS.unanswerableAnswered);
  return 2 * m.top1 + m.top3 - 4 * shortfall;
}

/** The targets of the answer quality (see README, "Answer quality"). */
const TARGETS = { top1: 0.95, offTopic: 1, nearDomain: 0.9, unanswerableAnswered: 0.1 } as const;

const { threshold, relatedThreshold, maxRelated } = ENGINE_DEFAULTS;

await runCli(async () => {
  const knowledgeBase = await loadKnowledgeBase(process.env.FAQ_DIR ?? "faq");
  const relatedOf = new Map(knowledgeBase.entries.map((e) => [e.id, e.related]));
  const questions = await loadQuestionSet(path.join("tests", "fixtures", "questions.json"));
  let read: { kind: string; expected: string | null; candidates: Candidate[] }[] = [];
  const readWith = (settings: EvidenceSettings) => {
    const engine = AnswerEngine.build(knowledgeBase, {
      cacheSize: 0,
      rankingCacheSize: 0,
      calibration: { ...CALIBRATION, ...settings },
    });
    read = questions.map((question) => ({
      kind: kindOf(question),
      expected: question.expected,
      candidates: engine.candidates(question.q),
    }));
  };

  /** The engine's decision under a calibration: the answer (or null) and its related list. */
  const decide = (c: Calibration, candidates: readonly Candidate[]) => {
    let topicRank = -Infinity;
    let topicConfidence = 0;
    const entries: { id: string; confidence: number; rank: number }[] = [];
    for (const candidate of candidates) {
      const confidence = calibrated(c, candidate.evidence);
      const topic = candidate.id.startsWith("out-of-scope:");
      const rank = rankOf(
        confidence,
        candidate.relativeScore,
        topic && candidate.evidence.exactPhrasing === 1,
      );
      if (topic) {
        if (rank > topicRank) {
          topicRank = rank;
          topicConfidence = confidence;
        }
      } else entries.push({ id: candidate.id, confidence, rank });
    }
    entries.sort((a, b) => b.rank - a.rank);
    const best = entries[0];
    if (topicConfidence >= threshold && (best === undefined || topicRank >= best.rank))
      return { answer: null, list: [] as string[] };
    if (best === undefined || best.confidence < threshold)
      return { answer: null, list: [] as string[] };
    const list = [best.id];
    for (const other of entries.slice(1))
      if (other.confidence >= relatedThreshold && list.length <= maxRelated) list.push(other.id);
    for (const id of relatedOf.get(best.id) ?? []) {
      if (list.length > maxRelated) break;
      if (!list.includes(id)) list.push(id);
    }
    return { answer: best.id, list };
  };

  const measure = (c: Calibration): Measured => {
    const n = {
      answerable: 0,
      top1: 0,
      top3: 0,
      off: 0,
      offOk: 0,
      near: 0,
      nearOk: 0,
      un: 0,
      unAns: 0,
    };
    for (const { kind, expected, candidates } of read) {
      const { answer, list } = decide(c, candidates);
      if (kind === "answerable" && expected !== null) {
        n.answerable++;
        if (answer === expected) n.top1++;
        const position = list.indexOf(expected);
        if (position >= 0 && position < 3) n.top3++;
      } else if (kind === "unanswerable") {
        n.un++;
        if (answer !== null) n.unAns++;
      } else if (kind === "near-domain") {
        n.near++;
        if (answer === null) n.nearOk++;
      } else {
        n.off++;
        if (answer === null) n.offOk++;
      }
    }
    const share = (a: number, b: number) => (b === 0 ? 0 : a / b);
    return {
      top1: share(n.top1, n.answerable),
      top3: share(n.top3, n.answerable),
      offTopic: n.off === 0 ? 1 : share(n.offOk, n.off),
      nearDomain: n.near === 0 ? 1 : share(n.nearOk, n.near),
      unanswerableAnswered: share(n.unAns, n.un),
    };
  };

  const pct = (x: number) => `${(x * 100).toFixed(1)}%`.padStart(7);
  const show = (label: string, c: Calibration) => {
    const m = measure(c);
    console.log(
      `${label.padEnd(8)} ${JSON.stringify(c)}\n         score ${score(m).toFixed(3)}  top-1${pct(m.top1)} top-3${pct(m.top3)}` +
        ` off-topic${pct(m.offTopic)} near-domain${pct(m.nearDomain)} unanswerable answered${pct(m.unanswerableAnswered)}`,
    );
  };

  readWith(CALIBRATION);
  show("current", { ...CALIBRATION });
  let best: Calibration = { ...CALIBRATION };
  let bestScore = -Infinity;
  for (const commonUnknownWeight of EVIDENCE_SETTINGS.commonUnknownWeight)
    for (const phrasingFloor of EVIDENCE_SETTINGS.phrasingFloor) {
      readWith({ commonUnknownWeight, phrasingFloor });
      let local: Calibration = { ...best, commonUnknownWeight, phrasingFloor };
      let localScore = score(measure(local));
      for (let round = 0; round < ROUNDS; round++)
        for (const name of Object.keys(STEPS) as (keyof Coefficients)[])
          for (const value of STEPS[name]) {
            const trial = { ...local, [name]: value };
            const trialScore = score(measure(trial));
            if (trialScore > localScore + 1e-9) {
              local = trial;
              localScore = trialScore;
            }
          }
      if (localScore > bestScore) {
        best = local;
        bestScore = localScore;
      }
    }
  readWith(best);
  show("best", best);
});
