// The decision for a set of answers, whichever way they were filled in: a complete answers file, or
// the wizard's and the workshop's answers so far; its JSON form (recommend --json, generate --json);
// and the phrases every rendering of it shares (the terminal's, decision.md's).
import { DESIGN_LABELS } from './labels.ts';
import { defaultGuidance } from './questions.ts';
import type { Design, GuidanceAnswers } from './questions.ts';
import { decide } from './recommend.ts';
import type { Decision, RankedDesign } from './recommend.ts';

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

/** The length of a score's bar when the best score of the ranking fills `width`. */
export function barLength(score: number, ranking: readonly RankedDesign[], width: number): number {
  const top = Math.max(1, ...ranking.map((r) => r.score));
  return Math.max(0, Math.round((score / top) * width));
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
