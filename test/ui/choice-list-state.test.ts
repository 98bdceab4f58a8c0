// A list's keys as a pure reducer: the highlight moves, wraps, jumps by digit or by letters typed,
// and only Enter picks.
import { describe, expect, it } from 'vitest';
import { initialChoiceState, pressChoiceKey } from '../../source/ui/choice-list-state.ts';
import type { ChoiceKey, ChoiceListOptions } from '../../source/ui/choice-list-state.ts';
import { pressAll } from './reducer-harness.ts';

const labels = ['Ansible', 'Chef', 'Puppet', 'Salt', 'Shell scripts'];
const run = (keys: ChoiceKey[], options: Partial<ChoiceListOptions> = {}, initial = 0) =>
  pressAll(
    (state, key: ChoiceKey) => pressChoiceKey(state, key, { labels, ...options }),
    initialChoiceState(5, initial),
    keys,
  );

describe('choice list state', () => {
  it('Down Down Enter, as one sequence, picks the third row', () => {
    expect(run(['down', 'down', 'enter']).actions).toEqual([{ pick: 2 }]);
  });

  it('Enter Enter picks twice the same row (the screen takes the first)', () => {
    expect(run(['enter', 'enter'], {}, 3).actions).toEqual([{ pick: 3 }, { pick: 3 }]);
  });

  it('wraps round at both ends', () => {
    expect(run(['up']).state.highlighted).toBe(4);
    expect(run(['down'], {}, 4).state.highlighted).toBe(0);
  });

  it('starts on the row asked for, within the list', () => {
    expect(initialChoiceState(5, 7).highlighted).toBe(4);
    expect(initialChoiceState(5, -1).highlighted).toBe(0);
  });

  it('a digit moves to its row and picks nothing; one past the list does nothing', () => {
    expect(run([{ text: '3' }])).toEqual({ state: { highlighted: 2, typed: '' }, actions: [] });
    expect(run([{ text: '9' }]).state.highlighted).toBe(0);
  });

  it('j and k move, where letters do not jump', () => {
    expect(run([{ text: 'j' }, { text: 'j' }, { text: 'k' }]).state.highlighted).toBe(1);
  });

  it('type to jump: letters pick the label they start, the same letter again the next one', () => {
    const options = { typeToJump: true };
    expect(run([{ text: 's' }], options).state).toEqual({ highlighted: 3, typed: 's' });
    expect(run([{ text: 's' }, { text: 's' }], options).state.highlighted).toBe(4);
    expect(run([{ text: 's' }, { text: 'h' }], options).state).toEqual({ highlighted: 4, typed: 'sh' });
    expect(run([{ text: 'P' }, 'enter'], options).actions).toEqual([{ pick: 2 }]);
    // j and k are letters here: nothing starts with j, so nothing moves.
    expect(run([{ text: 'j' }], options).state.highlighted).toBe(0);
  });

  it('any other key ends the word typed', () => {
    const options = { typeToJump: true };
    expect(run([{ text: 's' }, 'other'], options).state).toEqual({ highlighted: 3, typed: '' });
    expect(run([{ text: 's' }, 'down', { text: 's' }], options).state.highlighted).toBe(3);
  });
});
