// A one-line editor as a pure state machine, for the text fields. The default is a placeholder, not
// text: typing replaces it, Enter keeps it, and a cursor key takes it into the field for editing.
// Positions count code points, so an emoji or an accented letter is one step. Control characters
// never get in: only printable text is inserted.
import { withoutControlCharacters } from './key-splitter.ts';

export interface LineState {
  /** What was typed; empty means the placeholder (the default) shows. */
  readonly text: string;
  /** The cursor, in code points from the start. */
  readonly cursor: number;
}

export type LineEdit =
  | { kind: 'insert'; text: string }
  | {
      kind: 'left' | 'right' | 'home' | 'end' | 'backspace' | 'delete' | 'kill-to-start' | 'kill-to-end' | 'kill-word';
    };

/** The parts of Ink's key that the editor reads. */
export interface EditorKey {
  leftArrow?: boolean;
  rightArrow?: boolean;
  home?: boolean;
  end?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  upArrow?: boolean;
  downArrow?: boolean;
}

const CTRL_EDITS: Record<string, LineEdit['kind']> = {
  a: 'home',
  e: 'end',
  b: 'left',
  f: 'right',
  u: 'kill-to-start',
  k: 'kill-to-end',
  w: 'kill-word',
  // Ctrl+D: delete forward. The key stream also sends the Delete key this way, because Ink reports
  // Backspace (DEL, 0x7f) and Delete (ESC[3~) alike as `key.delete`.
  d: 'delete',
  h: 'backspace',
};

/** The edit a key press makes, or undefined for keys the editor leaves to the screen (Enter, Esc). */
export function editForKey(input: string, key: EditorKey): LineEdit | undefined {
  if (key.return || key.escape || key.tab || key.upArrow || key.downArrow) return undefined;
  if (key.leftArrow) return { kind: 'left' };
  if (key.rightArrow) return { kind: 'right' };
  if (key.home) return { kind: 'home' };
  if (key.end) return { kind: 'end' };
  if (key.backspace || key.delete) return { kind: 'backspace' };
  if (key.ctrl) return CTRL_EDITS[input] ? ({ kind: CTRL_EDITS[input] } as LineEdit) : undefined;
  if (key.meta) return undefined;
  const text = withoutControlCharacters(input);
  return text ? { kind: 'insert', text } : undefined;
}

export const emptyLine: LineState = { text: '', cursor: 0 };

/** Applies one edit. `placeholder` is the default the field shows while empty. */
export function editLine(state: LineState, edit: LineEdit, placeholder = ''): LineState {
  const chars = Array.from(state.text);
  const at = Math.min(state.cursor, chars.length);
  const line = (next: string[], cursor: number): LineState => ({
    text: next.join(''),
    cursor: Math.max(0, Math.min(cursor, next.length)),
  });
  if (chars.length === 0 && placeholder && ['left', 'right', 'home', 'end'].includes(edit.kind)) {
    // A cursor key on the placeholder takes the default into the field, to edit it.
    const taken = Array.from(placeholder);
    const cursor = edit.kind === 'home' ? 0 : edit.kind === 'left' ? taken.length - 1 : taken.length;
    return line(taken, cursor);
  }
  switch (edit.kind) {
    case 'insert': {
      const inserted = Array.from(edit.text);
      return line([...chars.slice(0, at), ...inserted, ...chars.slice(at)], at + inserted.length);
    }
    case 'left':
      return line(chars, at - 1);
    case 'right':
      return line(chars, at + 1);
    case 'home':
      return line(chars, 0);
    case 'end':
      return line(chars, chars.length);
    case 'backspace':
      return at === 0 ? line(chars, at) : line([...chars.slice(0, at - 1), ...chars.slice(at)], at - 1);
    case 'delete':
      return line([...chars.slice(0, at), ...chars.slice(at + 1)], at);
    case 'kill-to-start':
      return line(chars.slice(at), 0);
    case 'kill-to-end':
      return line(chars.slice(0, at), at);
    case 'kill-word': {
      // readline's unix-word-rubout: the spaces before the cursor, then the word before them.
      let start = at;
      while (start > 0 && chars[start - 1] === ' ') start--;
      while (start > 0 && chars[start - 1] !== ' ') start--;
      return line([...chars.slice(0, start), ...chars.slice(at)], start);
    }
  }
}

/** The value Enter submits: what was typed, or the default when nothing was. */
export function submittedValue(state: LineState, placeholder: string): string {
  return state.text === '' ? placeholder : state.text;
}
