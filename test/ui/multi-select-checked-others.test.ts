// The multi-select reducer where a typed value is checked as it is typed (a region code) and the
// first ticked value is marked (the build region) and can be changed with b (issue 21).
import { describe, expect, it } from 'vitest';
import { initialState, pressKey, rows } from '../../source/ui/multi-select-state.ts';
import type { MultiSelectKey, MultiSelectOptions, MultiSelectState } from '../../source/ui/multi-select-state.ts';

const KNOWN = ['us-east-1', 'eu-west-1', 'eu-central-1'];
const options: MultiSelectOptions<string> = {
  choices: KNOWN.map((value) => ({ value, label: value.toUpperCase() })),
  allowOther: {
    lowerCase: true,
    label: 'use',
    check: (value) =>
      KNOWN.includes(value)
        ? undefined
        : `${value} is not known${value === 'eu-wset-1' ? '; did you mean eu-west-1?' : ''}`,
  },
  lead: { label: 'build region' },
};

function run(
  keys: MultiSelectKey[],
  state: MultiSelectState<string> = initialState(['us-east-1'], options),
): MultiSelectState<string> {
  for (const key of keys) [state] = pressKey(state, key, options);
  return state;
}
const typed = (text: string): MultiSelectKey[] => Array.from(text, (c) => ({ text: c }));

describe('a typed value that is checked', () => {
  it('is refused in the list, saying why, and never offered to add', () => {
    const state = run(typed('eu-wset-1'));
    expect(rows(state, options)).toEqual([
      { kind: 'refused', value: 'eu-wset-1', message: 'eu-wset-1 is not known; did you mean eu-west-1?' },
    ]);
  });

  it('Enter on the refusal ticks nothing, says why and clears the filter, so the next Enter confirms', () => {
    const typo = run(typed('eu-wset-1'));
    const [state, action] = pressKey(typo, 'enter', options);
    expect(action).toEqual({ refused: 'eu-wset-1 is not known; did you mean eu-west-1?' });
    expect(state.ticked).toEqual(['us-east-1']);
    expect(state.others).toEqual([]);
    expect(state.filter).toBe('');
    expect(pressKey(state, 'enter', options)[1]).toBe('confirm');
  });

  it('Space on a refusal ticks nothing either', () => {
    const state = run([...typed('xx-new-1'), 'space']);
    expect(state.ticked).toEqual(['us-east-1']);
  });

  it('while the filter still matches choices, a refused prefix is not shown', () => {
    const state = run(typed('eu-'));
    expect(rows(state, options).map((row) => row.kind)).toEqual(['choice', 'choice']);
  });

  it('without a check, what was typed is still offered to add', () => {
    const free: MultiSelectOptions<string> = { choices: options.choices, allowOther: { label: 'add' } };
    let state = initialState<string>([], free);
    for (const key of typed('iso 27001')) [state] = pressKey(state, key, free);
    expect(rows(state, free).at(-1)).toEqual({ kind: 'add', value: 'iso 27001' });
  });
});

describe('the lead (build region)', () => {
  it('b on a ticked row makes it the first ticked, nothing unticked', () => {
    const state = run([...typed('eu-west-1'), 'enter', 'down', 'lead'], initialState(['us-east-1'], options));
    // rows: us-east-1, eu-west-1, eu-central-1; the cursor is on eu-west-1
    expect(state.ticked).toEqual(['eu-west-1', 'us-east-1']);
  });

  it('b on an unticked row ticks it as the lead', () => {
    const state = run(['down', 'down', 'lead']);
    expect(state.ticked).toEqual(['eu-central-1', 'us-east-1']);
  });

  it('b does nothing where the screen has no lead', () => {
    const plain: MultiSelectOptions<string> = { choices: options.choices };
    const [state] = pressKey(initialState(['us-east-1'], plain), 'lead', plain);
    expect(state.ticked).toEqual(['us-east-1']);
  });
});
