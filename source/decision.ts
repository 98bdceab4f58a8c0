// The decision for a set of answers, and its JSON form (recommend --json, generate --json). Here,
// not in a command, so that generate, the wizard and audit do not load the recommend command.
import type { Answers } from '../questionnaire/answers-schema.ts';
import { decide } from '../questionnaire/recommend.ts';
import type { Decision } from '../questionnaire/recommend.ts';

export function decisionFor(answers: Answers): Decision {
  return decide(answers.guidance, answers.strategy, answers.roles.length);
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
