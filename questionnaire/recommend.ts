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
  /** The answers that are requirements this design cannot meet; empty when it meets them all. */
  ruledOutBy: QuestionKey[];
}

/** An answer that is a requirement: the designs that cannot meet it, and why. */
export interface Requirement {
  key: QuestionKey;
  answerLabel: string;
  rulesOut: readonly Design[];
  because: string;
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
  /** The guidance is silent on this answer and its weight is the model's judgement. */
  judgement: boolean;
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
  /** What the model advises for these answers: the best-scoring design that meets every requirement. */
  recommended: Design;
  /** Designs that meet every requirement first, each group by score, ties by TIE_BREAK. */
  ranking: RankedDesign[];
  requirements: Requirement[];
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
    const { weights } = weightFor(key, answers);
    for (const d of DESIGNS) total[d] += weights[d];
  }
  return total;
}

/** The answers that are requirements (weights.ts rulesOut), in question order. */
export function requirements(answers: GuidanceAnswers): Requirement[] {
  return QUESTION_KEYS.flatMap((key) => {
    const { rulesOut } = weightFor(key, answers);
    return rulesOut
      ? [{ key, answerLabel: choiceLabel(key, answers[key]), rulesOut: rulesOut.designs, because: rulesOut.because }]
      : [];
  });
}

/**
 * Best first: a design that meets every requirement before any that does not (a requirement is
 * never outweighed), then by score, then by TIE_BREAK.
 */
export function rank(total: Weights, required: readonly Requirement[] = []): RankedDesign[] {
  const order = (r: RankedDesign) => [r.ruledOutBy.length > 0 ? 1 : 0, -r.score, TIE_BREAK.indexOf(r.design)];
  return [...TIE_BREAK]
    .map((design) => ({
      design,
      score: total[design],
      ruledOutBy: required.filter((q) => q.rulesOut.includes(design)).map((q) => q.key),
    }))
    .sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0]! - y[0]! || x[1]! - y[1]! || x[2]! - y[2]!;
    });
}

export function recommendedDesign(answers: GuidanceAnswers): Design {
  return rank(scores(answers), requirements(answers))[0]!.design;
}

function reasonFor(key: QuestionKey, answers: GuidanceAnswers): Reason {
  const value = answers[key];
  const { weights, reason, judgement } = weightFor(key, answers);
  return {
    key,
    question: QUESTIONS[key].prompt,
    answer: value,
    answerLabel: choiceLabel(key, value),
    favours: leaders(weights),
    weights,
    sentence: reason,
    judgement: judgement === true,
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
  const required = requirements(answers);
  const ranking = rank(scores(answers), required);
  const recommended = ranking[0]!.design;
  return {
    recommended,
    ranking,
    requirements: required,
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
