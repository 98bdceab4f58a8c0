// Untrusted text on its way to a terminal: an option name, a key from a file, an AWS message, an EC2
// image name. A terminal acts on control characters (ESC starts a sequence that can retitle the
// window, move the cursor or hide text), and bidi overrides reorder what a reader sees, so each one
// is shown as a visible escape instead. The characters are the ones answers may not hold.
import { CONTROL_CHARACTERS } from '../../questionnaire/answer-values.ts';

export const UNSAFE_TEXT = new RegExp(`[${CONTROL_CHARACTERS}]`, 'g');

const escapeOf = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every unsafe character written as a visible escape (`\x1b`, `\u202e`); one fragment, one line. */
export function printable(text: string): string {
  return text.replace(UNSAFE_TEXT, escapeOf);
}

/** A whole message for the terminal: line breaks and tabs stay, every other unsafe character is escaped. */
export function printableMessage(text: string): string {
  return text.replace(UNSAFE_TEXT, (c) => (c === '\n' || c === '\t' ? c : escapeOf(c)));
}
