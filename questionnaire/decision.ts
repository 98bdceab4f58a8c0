// The decision for a set of answers, whichever way they were filled in: a complete answers file, or
// the wizard's and the workshop's answers so far; its JSON form (recommend --json, generate --json);
// and the phrases every rendering of it shares (the terminal's, decision.md's).
import { DESIGN_LABELS } from './labels.ts';
import { DESIGNS, defaultGuidance } from './questions.ts';
import type { Design, GuidanceAnswers } from './questions.ts';
import { decide } from './recommend.ts';
import type { Decision, RankedDesign } from './recommend.ts';
import { TIE_BREAK, WEIGHTS } from './weights.ts';

/** What a decision depends on, in the answers file's shape; questions not answered yet may be missing. */
export interface DecisionInput {
  guidance: Partial<GuidanceAnswers>;
  /** 'auto' (or none) follows the model. */
  strategy?: Design | 'auto';
  roles?: readonly unknown[];
}

/** Unanswered questions count as their defaults, and no roles yet as one role. */
export function decisionFor(answers: DecisionInput): Decision {
  return decide({ ...defaultGuidance(), ...answers.guidance }, answers.strategy ?? 'auto', answers.roles?.length ?? 1);
}

/** The designs an answer favours, by name: "Hybrid and JeOS (just enough OS)", or "neutral". */
export function favoursText(designs: readonly Design[]): string {
  return designs.length === 0 ? 'neutral' : designs.map((d) => DESIGN_LABELS[d]).join(' and ');
}

const sum = (values: number[]): number => values.reduce((a, b) => a + b, 0);
const answerWeights = (design: Design, pick: (...n: number[]) => number): number =>
  sum(Object.values(WEIGHTS).map((choices) => pick(...Object.values(choices).map((c) => c.weights[design]))));

/**
 * The lowest and the highest total any design can score: the one scale every score bar is drawn on,
 * so a bar's length means the same for every design and every set of answers (never stretched to
 * the leader), and a negative score has room left of the zero mark.
 */
export const SCORE_RANGE = {
  low: Math.min(0, ...DESIGNS.map((d) => answerWeights(d, Math.min))),
  high: Math.max(1, ...DESIGNS.map((d) => answerWeights(d, Math.max))),
};

/** A score as a bar `width` cells wide on SCORE_RANGE: `fill` cells left of the zero mark `│` when negative, right of it otherwise. */
export function scoreBar(score: number, width: number, fill: string, blank = ' '): string {
  const cells = (n: number): number => Math.round((n / (SCORE_RANGE.high - SCORE_RANGE.low)) * (width - 1));
  const zero = cells(-SCORE_RANGE.low);
  const length = Math.min(score < 0 ? zero : width - 1 - zero, cells(Math.abs(score)));
  return score < 0 ? `${blank.repeat(zero - length)}${fill.repeat(length)}│` : `${blank.repeat(zero)}│${fill.repeat(length)}`;
}

/** How a tie is broken (recommend.ts's TIE_BREAK order), and why. */
const TIE_BREAK_TEXT = `a tie goes to the middle of the spectrum (${DESIGN_LABELS[TIE_BREAK[0]!]}, which can later bake more in or less), then to the simpler deployment`;

/** When the recommended design ties with another: who ties, and why the recommended one wins; undefined when it wins outright. */
export function tieText(ranking: readonly RankedDesign[]): string | undefined {
  const [first, ...rest] = ranking;
  const tied = rest.filter((r) => r.score === first?.score);
  if (!first || tied.length === 0) return undefined;
  const names = [first, ...tied].map((r) => DESIGN_LABELS[r.design]);
  const all = names.length === 2 ? 'both' : 'all';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} ${all} score ${first.score}; ${DESIGN_LABELS[first.design]} is recommended because ${TIE_BREAK_TEXT}.`;
}

export function decisionJson(decision: Decision) {
  return {
    strategy: decision.strategy,
    recommended: decision.recommended,
    overridden: decision.overridden,
    ranking: decision.ranking,
    reasons: decision.reasons.map(({ key, answer, favours, weights, sentence }) => ({ key, answer, favours, weights, reason: sentence })),
    whatIf: decision.whatIf.map(({ key, from, to, strategy }) => ({ key, from, to, strategy })),
    tradeOffs: decision.tradeOffs,
  };
}
