// A decision in words, for the terminal: the Design line, the score bars, the reasons, what would
// change it, the trade-offs, the launch path and the next steps. `recommend`, `generate`, the
// workshop and every screen of the wizard word a decision through this module, so the same answers
// read the same everywhere; decision.md (generators/docs.ts) takes the same phrases from
// questionnaire/decision.ts and says them in Markdown.
import { join } from 'node:path';
import { shWord } from '../../generators/escape.ts';
import {
  JUDGEMENT_NOTE,
  SCALE_TEXT,
  outscoredTexts,
  pointsText,
  requirementText,
  scoreBar,
  tieText,
  unmetText,
} from '../../questionnaire/decision.ts';
import { BUILDER_LABELS, DESIGN_LABELS, QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import type { Builder } from '../../questionnaire/answer-values.ts';
import { DESIGNS, choiceLabel } from '../../questionnaire/questions.ts';
import type { Design, QuestionKey } from '../../questionnaire/questions.ts';
import type { Decision, RankedDesign, Recommendation } from '../../questionnaire/recommend.ts';
import type { TradeOff } from '../../questionnaire/trade-offs.ts';
import { wrap, wrapText } from './wrap.ts';

/**
 * `Design: Hybrid (recommended)`, or `Design: JeOS (just enough OS) (overridden; the model advises Hybrid)`;
 * a chosen design the answers rule out says what it cannot meet.
 */
export function designLine(
  decision: Pick<Decision, 'strategy' | 'recommended' | 'overridden' | 'ranking' | 'requirements'>,
): string {
  const unmet = unmetText(decision.strategy, decision.ranking, decision.requirements);
  const why = decision.overridden
    ? `overridden${unmet ? `, though it ${unmet}` : ''}; the model advises ${DESIGN_LABELS[decision.recommended]}`
    : 'recommended';
  return `Design: ${DESIGN_LABELS[decision.strategy]} (${why})`;
}

/** The headline of a recommendation not yet accepted: `Recommended: Hybrid`. */
export function recommendedLine(recommendation: Pick<Recommendation, 'recommended'>): string {
  return `Recommended: ${DESIGN_LABELS[recommendation.recommended]}`;
}

export interface ScoreBar {
  design: Design;
  text: string;
}

/**
 * One line per design, best first: name, score and a bar on the one fixed scale of
 * questionnaire/decision.ts (negative scores left of the zero mark), `width` columns at most.
 */
export function scoreBars(ranking: readonly RankedDesign[], width: number): ScoreBar[] {
  // Room for " ruled out" after the bar.
  const barWidth = Math.max(8, Math.min(40, width - 28));
  return ranking.map((r) => ({
    design: r.design,
    text: `${SHORT_DESIGN_LABELS[r.design].padEnd(12)} ${String(r.score).padStart(3)} ${scoreBar(r.score, barWidth, '█')}${r.ruledOutBy.length ? ' ruled out' : ''}`.trimEnd(),
  }));
}

/** Why the recommended design wins a tie at the top, wrapped to `width`; no lines when it wins outright. */
export function tieLines(ranking: readonly RankedDesign[], width: number): string[] {
  const text = tieText(ranking);
  return text ? wrapText(text, width) : [];
}

/** Each answer, its points and why: `Recovery time: Within tens of minutes (+1 Fully baked, +1 Hybrid). <reason>` */
export function reasonTexts(recommendation: Pick<Recommendation, 'reasons'>): string[] {
  return recommendation.reasons.map(
    (r) =>
      `${QUESTION_LABELS[r.key]}: ${r.answerLabel} (${pointsText(r.weights)}). ${r.sentence}${r.judgement ? ` ${JUDGEMENT_NOTE}` : ''}`,
  );
}

/** The answers that are requirements, what each rules out and why; then any ruled-out design that has more points. */
export function requirementTexts(recommendation: Pick<Recommendation, 'requirements' | 'ranking'>): string[] {
  return [
    ...recommendation.requirements.map((q) => `${QUESTION_LABELS[q.key]}: ${requirementText(q)}`),
    ...outscoredTexts(recommendation.ranking, recommendation.requirements),
  ];
}

export function requirementLines(
  recommendation: Pick<Recommendation, 'requirements' | 'ranking'>,
  width: number,
  bullet = '• ',
): string[] {
  return bulleted(requirementTexts(recommendation), bullet, width);
}

const NO_REQUIREMENT = 'No answer here is a requirement: no design is ruled out, and the highest score is recommended.';

/** The answers that are requirements, one bullet each (the recommendation screen's Requirements tab), or a line saying there are none. */
export function requirementAnswerLines(
  recommendation: Pick<Recommendation, 'requirements'>,
  width: number,
  bullet = '• ',
): string[] {
  const texts = recommendation.requirements.map((q) => `${QUESTION_LABELS[q.key]}: ${requirementText(q)}`);
  return texts.length === 0 ? wrapText(NO_REQUIREMENT, width) : bulleted(texts, bullet, width);
}

/** How the scores work, said once under the bars. */
export function scaleLines(width: number): string[] {
  return wrapText(SCALE_TEXT, width);
}

const NO_SINGLE_CHANGE = 'No single changed answer would change the recommendation.';

/** Each single changed answer that would recommend another design; none, when no such answer exists. */
export function whatIfTexts(recommendation: Pick<Recommendation, 'whatIf'>): string[] {
  return recommendation.whatIf.map(
    (w) => `${QUESTION_LABELS[w.key]}: ${w.toLabel} would recommend ${DESIGN_LABELS[w.strategy]}`,
  );
}

const bulleted = (texts: readonly string[], bullet: string, width: number): string[] =>
  texts.flatMap((text) => wrap(text, bullet, ' '.repeat(bullet.length), width));

export function reasonLines(recommendation: Pick<Recommendation, 'reasons'>, width: number, bullet = '• '): string[] {
  return bulleted(reasonTexts(recommendation), bullet, width);
}

export function whatIfLines(recommendation: Pick<Recommendation, 'whatIf'>, width: number, bullet = '• '): string[] {
  const texts = whatIfTexts(recommendation);
  return texts.length === 0 ? wrapText(NO_SINGLE_CHANGE, width) : bulleted(texts, bullet, width);
}

const TRADE_OFF_ROWS: [string, (t: TradeOff) => string][] = [
  ['Launch', (t) => t.launchSpeed],
  ['Images to keep', (t) => String(t.imagesToMaintain)],
  ['Builds a month', (t) => String(t.rebuildsPerMonth)],
  ['Portability', (t) => t.portability],
];

/** The three designs side by side, `width` columns at most; the chosen one is marked with *. */
export function tradeOffLines(decision: Pick<Decision, 'tradeOffs' | 'strategy'>, width: number): string[] {
  const labelWidth = 15;
  const column = Math.max(8, Math.floor((width - labelWidth) / DESIGNS.length));
  const cell = (text: string) => text.slice(0, column - 1).padEnd(column);
  const header = decision.tradeOffs.map((t) =>
    cell(`${SHORT_DESIGN_LABELS[t.design]}${t.design === decision.strategy ? ' *' : ''}`),
  );
  const rows = TRADE_OFF_ROWS.map(([label, value]) =>
    `${label.padEnd(labelWidth)}${decision.tradeOffs.map((t) => cell(value(t))).join('')}`.trimEnd(),
  );
  return [`${' '.repeat(labelWidth)}${header.join('')}`.trimEnd(), ...rows, 'Builds a month are estimates.'];
}

/** What each design's image holds and what its first boot does. */
function launchPathLines(decision: Pick<Decision, 'tradeOffs'>, width: number, bullet = '• '): string[] {
  return bulleted(
    decision.tradeOffs.map(
      (t) => `${DESIGN_LABELS[t.design]}: the image has ${t.bakedIn}; at first boot, ${t.atBoot}.`,
    ),
    bullet,
    width,
  );
}

const indent = (lines: readonly string[]): string[] => lines.map((line) => (line ? `  ${line}` : line));

const BUILDER_FOLDERS: Record<Builder, string> = {
  packer: 'packer/',
  'image-builder': 'imagebuilder/',
  both: 'packer/ and imagebuilder/',
};

/** `Built with: EC2 Image Builder (imagebuilder/)`: the engine the answers choose and the folder it reads. */
function builderLine(builder: Builder): string {
  return `Built with: ${BUILDER_LABELS[builder]} (${BUILDER_FOLDERS[builder]})`;
}

/**
 * The whole decision in at most 80 columns: what `recommend` prints and the workshop leaves in the
 * scrollback. With `builder` (recommend has the answers), the engine is named under the design.
 */
export function recommendationText(decision: Decision, builder?: Builder): string {
  const width = 80;
  return `${[
    ...wrapText(designLine(decision), width),
    ...(builder ? [builderLine(builder)] : []),
    '',
    ...indent(scoreBars(decision.ranking, width - 2).map((bar) => bar.text)),
    ...indent(tieLines(decision.ranking, width - 2)),
    ...indent(scaleLines(width - 2)),
    ...(decision.requirements.length ? ['', 'Requirements:', ...requirementLines(decision, width, '  - ')] : []),
    '',
    'Why (points per design):',
    ...reasonLines(decision, width, '  - '),
    '',
    'What would change it:',
    ...indent(whatIfLines(decision, width - 2, '- ')),
    '',
    'Trade-offs:',
    ...indent(tradeOffLines(decision, width - 2)),
    '',
    'Launch path:',
    ...launchPathLines(decision, width, '  - '),
  ].join('\n')}\n`;
}

/** What to run once a folder is written, and how to write it again from its own answers file. */
export function nextStepsLines(outLabel: string, width = Number.POSITIVE_INFINITY): string[] {
  const replay = `ami-wizard --answers ${shWord(join(outLabel, 'ami-wizard.yaml'))} --out ${shWord(outLabel)}`;
  return [
    'Next steps: build the images',
    `  cd ${shWord(join(outLabel, 'packer'))}`,
    '  packer init .',
    '  packer validate .',
    '  make build',
    '',
    // Narrower than the line, the command goes on a line of its own, whole and from the first column,
    // to copy as it is (a longer one the terminal wraps: a break of ours would split the command).
    ...(`Replay these answers: ${replay}`.length <= width
      ? [`Replay these answers: ${replay}`]
      : ['Replay these answers:', replay]),
  ];
}

/** How one changed answer moved the recommendation on the what-if board. */
export interface MoveWords {
  key: QuestionKey;
  from: Design;
  to: Design;
  /** The changed answer's reason from the model. */
  reason: string;
}

/** "Moved: Hybrid → Fully baked. Automation skill: New to it. <reason>", or "Still Hybrid. ..." */
export function moveText(move: MoveWords, answer: string | boolean): string {
  const head =
    move.from === move.to
      ? `Still ${SHORT_DESIGN_LABELS[move.to]}.`
      : `Moved: ${SHORT_DESIGN_LABELS[move.from]} → ${SHORT_DESIGN_LABELS[move.to]}.`;
  return `${head} ${QUESTION_LABELS[move.key]}: ${choiceLabel(move.key, answer)}. ${move.reason}`;
}

const flipTexts = (recommendation: Pick<Recommendation, 'whatIf'>): string[] =>
  recommendation.whatIf.map((w) => `${QUESTION_LABELS[w.key]} → ${w.toLabel} (${SHORT_DESIGN_LABELS[w.strategy]})`);

/** The single changes that would flip the recommendation, in one sentence that names the first `shown`; `f` lists the rest. */
export function flipsText(recommendation: Pick<Recommendation, 'whatIf'>, shown: number): string {
  const flips = flipTexts(recommendation);
  if (flips.length === 0) return 'No single changed answer would flip it.';
  return `Flips it: ${flips.slice(0, shown).join('; ')}${flips.length > shown ? `; +${flips.length - shown} more (f)` : ''}`;
}

/** Every single change that would flip the recommendation, one bullet each (the board's `f`). */
export function flipLines(recommendation: Pick<Recommendation, 'whatIf'>, width: number): string[] {
  const flips = flipTexts(recommendation);
  return flips.length === 0
    ? ['No single changed answer would flip it.']
    : ['Flips it:', ...bulleted(flips, '• ', width)];
}
