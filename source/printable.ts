// Untrusted text on its way to a terminal: an option name, a key from a file, an AWS message, an EC2
// image name. A terminal acts on control characters (ESC starts a sequence that can retitle the
// window, move the cursor or hide text), and bidi overrides reorder what a reader sees, so each one
// is shown as a visible escape instead. Line breaks inside a fragment are escaped too: one fragment,
// one line.

/** C0, DEL, C1, the line and paragraph separators, bidi embeddings, overrides and isolates, BOM. */
export const UNSAFE_TEXT = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff]/g;

const escapeOf = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
};

/** `text` with every unsafe character written as a visible escape (`\x1b`, `\u202e`). */
export function printable(text: string): string {
  return text.replace(UNSAFE_TEXT, escapeOf);
}

/** A whole message for the terminal: line breaks and tabs stay, every other unsafe character is escaped. */
export function printableMessage(text: string): string {
  return text.replace(UNSAFE_TEXT, (c) => (c === '\n' || c === '\t' ? c : escapeOf(c)));
}
