// Two teams' answers side by side: which answers differ and how each difference moves the scores.
import { DESIGNS, QUESTIONS, QUESTION_KEYS, choiceLabel } from './questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from './questions.ts';
import { recommend, recommendedDesign, scores } from './recommend.ts';
import type { Recommendation } from './recommend.ts';
import type { Weights } from './weights.ts';

export interface AnswerDifference {
  key: QuestionKey;
  question: string;
  a: string | boolean;
  b: string | boolean;
  aLabel: string;
  bLabel: string;
  /** Score change per design from a's answer to b's. */
  shift: Weights;
  /** What b would be recommended with a's answer to this question alone, when that differs from b's recommendation. */
  withoutIt: Design | undefined;
}

export interface Comparison {
  a: Recommendation;
  b: Recommendation;
  differences: AnswerDifference[];
}

export function compareAnswers(a: GuidanceAnswers, b: GuidanceAnswers): Comparison {
  const differences: AnswerDifference[] = [];
  const bDesign = recommendedDesign(b);
  for (const key of QUESTION_KEYS) {
    if (a[key] === b[key]) continue;
    // What this one difference does to B's scores: B as it is, minus B with A's answer here. One answer's
    // weight can depend on another's (the configurations on the pipeline), so the shift is measured on
    // B's whole scores, not on this question's own weight alone.
    const withA = { ...b, [key]: a[key] } as GuidanceAnswers;
    const [sb, sa] = [scores(b), scores(withA)];
    const shift = Object.fromEntries(DESIGNS.map((d) => [d, sb[d] - sa[d]])) as Weights;
    differences.push({
      key,
      question: QUESTIONS[key].prompt,
      a: a[key],
      b: b[key],
      aLabel: choiceLabel(key, a[key]),
      bLabel: choiceLabel(key, b[key]),
      shift,
      withoutIt: ((design) => (design === bDesign ? undefined : design))(recommendedDesign(withA)),
    });
  }
  return { a: recommend(a), b: recommend(b), differences };
}
