// The welcome screen's keys (Enter starts; with a kept draft, resume it or start over) and the
// workshop's opening screen's (Enter on, Esc quits).
import { describe, expect, it } from 'vitest';
import { initialWelcomeState, pressWelcomeKey } from '../../source/ui/welcome-state.ts';
import type { ChoiceKey } from '../../source/ui/choice-list-state.ts';
import { pressSpectrumKey } from '../../source/ui/spectrum-state.ts';
import { pressAll } from './reducer-harness.ts';

const run = (keys: ChoiceKey[], resume?: string) =>
  pressAll((state, key: ChoiceKey) => pressWelcomeKey(state, key, resume), initialWelcomeState, keys).actions;

describe('welcome state', () => {
  it('without a draft, Enter starts and nothing else does', () => {
    expect(run(['down', { text: '2' }])).toEqual([]);
    expect(run(['enter'])).toEqual(['start']);
  });

  it('with a draft, Enter resumes it; Down Enter starts over', () => {
    const resume = 'Resume the draft (screen 4 of 21)';
    expect(run(['enter'], resume)).toEqual(['resume']);
    expect(run(['down', 'enter'], resume)).toEqual(['start']);
    expect(run(['down', 'down', 'enter'], resume)).toEqual(['resume']);
    expect(run([{ text: '2' }, 'enter'], resume)).toEqual(['start']);
  });
});

describe('spectrum screen keys', () => {
  it('Enter goes on, Esc goes back, nothing else acts', () => {
    expect(pressSpectrumKey('enter')).toBe('next');
    expect(pressSpectrumKey('escape')).toBe('back');
    expect(pressSpectrumKey('other')).toBeUndefined();
  });
});
