// The decision for a set of answers, whichever way they were filled in: a complete answers file, or
// the wizard's and the workshop's answers so far. And its JSON form (recommend --json, generate --json).
import { defaultGuidance } from './questions.ts';
import type { Design, GuidanceAnswers } from './questions.ts';
import { decide } from './recommend.ts';
import type { Decision } from './recommend.ts';

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
