// The multi-select's keys as one sequence, as the host feeds a read: each key acts on the state the
// key before left.
import { describe, expect, it } from 'vitest';
import { initialState, pressKey } from '../../source/ui/multi-select-state.ts';
import type { MultiSelectKey, MultiSelectOptions } from '../../source/ui/multi-select-state.ts';
import { pressAll } from './reducer-harness.ts';

const options: MultiSelectOptions<string> = {
  choices: ['pci-dss', 'hipaa', 'cis', 'fedramp'].map((value) => ({ value, label: value.toUpperCase() })),
};
const run = (keys: MultiSelectKey[], initial: string[] = []) =>
  pressAll((state, key: MultiSelectKey) => pressKey(state, key, options), initialState(initial, options), keys);

describe('multi-select state', () => {
  it('Down Down Space Enter ticks the third and confirms', () => {
    const { state, actions } = run(['down', 'down', 'space', 'enter']);
    expect(state.ticked).toEqual(['cis']);
    expect(actions).toEqual(['confirm']);
  });

  it('the cursor stops at both ends of the list', () => {
    expect(run(['up']).state.cursor).toBe(0);
    expect(run(['down', 'down', 'down', 'down', 'down']).state.cursor).toBe(3);
  });

  it('typing filters; Enter ticks the highlighted match and clears the filter; the next Enter confirms', () => {
    const { state, actions } = run([{ text: 'h' }, { text: 'i' }, 'enter', 'enter']);
    expect(state.ticked).toEqual(['hipaa']);
    expect(state.filter).toBe('');
    expect(actions).toEqual(['confirm']);
  });

  it('Space twice unticks; ticked values keep the order they were ticked in', () => {
    expect(run(['space', 'space']).state.ticked).toEqual([]);
    expect(run(['down', 'space', 'up', 'space']).state.ticked).toEqual(['hipaa', 'pci-dss']);
  });
});
