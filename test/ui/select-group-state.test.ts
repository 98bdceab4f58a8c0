// The experience screen's keys as one sequence: ↑↓ and letters within a question, Tab between them,
// one Enter confirms them all, Esc goes back a question or off the screen.
import { describe, expect, it } from 'vitest';
import { initialGroupState, pressGroupKey } from '../../source/ui/select-group-state.ts';
import type { SelectGroupKey } from '../../source/ui/select-group-state.ts';
import { pressAll } from './reducer-harness.ts';

const parts = [
  ['None', 'Some', 'A lot'],
  ['Packer', 'Image Builder'],
];
const run = (keys: SelectGroupKey[]) =>
  pressAll((state, key: SelectGroupKey) => pressGroupKey(state, key, parts), initialGroupState([0, 0]), keys);

describe('select group state', () => {
  it('Down Down Enter, as one sequence, confirms the third answer of the first question', () => {
    const { state, actions } = run(['down', 'down', 'enter']);
    expect(state.cursors).toEqual([2, 0]);
    expect(actions).toEqual(['confirm']);
  });

  it('↑↓ wrap within the question; Tab moves to the next and round', () => {
    expect(run(['up']).state.cursors).toEqual([2, 0]);
    expect(run(['tab', 'down', 'down']).state).toMatchObject({ part: 1, cursors: [0, 0] });
    expect(run(['tab', 'tab']).state.part).toBe(0);
    expect(run(['back-tab']).state.part).toBe(1);
  });

  it('letters jump within the question; a digit picks its row', () => {
    expect(run([{ text: 'a' }]).state.cursors).toEqual([2, 0]);
    expect(run(['tab', { text: 'i' }]).state.cursors).toEqual([0, 1]);
    expect(run([{ text: '2' }]).state.cursors).toEqual([1, 0]);
    expect(run([{ text: '7' }]).state.cursors).toEqual([0, 0]);
  });

  it('Esc goes back a question, then off the screen', () => {
    expect(run(['tab', 'escape'])).toMatchObject({ state: { part: 0 }, actions: [] });
    expect(run(['escape']).actions).toEqual(['back']);
  });
});
