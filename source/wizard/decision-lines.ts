// The recommendation as lines of text for a given width: score bars, reasons, what would change it
// and the trade-offs side by side. Pure; the Ink screens only lay these lines out.
import { DESIGNS } from '../../questionnaire/questions.ts';
import type { Decision, RankedDesign, Recommendation } from '../../questionnaire/recommend.ts';
import type { TradeOff } from '../../questionnaire/trade-offs.ts';
import { DESIGN_LABELS, QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { wrap, wrapText } from '../text-wrap.ts';

export interface ScoreBar {
  design: RankedDesign['design'];
  text: string;
}

/** One line per design, best first: name, score and a bar scaled to the best score. */
export function scoreBars(ranking: readonly RankedDesign[], width: number): ScoreBar[] {
  const top = Math.max(1, ...ranking.map((r) => r.score));
  const barWidth = Math.max(5, Math.min(40, width - 20));
  return ranking.map((r) => ({
    design: r.design,
    text: `${SHORT_DESIGN_LABELS[r.design].padEnd(12)} ${String(r.score).padStart(3)} ${'█'.repeat(Math.max(0, Math.round((r.score / top) * barWidth)))}`,
  }));
}

function bullet(text: string, width: number): string[] {
  return wrap(text, '• ', '  ', width);
}

function towards(designs: readonly RankedDesign['design'][]): string {
  return designs.length === 0 ? 'neutral' : designs.map((d) => SHORT_DESIGN_LABELS[d]).join(' and ');
}

export function reasonLines(recommendation: Recommendation, width: number): string[] {
  return recommendation.reasons.flatMap((r) =>
    bullet(`${QUESTION_LABELS[r.key]}: ${r.answerLabel} → ${towards(r.favours)}. ${r.sentence}`, width),
  );
}

export function whatIfLines(recommendation: Recommendation, width: number): string[] {
  if (recommendation.whatIf.length === 0) {
    return wrapText('No single changed answer would change the recommendation.', width);
  }
  return [
    'One changed answer would recommend another design:',
    ...recommendation.whatIf.flatMap((w) =>
      bullet(`${QUESTION_LABELS[w.key]}: ${w.toLabel} → ${SHORT_DESIGN_LABELS[w.strategy]}`, width),
    ),
  ];
}

const TRADE_OFF_ROWS: [string, (t: TradeOff) => string][] = [
  ['Launch', (t) => t.launchSpeed],
  ['Images to keep', (t) => String(t.imagesToMaintain)],
  ['Builds a month', (t) => String(t.rebuildsPerMonth)],
  ['Portability', (t) => t.portability],
];

/** The three designs side by side; the chosen one is marked with *. */
export function tradeOffLines(decision: Pick<Decision, 'tradeOffs' | 'strategy'>, width: number): string[] {
  const labelWidth = 15;
  const column = Math.max(8, Math.floor((width - labelWidth) / DESIGNS.length));
  const cell = (text: string) => text.slice(0, column - 1).padEnd(column);
  const header = decision.tradeOffs.map((t) => cell(`${SHORT_DESIGN_LABELS[t.design]}${t.design === decision.strategy ? ' *' : ''}`));
  const rows = TRADE_OFF_ROWS.map(([label, value]) => `${label.padEnd(labelWidth)}${decision.tradeOffs.map((t) => cell(value(t))).join('')}`.trimEnd());
  return [`${' '.repeat(labelWidth)}${header.join('')}`.trimEnd(), ...rows, 'Builds a month are estimates.'];
}

export function recommendedLine(recommendation: Recommendation): string {
  return `Recommended: ${DESIGN_LABELS[recommendation.recommended]}`;
}
