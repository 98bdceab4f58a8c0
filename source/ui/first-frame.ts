// The welcome screen drawn as plain text the moment the command starts, before Ink and React load
// (they take longer than the rest of the start-up together). Raw mode goes on at once, so keys
// typed meanwhile wait unechoed until Ink reads them. When Ink draws its first frame, this one is
// erased and Ink draws the same lines in its place.
import { screenSize, welcomeLines } from '../text/welcome-text.ts';

const HIDE_CURSOR = '\u001B[?25l';
const SHOW_CURSOR = '\u001B[?25h';

export interface FirstFrame {
  /** Removes the frame (once); Ink draws from the same place. */
  erase(): void;
  /** Gives the terminal back: raw mode off, cursor shown. Safe to call more than once. */
  restore(): void;
}

/** `welcome`: this run's screen count and answers-file note (welcomeFor), as the Ink welcome shows them. */
export function drawFirstFrame(
  { stdin, stdout }: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream },
  welcome: { total?: number; note?: string } = {},
): FirstFrame {
  const { width, rows } = screenSize(stdout);
  const lines = welcomeLines(width, welcome.total, welcome.note);
  // Erasing relies on the cursor moving up over the frame; a frame that scrolled off cannot be erased.
  if (lines.length + 4 > rows) return { erase() {}, restore() {} };
  stdin.setRawMode(true);
  stdout.write(`${HIDE_CURSOR}${lines.join('\n')}\n`);
  let drawn = true;
  return {
    erase() {
      if (drawn) stdout.write(`\u001B[${lines.length}A\r\u001B[J`);
      drawn = false;
    },
    restore() {
      stdin.setRawMode(false);
      stdout.write(SHOW_CURSOR);
    },
  };
}
