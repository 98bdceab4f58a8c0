// The decision for a set of answers, whichever way they were filled in: a complete answers file, or
// the wizard's and the workshop's answers so far; its JSON form (recommend --json, generate --json);
// and the phrases every rendering of it shares (the terminal's, decision.md's).
import { DESIGN_LABELS, QUESTION_LABELS, SHORT_DESIGN_LABELS } from './labels.ts';
import { DESIGNS, QUESTIONS, QUESTION_KEYS, defaultGuidance } from './questions.ts';
import type { Design, GuidanceAnswers, QuestionKey } from './questions.ts';
import { decide } from './recommend.ts';
import type { Decision, RankedDesign, Requirement } from './recommend.ts';
import { TIE_BREAK, WEIGHTS, weightVariants } from './weights.ts';
import type { Weights } from './weights.ts';

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
  sum(QUESTION_KEYS.map((key) => pick(...weightVariants(key).map((c) => c.weights[design]))));

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
  return score < 0
    ? `${blank.repeat(zero - length)}${fill.repeat(length)}│`
    : `${blank.repeat(zero)}│${fill.repeat(length)}`;
}

/** An answer's points, largest first, zeros left out: "+2 Hybrid, +1 Fully baked", or "no points" when all are zero. */
export function pointsText(weights: Weights): string {
  const given = DESIGNS.filter((d) => weights[d] !== 0).sort(
    (a, b) => weights[b] - weights[a] || DESIGNS.indexOf(a) - DESIGNS.indexOf(b),
  );
  return given.length === 0
    ? 'no points'
    : given.map((d) => `${weights[d] > 0 ? '+' : '−'}${Math.abs(weights[d])} ${SHORT_DESIGN_LABELS[d]}`).join(', ');
}

/** The scale, said once wherever scores are shown. */
export const SCALE_TEXT =
  `Each answer gives each design points (shown with the answer); a design's score is their sum, between ${SCORE_RANGE.low} and ${SCORE_RANGE.high}. ` +
  'An answer that is a requirement rules out the designs that cannot meet it, whatever they score. ' +
  'The recommendation is the highest score among the designs that meet every requirement.';

/** "Latest at launch: Yes, always the latest rules out Fully baked: <because>" */
export function requirementText(requirement: Requirement): string {
  return `"${requirement.answerLabel}" rules out ${requirement.rulesOut.map((d) => DESIGN_LABELS[d]).join(' and ')}. ${requirement.because}`;
}

/** An answer that is a requirement whatever the other answers are, and the designs it rules out. */
export interface RequirementAnswer {
  key: QuestionKey;
  answerLabel: string;
  rulesOut: readonly Design[];
}

/** Every answer that can be a requirement (weights.ts rulesOut), in question order: for the help that explains requirements. */
export function requirementAnswers(): RequirementAnswer[] {
  return QUESTION_KEYS.flatMap((key) =>
    QUESTIONS[key].choices.flatMap((choice) => {
      const entry = WEIGHTS[key][String(choice.value)];
      const rulesOut = entry?.rulesOut ?? entry?.withPipeline?.rulesOut;
      return rulesOut ? [{ key, answerLabel: choice.label, rulesOut: rulesOut.designs }] : [];
    }),
  );
}

/** "(the model's judgement; the guidance is silent here)" after a reason whose weight the guidance does not give. */
export const JUDGEMENT_NOTE = "(The model's judgement: the guidance is silent here.)";

/** Why a design wins a tie with those after it in TIE_BREAK, by its place there (the last wins none). */
const TIE_WINS = [
  'the middle of the spectrum, which can later bake more in or less',
  'the simpler deployment',
] as const;

/** Why TIE_BREAK orders the designs as it does; the model's own judgement, and said to be. */
const TIE_BREAK_TEXT =
  `a tie goes to ${DESIGN_LABELS[TIE_BREAK[0]!]}, ${TIE_WINS[0]}, ` +
  `then to ${DESIGN_LABELS[TIE_BREAK[1]!]}, ${TIE_WINS[1]} (the model's judgement: the guidance gives no order)`;

