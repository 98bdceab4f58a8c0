// A list of choices and the keys that move its highlight, as a pure reducer: ↑↓ (or k/j) move round
// the list, a digit moves to that row, only Enter picks. With `typeToJump` (the question lists)
// letters move to the matching label instead (type-to-jump.ts), so j and k are letters there.
// choice-list.tsx only draws it.
import { jumpTo } from './type-to-jump.ts';

export interface ChoiceListState {
  highlighted: number;
  /** Letters typed to jump, kept for the next letter; any other key clears them. */
  typed: string;
}

/** `other` is a key the list does not use (it still ends a type-to-jump word). */
export type ChoiceKey = 'up' | 'down' | 'enter' | 'other' | { text: string };

export interface ChoiceListOptions {
  labels: readonly string[];
  typeToJump?: boolean;
}

/** Enter picked the highlighted row. */
export type ChoiceAction = { pick: number } | undefined;

export function initialChoiceState(count: number, initialIndex = 0): ChoiceListState {
  return { highlighted: Math.min(Math.max(0, initialIndex), Math.max(0, count - 1)), typed: '' };
}

export function pressChoiceKey(
  state: ChoiceListState,
  key: ChoiceKey,
  { labels, typeToJump = false }: ChoiceListOptions,
): [ChoiceListState, ChoiceAction] {
  const count = labels.length;
  if (typeof key === 'object' && typeToJump && /^[a-z]$/i.test(key.text)) {
    const jump = jumpTo(labels, state.typed, key.text, state.highlighted);
    return [jump ? { highlighted: jump.index, typed: jump.typed } : state, undefined];
  }
  const at = (highlighted: number): ChoiceListState => ({ highlighted, typed: '' });
  const text = typeof key === 'object' ? key.text : undefined;
  if (key === 'up' || (!typeToJump && text === 'k')) return [at((state.highlighted - 1 + count) % count), undefined];
  if (key === 'down' || (!typeToJump && text === 'j')) return [at((state.highlighted + 1) % count), undefined];
  if (text && /^[1-9]$/.test(text) && Number(text) <= count) return [at(Number(text) - 1), undefined];
  if (key === 'enter' && count > 0) return [at(state.highlighted), { pick: state.highlighted }];
  return [at(state.highlighted), undefined];
}
