// One read from a terminal can hold many key presses: fast typing, key repeat, `tmux send-keys`, an
// expect script. Ink hands a read to the screens as one string, so "\x7f\x7f\x7fshop" reached a text
// field as one "input" and "\r\r" as one Enter. This splits a read into key presses, escape
// sequences kept whole, and a bracketed paste (ESC[200~ ... ESC[201~) kept as one unit.
const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

const isCsiFinal = (code: number) => code >= 0x40 && code <= 0x7e;
const isCsiBody = (code: number) => code >= 0x20 && code <= 0x3f;

/** The length of the escape sequence at `at` (which holds ESC), or of the lone ESC. */
function escapeLength(chunk: string, at: number): number {
  const next = chunk[at + 1];
  if (next === undefined) return 1;
  if (next === '[') {
    let i = at + 2;
    // Legacy function keys: ESC [ [ A.
    if (chunk[i] === '[') i++;
    while (i < chunk.length && isCsiBody(chunk.charCodeAt(i))) i++;
    if (i < chunk.length && isCsiFinal(chunk.charCodeAt(i))) return i + 1 - at;
    // Alt+[, or a sequence cut off (its parameters kept with it, so a digit is not typed): never
    // swallow the key that follows.
    return i - at;
  }
  if (next === 'O' && at + 2 < chunk.length) return 3;
  // Alt+Esc+sequence (ESC ESC [ A) keeps the sequence; Alt+key is ESC and one code point.
  if (next === ESC) return at + 2 < chunk.length ? 1 + escapeLength(chunk, at + 1) : 1;
  return 1 + (chunk.codePointAt(at + 1)! > 0xffff ? 2 : 1);
}

/**
 * The key presses in one read, in order. A paste whose end marker is not in this read comes back as
 * one unit starting with PASTE_START and no PASTE_END (the caller joins it with the next read).
 */
export function splitKeys(chunk: string): string[] {
  const keys: string[] = [];
  let i = 0;
  while (i < chunk.length) {
    if (chunk.startsWith(PASTE_START, i)) {
      const end = chunk.indexOf(PASTE_END, i + PASTE_START.length);
      const stop = end === -1 ? chunk.length : end + PASTE_END.length;
      keys.push(chunk.slice(i, stop));
      i = stop;
    } else if (chunk[i] === ESC) {
      const length = escapeLength(chunk, i);
      keys.push(chunk.slice(i, i + length));
      i += length;
    } else if (chunk.startsWith('\r\n', i)) {
      keys.push('\r');
      i += 2;
    } else {
      const length = chunk.codePointAt(i)! > 0xffff ? 2 : 1;
      keys.push(chunk.slice(i, i + length));
      i += length;
    }
  }
  return keys;
}

/** A complete paste unit's text with every control character removed (newlines and tabs become spaces). */
export function pastedText(unit: string): string | undefined {
  if (!unit.startsWith(PASTE_START) || !unit.endsWith(PASTE_END)) return undefined;
  const inner = unit.slice(PASTE_START.length, -PASTE_END.length);
  return withoutControlCharacters(inner.replace(/[\r\n\t]+/g, ' ').replace(ESCAPE_SEQUENCE, ''));
}

const ESCAPE_SEQUENCE = /\u001B(\[[0-?]*[ -/]*[@-~]|O.|.)?/g;
// C0, DEL and C1 controls: none of them belongs in an answer.
const CONTROL = /[\u0000-\u001F\u007F-\u009F]/g;

export function withoutControlCharacters(text: string): string {
  return text.replace(CONTROL, '');
}

const isLineBreak = (key: string) => key === '\r' || key === '\n';
const isText = (key: string) => withoutControlCharacters(key) !== '' && !key.startsWith(ESC);

/**
 * The keys of one read on a text field, a paste without bracketed paste made text: when a line break
 * is followed by more text in the same read, no person pressed it (a terminal delivers typing a key
 * or a few at a time, not "line, Enter, line"), so every line break of the read becomes a space and
 * the trailing ones go, as in a bracketed paste (pastedText). Text and one Enter at its end stay keys.
 */
export function lineBreaksAsText(keys: readonly string[]): string[] {
  const textAfterBreak = keys.some((key, i) => isLineBreak(key) && keys.slice(i + 1).some(isText));
  if (!textAfterBreak) return [...keys];
  let end = keys.length;
  while (end > 0 && isLineBreak(keys[end - 1]!)) end--;
  return keys.slice(0, end).map((key) => (isLineBreak(key) ? ' ' : key));
}
