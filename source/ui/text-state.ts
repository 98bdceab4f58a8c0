// A free-text answer (text-prompt.tsx) as a pure reducer over the line editor (line-editor.ts):
// Enter submits what was typed, or the default when nothing was, if `validate` accepts it, else the
// problem shows under the field until the next edit; Esc goes back; `?` before anything is typed
// shows the help, and after that is a character like any other.
import { editLine, emptyLine, submittedValue } from './line-editor.ts';
import type { LineEdit, LineState } from './line-editor.ts';

export interface TextState {
  line: LineState;
  why: boolean;
  problem?: string;
}

export type TextKey = 'enter' | 'escape' | { edit: LineEdit };

export interface TextOptions {
  placeholder: string;
  validate: (value: string) => string | undefined;
  /** There is help to show on `?`. */
  why?: boolean;
}

export type TextAction = { submit: string } | 'back' | undefined;

export const initialTextState: TextState = { line: emptyLine, why: false };

export function pressTextKey(state: TextState, key: TextKey, options: TextOptions): [TextState, TextAction] {
  if (key === 'escape') return [state, 'back'];
  if (key === 'enter') {
    const value = submittedValue(state.line, options.placeholder);
    const problem = options.validate(value);
    return problem ? [{ ...state, problem }, undefined] : [state, { submit: value }];
  }
  const { edit } = key;
  if (options.why && edit.kind === 'insert' && edit.text === '?' && state.line.text === '')
    return [{ ...state, why: !state.why }, undefined];
  return [{ ...state, line: editLine(state.line, edit, options.placeholder), problem: undefined }, undefined];
}
