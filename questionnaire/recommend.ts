// The recommendation: pure functions over the weight table. Nothing here reads or writes anything.
import { DESIGNS, QUESTIONS, QUESTION_KEYS, choiceLabel } from './questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from './questions.ts';
import { TIE_BREAK, leaders, weightFor } from './weights.ts';
import type { Weights } from './weights.ts';
import { tradeOffs } from './trade-offs.ts';
import type { TradeOff } from './trade-offs.ts';

export interface RankedDesign {
  design: Design;
  score: number;
}

export interface Reason {
  key: QuestionKey;
  question: string;
  answer: string | boolean;
  answerLabel: string;
  /** Designs this answer gave the most weight to; empty when it weighed all three alike. */
  favours: Design[];
  weights: Weights;
  sentence: string;
}

export interface WhatIf {
  key: QuestionKey;
  question: string;
  from: string | boolean;
  to: string | boolean;
  toLabel: string;
  strategy: Design;
}

export interface Recommendation {
  /** What the model advises for these answers. */
  recommended: Design;
  ranking: RankedDesign[];
  reasons: Reason[];
  whatIf: WhatIf[];
}

export interface Decision extends Recommendation {
  /** The design the generated files follow: the recommendation unless the user overrode it. */
  strategy: Design;
  overridden: boolean;
  tradeOffs: TradeOff[];
}

export function scores(answers: GuidanceAnswers): Weights {
  const total: Weights = { 'fully-baked': 0, hybrid: 0, jeos: 0 };
  for (const key of QUESTION_KEYS) {
    const { weights } = weightFor(key, answers[key]);
    for (const d of DESIGNS) total[d] += weights[d];
  }
  return total;
}

export function rank(total: Weights): RankedDesign[] {
  return [...TIE_BREAK]
    .map((design) => ({ design, score: total[design] }))
    .sort((a, b) => b.score - a.score || TIE_BREAK.indexOf(a.design) - TIE_BREAK.indexOf(b.design));
}

export function recommendedDesign(answers: GuidanceAnswers): Design {
  return rank(scores(answers))[0]!.design;
}

function reasonFor(key: QuestionKey, answers: GuidanceAnswers): Reason {
  const value = answers[key];
  const { weights, reason } = weightFor(key, value);
  return {
    key,
    question: QUESTIONS[key].prompt,
    answer: value,
    answerLabel: choiceLabel(key, value),
    favours: leaders(weights),
    weights,
    sentence: reason,
  };
}

/** Every single-answer change that would make the model recommend another design. */
export function whatIf(answers: GuidanceAnswers, current: Design = recommendedDesign(answers)): WhatIf[] {
  const flips: WhatIf[] = [];
  for (const key of QUESTION_KEYS) {
    for (const choice of QUESTIONS[key].choices) {
      if (choice.value === answers[key]) continue;
      const changed = { ...answers, [key]: choice.value } as GuidanceAnswers;
      const strategy = recommendedDesign(changed);
      if (strategy !== current) {
        flips.push({
          key,
          question: QUESTIONS[key].prompt,
          from: answers[key],
          to: choice.value,
          toLabel: choice.label,
          strategy,
        });
      }
    }
  }
  return flips;
}

export function recommend(answers: GuidanceAnswers): Recommendation {
  const ranking = rank(scores(answers));
  const recommended = ranking[0]!.design;
  return {
    recommended,
    ranking,
    reasons: QUESTION_KEYS.map((key) => reasonFor(key, answers)),
    whatIf: whatIf(answers, recommended),
  };
}

/** The decision the generators follow. `chosen` is the answers file's `strategy` (auto = the model). */
export function decide(answers: GuidanceAnswers, chosen: Design | 'auto', roleCount: number): Decision {
  const recommendation = recommend(answers);
  const strategy = chosen === 'auto' ? recommendation.recommended : chosen;
  return {
    ...recommendation,
    strategy,
    overridden: strategy !== recommendation.recommended,
    tradeOffs: tradeOffs(answers, roleCount),
  };
}
