// The design spectrum as plain lines of text: simplicity of deployment on the left, flexibility on
// the right, the three designs placed on it. Pure, so the first frame can be drawn before Ink loads.
import { DESIGN_DESCRIPTIONS } from '../../questionnaire/designs.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { tradeOff } from '../../questionnaire/trade-offs.ts';
import { wrap, wrapText } from './wrap.ts';

const PLACES = DESIGNS.map((design) => ({ design, notes: DESIGN_DESCRIPTIONS[design].spectrumNotes }));

function center(text: string, width: number): string {
  const cut = text.slice(0, width);
  const left = Math.floor((width - cut.length) / 2);
  return `${' '.repeat(left)}${cut}`.padEnd(width);
}

/**
 * `width` columns wide; `marked` gets a filled marker and a label under it (the workshop's pick).
 * `compact` keeps only the axis, the names and the mark, for screens with more to show.
 */
export function spectrumLines(width: number, marked?: { design: Design; label: string }, compact = false): string[] {
  const column = Math.floor(width / 3);
  const row = (cells: string[]) => cells.map((cell) => center(cell, column)).join('').trimEnd();
  const ends = ['simpler deployment', 'more flexible deployment'];
  const gap = Math.max(1, width - ends[0]!.length - ends[1]!.length);
  const axis = [...'─'.repeat(width - 2)];
  PLACES.forEach((_, i) => {
    axis[column * i + Math.floor(column / 2) - 1] = PLACES[i]!.design === marked?.design ? '◆' : '●';
  });
  const lines = [
    ...(compact ? [] : [`${ends[0]}${' '.repeat(gap)}${ends[1]}`]),
    `◀${axis.join('')}▶`,
    row(PLACES.map((p) => SHORT_DESIGN_LABELS[p.design])),
    ...(compact ? [] : [0, 1, 2].map((n) => row(PLACES.map((p) => p.notes[n]!)))),
  ];
  if (marked) lines.push(row(PLACES.map((p) => (p.design === marked.design ? `▲ ${marked.label}` : ''))));
  return lines;
}

/** The rows the workshop intro's screen adds around introLines: header, title, keys and the spacing between. */
export const INTRO_CHROME_ROWS = 6;

const NEXT = 'Next, nine questions move a team along this line. Then change any answer and watch the recommendation move.';

/** What each design bakes in and does at first boot; a wrapped line keeps its indent. */
function designDetails(width: number): string[] {
  return DESIGNS.flatMap((design) => {
    // What is baked and what happens at boot does not depend on the answers.
    const t = tradeOff(design, defaultGuidance(), 1);
    return [SHORT_DESIGN_LABELS[design], ...wrap(`in the image: ${t.bakedIn}`, '  ', '    ', width), ...wrap(`at first boot: ${t.atBoot}`, '  ', '    ', width)];
  });
}

/**
 * The workshop's first screen, richest first, as much as fits `rows` (with a row to spare): the
 * spectrum with its notes, what each design bakes in, what comes next; smaller terminals keep the
 * spectrum and drop the details.
 */
export function introLines(width: number, rows: number): string[] {
  const full = spectrumLines(width);
  const [ends, axis, names] = full;
  const plain = [ends!, axis!, names!];
  const details = designDetails(width);
  const next = wrapText(NEXT, width);
  const variants = [
    [...full, '', ...details, '', ...next],
    [...plain, '', ...details, '', ...next],
    [...plain, '', ...details],
    [...full, '', ...next],
    [...plain, '', ...next],
    [...plain],
  ];
  const budget = rows - 1 - INTRO_CHROME_ROWS;
  return variants.find((lines) => lines.length <= budget) ?? [axis!, names!];
}

/** The spectrum in one line for the what-if board, the recommended design marked ◆: `simpler ◀──●──◆──●──▶ flexible`. */
export function miniSpectrum(marked: Design, width: number): string {
  const inner = Math.max(9, width - 'simpler ◀▶ flexible'.length);
  const axis = [...'─'.repeat(inner)];
  DESIGNS.forEach((design, i) => {
    axis[Math.round(((i + 0.5) * inner) / DESIGNS.length)] = design === marked ? '◆' : '●';
  });
  return `simpler ◀${axis.join('')}▶ flexible`;
}
