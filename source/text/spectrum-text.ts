// The design spectrum as plain lines of text: simplicity of deployment on the left, flexibility on
// the right, the three designs placed on it. Pure, so the first frame can be drawn before Ink loads.
import { DESIGN_DESCRIPTIONS } from '../../questionnaire/designs.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';

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
  const row = (cells: string[]) =>
    cells
      .map((cell) => center(cell, column))
      .join('')
      .trimEnd();
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

/** The spectrum in one line for the what-if board, the recommended design marked ◆: `simpler ◀──●──◆──●──▶ flexible`. */
export function miniSpectrum(marked: Design, width: number): string {
  const inner = Math.max(9, width - 'simpler ◀▶ flexible'.length);
  const axis = [...'─'.repeat(inner)];
  DESIGNS.forEach((design, i) => {
    axis[Math.round(((i + 0.5) * inner) / DESIGNS.length)] = design === marked ? '◆' : '●';
  });
  return `simpler ◀${axis.join('')}▶ flexible`;
}
