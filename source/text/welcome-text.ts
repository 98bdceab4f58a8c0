// The welcome screen's text. Both the plain first frame (drawn before Ink loads) and the Ink welcome
// screen render these lines, so the hand-over between them is invisible.
import { spectrumLines } from './spectrum-text.ts';
import { wrapText } from './wrap.ts';

/** The number of steps in WIZARD_STEPS (test/ui/wizard-flow.test.ts keeps them equal). */
export const WIZARD_STEP_COUNT = 21;

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

export function welcomeLines(width: number): string[] {
  return [
    headerLine('Welcome', { step: 1, total: WIZARD_STEP_COUNT }, width),
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
  ];
}

/** The key line under the welcome; only the Ink screen shows it, once keys are read. */
export const WELCOME_KEYS = 'Enter start · Ctrl+C quit';
