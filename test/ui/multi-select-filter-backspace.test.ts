// Adversarial review of issue 14's multi-select: Backspace in the filter removed one UTF-16 unit, so
// a letter outside the BMP (𝐀, a mathematical letter) left half of itself behind, a lone surrogate
// that "add what was typed" offered as an answer.
import { expect, it } from 'vitest';
import { initialState, pressKey, rows } from '../../source/ui/multi-select-state.ts';

it('Backspace removes a whole character from the filter, never half of one', () => {
  const options = { choices: [{ value: 'PCI DSS', label: 'PCI DSS' }], allowOther: { label: 'Add' } };
  let [state] = pressKey(initialState<string>([], options), { text: 'ISO𝐀𝐁' }, options);
  [state] = pressKey(state, 'backspace', options);
  expect(state.filter).toBe('ISO𝐀');
  const add = rows(state, options).find((row) => row.kind === 'add');
  expect(add && add.kind === 'add' && add.value).toBe('ISO𝐀');
});