/** How every tie is broken, said once where the scoring is explained (the recommendation screen's `?`). */
export const TIE_BREAK_RULE = `When designs that meet every requirement score the same, ${TIE_BREAK_TEXT}.`;

/**
 * A tie at the top in a sentence that argues for the design that wins it and for no other:
 * "Hybrid and Fully baked both score 9; Hybrid wins the tie as the middle of the spectrum, which can
 * later bake more in or less (the model's judgement)." Short names, for screens with few rows;
 * undefined when the recommended design wins outright.
 */
export function tieWinnerText(ranking: readonly RankedDesign[]): string | undefined {
  const [first, ...rest] = ranking;
  const tied = rest.filter((r) => r.score === first?.score && r.ruledOutBy.length === 0);
  if (!first || first.ruledOutBy.length > 0 || tied.length === 0) return undefined;
  const names = [first, ...tied].map((r) => SHORT_DESIGN_LABELS[r.design]);
  const all = names.length === 2 ? 'both' : 'all';
  // The winner is the first of the tied designs in TIE_BREAK, so its place says why it wins.
  const why = TIE_WINS[TIE_BREAK.indexOf(first.design)];
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} ${all} score ${first.score}; ${SHORT_DESIGN_LABELS[first.design]} wins the tie as ${why} (the model's judgement).`;
}

/** When the recommended design ties with another that meets every requirement: who ties, and why the recommended one wins; undefined when it wins outright. */
export function tieText(ranking: readonly RankedDesign[]): string | undefined {
  const [first, ...rest] = ranking;
  const tied = rest.filter((r) => r.score === first?.score && r.ruledOutBy.length === 0);
  if (!first || first.ruledOutBy.length > 0 || tied.length === 0) return undefined;
  const names = [first, ...tied].map((r) => DESIGN_LABELS[r.design]);
  const all = names.length === 2 ? 'both' : 'all';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)} ${all} score ${first.score}; ${DESIGN_LABELS[first.design]} is recommended because ${TIE_BREAK_TEXT}.`;
}

/**
 * What rules `design` out in these answers: "cannot meet the latest at launch answer"; undefined when it
 * meets every requirement. Said of a ruled-out design with more points, and of a chosen one (an override).
 */
export function unmetText(
  design: Design,
  ranking: readonly RankedDesign[],
  required: readonly Requirement[],
): string | undefined {
  const ruledOutBy = ranking.find((r) => r.design === design)?.ruledOutBy ?? [];
  const by = required.filter((q) => ruledOutBy.includes(q.key)).map((q) => QUESTION_LABELS[q.key].toLowerCase());
  return by.length ? `cannot meet the ${by.join(' and ')} answer${by.length > 1 ? 's' : ''}` : undefined;
}

/** A design that scores above the recommendation but is ruled out: why it is not recommended. */
export function outscoredTexts(ranking: readonly RankedDesign[], required: readonly Requirement[]): string[] {
  const recommended = ranking.find((r) => r.ruledOutBy.length === 0);
  if (!recommended) return [];
  return ranking
    .filter((r) => r.ruledOutBy.length > 0 && r.score > recommended.score)
    .map(
      (r) =>
        `${DESIGN_LABELS[r.design]} has more points (${r.score}) but is not recommended: it ${unmetText(r.design, ranking, required)}.`,
    );
}

export function decisionJson(decision: Decision) {
  return {
    strategy: decision.strategy,
    recommended: decision.recommended,
    overridden: decision.overridden,
    ranking: decision.ranking,
    requirements: decision.requirements.map(({ key, rulesOut, because }) => ({ key, rulesOut, because })),
    reasons: decision.reasons.map(({ key, answer, favours, weights, sentence, judgement }) => ({
      key,
      answer,
      favours,
      weights,
      reason: sentence,
      judgement,
    })),
    whatIf: decision.whatIf.map(({ key, from, to, strategy }) => ({ key, from, to, strategy })),
    tradeOffs: decision.tradeOffs,
  };
}
