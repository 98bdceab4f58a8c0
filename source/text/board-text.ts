// The what-if board's table: a row per question with the points its answer gives each design (✗
// where the answer rules a design out), and the scores as the columns' sums, so a room sees the
// arithmetic behind every move. Pure; what-if-board.tsx only draws these lines.
import { DESIGNS, QUESTIONS, QUESTION_KEYS } from '../../questionnaire/questions.ts';
import type { Design, QuestionKey } from '../../questionnaire/questions.ts';
import { QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Recommendation } from '../../questionnaire/recommend.ts';

const LABEL_WIDTH = Math.max(...QUESTION_KEYS.map((key) => QUESTION_LABELS[key].length)) + 1;
const ANSWER_WIDTH = Math.max(...QUESTION_KEYS.flatMap((key) => QUESTIONS[key].choices.map((c) => c.label.length)));
/** One column per design, as wide as its short name and a space. */
const CELL_WIDTHS = DESIGNS.map((design) => SHORT_DESIGN_LABELS[design].length + 1);
const CELLS_WIDTH = CELL_WIDTHS.reduce((a, b) => a + b, 0);
// "❯ " before the question, "◀ " and " ▶" around the answer, a space between.
const ROW_MARKS = 7;

/** The columns left of the points: every answer in full at 80 columns, cut with … on a narrower terminal. */
const leftWidth = (width: number): number =>
  Math.min(LABEL_WIDTH + ANSWER_WIDTH + ROW_MARKS, Math.max(LABEL_WIDTH + ROW_MARKS + 4, width - CELLS_WIDTH));

const padOrCut = (text: string, columns: number): string =>
  text.length <= columns ? text.padEnd(columns) : `${text.slice(0, columns - 1)}…`;

const cells = (text: (design: Design) => string): string =>
  DESIGNS.map((design, i) => text(design).padStart(CELL_WIDTHS[i]!)).join('');

const signed = (n: number): string => (n > 0 ? `+${n}` : n < 0 ? `−${-n}` : '·');

/** The column heads over the points: the designs' short names. */
export function boardHeader(width: number): string {
  return `${' '.repeat(leftWidth(width))}${cells((design) => SHORT_DESIGN_LABELS[design])}`;
}

/** A question's row: ❯ and ◀ ▶ mark the row being changed; then its answer's points per design, ✗ for a design it rules out. */
export function boardTableRow(
  key: QuestionKey,
  recommendation: Pick<Recommendation, 'reasons' | 'requirements'>,
  selected: boolean,
  width: number,
): string {
  const reason = recommendation.reasons.find((r) => r.key === key)!;
  const rulesOut = recommendation.requirements.find((q) => q.key === key)?.rulesOut ?? [];
  const answerColumns = leftWidth(width) - LABEL_WIDTH - ROW_MARKS;
  const answer = padOrCut(reason.answerLabel, answerColumns).trimEnd();
  const left = `${selected ? '❯' : ' '} ${QUESTION_LABELS[key].padEnd(LABEL_WIDTH)}${selected ? `◀ ${answer} ▶` : `  ${answer}`}`;
  return `${left.padEnd(leftWidth(width))}${cells((design) => (rulesOut.includes(design) ? '✗' : signed(reason.weights[design])))}`;
}

/** The scores under the rows: each column's sum, ✗ before the score of a design an answer rules out. */
export function boardScoreRow(recommendation: Pick<Recommendation, 'ranking'>, width: number): string {
  const score = (design: Design) => recommendation.ranking.find((r) => r.design === design)!;
  return `${padOrCut('  Score: the sum of each column (✗ ruled out)', leftWidth(width))}${cells((design) => `${score(design).ruledOutBy.length ? '✗ ' : ''}${score(design).score}`)}`;
}
