// The welcome screen's text. Both the plain first frame (drawn before Ink loads) and the Ink welcome
// screen render these lines, so the hand-over between them is invisible.
import { ASKED_FIELDS, WIZARD_STEP_COUNT, shownScreenCount } from '../../questionnaire/wizard-screens.ts';
import { spectrumLines } from './spectrum-text.ts';
import { wrapText } from './wrap.ts';

/** The number of screens of the full wizard, counted from its list of screens. */
export { WIZARD_STEP_COUNT };

/**
 * The usable size of the terminal: at most 80 columns wide, so lines stay readable on wide
 * terminals. Here, not in ui/, so the first frame (drawn before Ink loads) measures as the screens do.
 */
export function screenSize(stdout: { columns?: number; rows?: number }): { width: number; rows: number } {
  return { width: Math.min(stdout.columns || 80, 80), rows: stdout.rows || 24 };
}

const WELCOME_TITLE = 'How much software should you bake into your AMIs?';

export function headerLine(section: string, progress: { step: number; total: number }, width: number): string {
  const left = `ami-wizard · ${section}`;
  const right = `Step ${progress.step} of ${progress.total}`;
  return `${left}${' '.repeat(Math.max(1, width - left.length - right.length))}${right}`;
}

/**
 * `total`: the screens this run shows (fewer when --answers gives some); `note`: a line saying where
 * the other answers came from.
 */
export function welcomeLines(width: number, total: number = WIZARD_STEP_COUNT, note?: string): string[] {
  return [
    headerLine('Welcome', { step: 1, total }, width),
    '',
    WELCOME_TITLE,
    '',
    ...spectrumLines(width),
    '',
    ...wrapText(
      'Answer a few questions about your project and how you run it. You get a recommended design ' +
        'with its reasons, then a folder with the Packer templates, the first-boot script and the tag ' +
        'policy for it. Every question has a default.',
      width,
    ),
    ...(note ? ['', ...note.split('\n').flatMap((line) => wrapText(line, width))] : []),
  ];
}

/** The welcome's line for a run that starts from an answers file. */
function answersFromFileNote(file: string, kept: number): string {
  return `${kept} answer${kept === 1 ? '' : 's'} come${kept === 1 ? 's' : ''} from ${file}; their screens are skipped and only the rest is asked.`;
}

/** Wrong values named on the welcome; the rest are counted, so the welcome fits 24 rows. */
const MAX_CORRECTIONS_SHOWN = 3;

/** The welcome's lines on the file's wrong values the wizard asks again (ask-again.ts), and only those. */
function askedAgainNote(file: string, corrections: readonly string[]): string {
  const count = corrections.length;
  const shown = corrections.slice(0, count > MAX_CORRECTIONS_SHOWN ? MAX_CORRECTIONS_SHOWN - 1 : count);
  const more = count - shown.length;
  return [
    `${file} has ${count} value${count === 1 ? '' : 's'} the wizard asks again:`,
    ...shown.map((text) => `• ${text}`),
    ...(more > 0 ? [`• and ${more} more, each on its screen`] : []),
  ].join('\n');
}

/**
 * What the welcome says for a run: how many screens it shows, and, started from an answers file
 * (its base name), how many answers came from there and which of its values are asked again. The
 * first frame and the Ink welcome both ask here.
 */
export function welcomeFor(
  given: ReadonlySet<string>,
  file?: string,
  corrections: readonly string[] = [],
): { total: number; note?: string } {
  const total = shownScreenCount(given);
  if (file === undefined) return { total };
  const fromFile = answersFromFileNote(file, ASKED_FIELDS.filter((field) => given.has(field)).length);
  return { total, note: corrections.length > 0 ? `${fromFile}\n${askedAgainNote(file, corrections)}` : fromFile };
}

/** The key line under the welcome; only the Ink screen shows it, once keys are read. */
export const WELCOME_KEYS = 'Enter start · Ctrl+C quit';

/** The key line when the welcome offers to resume a kept draft. */
export const WELCOME_RESUME_KEYS = '↑↓ choose · Enter confirm · Ctrl+C quit';
