// The multi-select's state and the keys that change it, as a pure reducer: typing filters the list,
// ↑↓ move, Space ticks, Enter with a filter ticks the highlighted row (or adds what was typed, where
// the screen takes other values) and Enter without one confirms. Where the screen checks what is
// typed (a region code), a value it refuses is shown with why instead of being offered, and Enter on
// it ticks nothing; where the first ticked value means something (the build region), the 'lead' key
// makes the highlighted row the first. The screen only draws it.
import type { MultiSelectRequest, PromptChoice } from '../wizard/context.ts';

export interface MultiSelectState<V extends string> {
  filter: string;
  /** Index into rows(). */
  cursor: number;
  /** In the order ticked. */
  ticked: V[];
  /** Values typed in that are not among the choices. */
  others: V[];
}

export type MultiSelectOptions<V extends string> = Pick<MultiSelectRequest<V>, 'choices' | 'allowOther' | 'lead'>;

/** A row of the list: a choice, the offer to add what was typed, or why what was typed is not offered. */
export type Row<V extends string> =
  | { kind: 'choice'; choice: PromptChoice<V> }
  | { kind: 'add'; value: V }
  | { kind: 'refused'; value: string; message: string };

export type MultiSelectKey = 'up' | 'down' | 'space' | 'enter' | 'backspace' | 'clear' | 'lead' | { text: string };

/** Confirm the ticked values, or say why what was typed is not ticked. */
export type MultiSelectAction = 'confirm' | { refused: string } | undefined;

export function initialState<V extends string>(
  initial: readonly V[],
  options: MultiSelectOptions<V>,
): MultiSelectState<V> {
  const known = new Set(options.choices.map((c) => c.value));
  return { filter: '', cursor: 0, ticked: [...initial], others: initial.filter((value) => !known.has(value)) };
}

function allChoices<V extends string>(state: MultiSelectState<V>, options: MultiSelectOptions<V>): PromptChoice<V>[] {
  return [...state.others.map((value) => ({ value, label: value })), ...options.choices];
}

export function rows<V extends string>(state: MultiSelectState<V>, options: MultiSelectOptions<V>): Row<V>[] {
  const needle = state.filter.trim().toLowerCase();
  const choices = allChoices(state, options);
  const matching = choices.filter(
    (c) => !needle || c.value.toLowerCase().includes(needle) || c.label.toLowerCase().includes(needle),
  );
  const exact = choices.some((c) => c.value.toLowerCase() === needle);
  const listed = matching.map((choice) => ({ kind: 'choice' as const, choice }));
  if (!options.allowOther || !needle || exact) return listed;
  const value = state.filter.trim();
  const refusal = options.allowOther.check?.(value);
  if (!refusal) return [...listed, { kind: 'add', value: value as V }];
  // While the filter still matches choices the user is filtering, not adding: a half-typed code is no typo yet.
  if (listed.length > 0) return listed;
  return [{ kind: 'refused', value, message: refusal }];
}

const toggle = <V extends string>(ticked: V[], value: V): V[] =>
  ticked.includes(value) ? ticked.filter((v) => v !== value) : [...ticked, value];

export function pressKey<V extends string>(
  state: MultiSelectState<V>,
  key: MultiSelectKey,
  options: MultiSelectOptions<V>,
): [MultiSelectState<V>, MultiSelectAction] {
  const list = rows(state, options);
  const row = list[Math.min(state.cursor, list.length - 1)];
  const withFilter = (filter: string): MultiSelectState<V> => ({ ...state, filter, cursor: 0 });
  if (key === 'up') return [{ ...state, cursor: Math.max(0, state.cursor - 1) }, undefined];
  if (key === 'down')
    return [{ ...state, cursor: Math.min(Math.max(0, list.length - 1), state.cursor + 1) }, undefined];
  // By code point: a letter outside the BMP is two UTF-16 units, and half of one is no text.
  if (key === 'backspace') return [withFilter(Array.from(state.filter).slice(0, -1).join('')), undefined];
  if (key === 'clear') return [withFilter(''), undefined];
  if (typeof key === 'object') {
    const typed = options.allowOther?.lowerCase ? key.text.toLowerCase() : key.text;
    return [withFilter(state.filter + typed), undefined];
  }
  // Space is a character while typing something the list does not have (an "ISO 27001" to add).
  if (key === 'space' && row?.kind === 'add') return [withFilter(`${state.filter} `), undefined];
  if (key === 'enter' && !state.filter) return [state, 'confirm'];
  if (!row) return [state, undefined];
  if (key === 'lead') {
    if (!options.lead || row.kind !== 'choice') return [state, undefined];
    const value = row.choice.value;
    return [{ ...state, ticked: [value, ...state.ticked.filter((v) => v !== value)] }, undefined];
  }
  // Enter (or Space) on a refused value ticks nothing, not even the likely one (a guess is not an
  // answer): the filter is cleared so that the next Enter confirms the list, and the screen keeps
  // saying why, with the likely one to type.
  if (row.kind === 'refused') return [{ ...state, filter: '', cursor: 0 }, { refused: row.message }];
  if (row.kind === 'add') {
    const value = row.value;
    const known = allChoices(state, options).some((c) => c.value === value);
    return [
      {
        filter: '',
        cursor: 0,
        ticked: toggle(state.ticked, value),
        others: known ? state.others : [...state.others, value],
      },
      undefined,
    ];
  }
  const ticked = toggle(state.ticked, row.choice.value);
  return [key === 'enter' ? { ...state, ticked, filter: '', cursor: 0 } : { ...state, ticked }, undefined];
}
