// The workshop's first screen as lines of text, as much as the terminal holds. Apart from
// spectrum-text.ts so the wizard's first frame, drawn before Ink loads, does not carry it.
import { DESIGNS, QUESTION_KEYS, defaultGuidance } from '../../questionnaire/questions.ts';
import { SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { tradeOff } from '../../questionnaire/trade-offs.ts';
import { spectrumLines } from './spectrum-text.ts';
import { wrap, wrapText } from './wrap.ts';

/** The rows the workshop intro's screen adds around introLines: header, title, keys and the spacing between. */
export const INTRO_CHROME_ROWS = 6;

const NEXT = `Next, ${QUESTION_KEYS.length} questions move a team along this line. Then change any answer and watch the recommendation move.`;

/** What each design bakes in and does at first boot; a wrapped line keeps its indent. */
function designDetails(width: number): string[] {
  return DESIGNS.flatMap((design) => {
    // What is baked and what happens at boot does not depend on the answers.
    const t = tradeOff(design, defaultGuidance(), 1);
    return [
      SHORT_DESIGN_LABELS[design],
      ...wrap(`in the image: ${t.bakedIn}`, '  ', '    ', width),
      ...wrap(`at first boot: ${t.atBoot}`, '  ', '    ', width),
    ];
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
