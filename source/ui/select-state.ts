// A question with a list of answers (select-prompt.tsx), as a pure reducer: the list's keys
// (choice-list-state.ts), `?` to show or hide why the question matters, Esc to go back.
import { initialChoiceState, pressChoiceKey } from './choice-list-state.ts';
import type { ChoiceKey, ChoiceListOptions, ChoiceListState } from './choice-list-state.ts';

export interface SelectState {
  list: ChoiceListState;
  why: boolean;
}

export type SelectKey = ChoiceKey | 'escape' | 'why';

export type SelectAction = { pick: number } | 'back' | undefined;

export function initialSelectState(count: number, initialIndex: number, why = false): SelectState {
  return { list: initialChoiceState(count, initialIndex), why };
}

export function pressSelectKey(
  state: SelectState,
  key: SelectKey,
  options: ChoiceListOptions,
): [SelectState, SelectAction] {
  if (key === 'escape') return [state, 'back'];
  if (key === 'why') return [{ list: { ...state.list, typed: '' }, why: !state.why }, undefined];
  const [list, action] = pressChoiceKey(state.list, key, { ...options, typeToJump: true });
  return [{ ...state, list }, action];
}
