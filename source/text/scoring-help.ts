// How the recommendation is scored, for the screens that show scores: the notes under the bars
// (a tie, a ruled-out design with more points, the scale in a line), and the help `?` opens on the
// recommendation screen (points, the scale, requirements, the tie-break). The sentences are questionnaire/decision.ts's, so the screens say what `recommend`
// and decision.md say.
import {
  SCALE_TEXT,
  SCORE_RANGE,
  TIE_BREAK_RULE,
  outscoredTexts,
  requirementAnswers,
  tieWinnerText,
} from '../../questionnaire/decision.ts';
import { DESIGN_LABELS, QUESTION_LABELS } from '../../questionnaire/labels.ts';
import type { Recommendation } from '../../questionnaire/recommend.ts';
import { wrap, wrapText } from './wrap.ts';

/** The scale in one line, under the bars: what a score is and the range every bar is drawn on. */
export const SCALE_NOTE = `Score = the sum of each answer's points; every bar is on one scale, ${SCORE_RANGE.low} to ${SCORE_RANGE.high}.`;

const POINTS_TEXT =
  'Points: "+2 Hybrid, +1 Fully baked" beside an answer adds 2 to Hybrid\'s score and 1 to Fully baked\'s; ' +
  "a design it does not name gets 0. An answer marked as the model's judgement gives points the guidance does not state.";

const BARS_TEXT =
  "Bars: │ marks zero; a negative score draws left of it. A bar's length means the same for every design and every set of answers.";

/** "Recovery time "Within a few minutes" rules out JeOS (just enough OS)", for each answer that can be a requirement. */
function requirementAnswerTexts(): string[] {
  return requirementAnswers().map(
    (r) =>
      `${QUESTION_LABELS[r.key]} "${r.answerLabel}" rules out ${r.rulesOut.map((d) => DESIGN_LABELS[d]).join(' and ')}.`,
  );
}

/** The help the recommendation screen's `?` shows, `width` columns wide; DetailTabs pages it. */
export function scoringHelpLines(width: number): string[] {
  // A paragraph's later lines are indented, so a page (pages.ts) starts with a paragraph.
  const para = (text: string) => wrap(text, '', '  ', width);
  return [
    ...para(SCALE_TEXT),
    ...para(POINTS_TEXT),
    ...para(BARS_TEXT),
    ...para(
      'Requirements: a design marked "ruled out" cannot meet one of the answers, and is never recommended, whatever its score:',
    ),
    ...requirementAnswerTexts().flatMap((text) => wrap(text, '  • ', '    ', width)),
    ...para(`Ties: ${TIE_BREAK_RULE}`),
  ];
}

/**
 * The lines under the recommendation screen's bars: a tie and why its winner wins it, a design with
 * more points that is ruled out and why, and the scale.
 */
export function scoreNoteLines(
  recommendation: Pick<Recommendation, 'ranking' | 'requirements'>,
  width: number,
): string[] {
  const tie = tieWinnerText(recommendation.ranking);
  return [
    ...(tie ? wrapText(tie, width) : []),
    ...outscoredTexts(recommendation.ranking, recommendation.requirements).flatMap((text) => wrapText(text, width)),
    ...wrapText(SCALE_NOTE, width),
  ];
}
