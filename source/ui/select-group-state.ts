// The state of a screen that asks several questions, each a list to pick from (the experience
// screen), and the keys that change it, as a pure reducer: ↑↓, a digit or letters move within the
// question the keys act on; Tab and Shift+Tab switch question; Enter confirms the screen with every
// answer as shown, from any question, so one Enter is one screen as everywhere else in the wizard
// (a burst of Enters advances exactly that many screens); Esc goes back a question, or off the
// screen from the first. The screen only draws the state.
import { jumpTo } from './type-to-jump.ts';

export interface SelectGroupState {
  /** The question being answered. */
  part: number;
  /** The highlighted choice of each question. */
  cursors: number[];
  /** Letters typed to jump (type-to-jump.ts), per the question being answered. */
  typed: string;
  why: boolean;
}

export type SelectGroupKey = 'up' | 'down' | 'enter' | 'tab' | 'back-tab' | 'escape' | 'why' | { text: string };

export type SelectGroupAction = 'confirm' | 'back' | undefined;

/** Each question's choice labels, in order. */
export type PartLabels = readonly (readonly string[])[];

export function initialGroupState(cursors: readonly number[], why = false): SelectGroupState {
  return { part: 0, cursors: [...cursors], typed: '', why };
}

const withCursor = (state: SelectGroupState, cursor: number): SelectGroupState => ({
  ...state,
  cursors: state.cursors.map((c, i) => (i === state.part ? cursor : c)),
});

export function pressGroupKey(
  state: SelectGroupState,
  key: SelectGroupKey,
  parts: PartLabels,
): [SelectGroupState, SelectGroupAction] {
  const labels = parts[state.part]!;
  const cursor = state.cursors[state.part]!;
  const moved = (part: number): SelectGroupState => ({ ...state, part, typed: '' });
  if (typeof key === 'object') {
    if (/^[1-9]$/.test(key.text))
      return [
        Number(key.text) <= labels.length ? { ...withCursor(state, Number(key.text) - 1), typed: '' } : state,
        undefined,
      ];
    const jump = jumpTo(labels, state.typed, key.text, cursor);
    return [jump ? { ...withCursor(state, jump.index), typed: jump.typed } : state, undefined];
  }
  switch (key) {
    case 'up':
      return [{ ...withCursor(state, (cursor - 1 + labels.length) % labels.length), typed: '' }, undefined];
    case 'down':
      return [{ ...withCursor(state, (cursor + 1) % labels.length), typed: '' }, undefined];
    case 'tab':
      return [moved((state.part + 1) % parts.length), undefined];
    case 'back-tab':
      return [moved((state.part - 1 + parts.length) % parts.length), undefined];
    case 'enter':
      return [state, 'confirm'];
    case 'escape':
      return state.part > 0 ? [moved(state.part - 1), undefined] : [state, 'back'];
    case 'why':
      return [{ ...state, why: !state.why }, undefined];
  }
}
