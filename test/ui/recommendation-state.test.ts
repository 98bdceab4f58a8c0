// The recommendation screen's keys: the choices, the tabs, `?` for how the scores work, Esc back.
import { describe, expect, it } from 'vitest';
import { initialRecommendationState, pressRecommendationKey } from '../../source/ui/recommendation-state.ts';
import type { RecommendationKey } from '../../source/ui/recommendation-state.ts';
import { pressAll } from './reducer-harness.ts';

const options = {
  labels: ['Accept Hybrid (recommended)', 'Use Golden instead', 'Use Bootstrap instead'],
  tabs: (help: boolean) => (help ? 1 : 4),
  pages: (help: boolean) => (help ? 5 : 2),
};
const run = (keys: RecommendationKey[], initial = 0) =>
  pressAll(
    (state, key: RecommendationKey) => pressRecommendationKey(state, key, options),
    initialRecommendationState(3, initial),
    keys,
  );

describe('recommendation state', () => {
  it('Down Down Enter, as one sequence, picks the third choice', () => {
    expect(run(['down', 'down', 'enter']).actions).toEqual([{ pick: 2 }]);
  });

  it('opens on the design chosen before; k and j move, a digit moves', () => {
    expect(run(['enter'], 1).actions).toEqual([{ pick: 1 }]);
    expect(run([{ text: 'j' }, { text: 'j' }, { text: 'k' }, 'enter']).actions).toEqual([{ pick: 1 }]);
    expect(run([{ text: '3' }, 'enter']).actions).toEqual([{ pick: 2 }]);
  });

  it('the tab keys page the details and leave the choice alone', () => {
    const { state, actions } = run(['next-tab', 'page-down', 'page-down']);
    expect(state.tabs).toEqual({ active: 1, page: 1 });
    expect(state.list.highlighted).toBe(0);
    expect(actions).toEqual([]);
  });

  it('? swaps the tabs for how the scores work, each opening on its first page', () => {
    const help = run(['next-tab', 'page-down', 'help']).state;
    expect(help.help).toBe(true);
    expect(help.tabs).toEqual({ active: 0, page: 0 });
    // The help has one tab of five pages.
    expect(run(['help', 'next-tab', 'page-down', 'page-down', 'page-down']).state.tabs).toEqual({
      active: 0,
      page: 3,
    });
    expect(run(['help', 'page-down', 'help']).state.tabs).toEqual({ active: 0, page: 0 });
  });

  it('Esc goes back', () => {
    expect(run(['down', 'escape']).actions).toEqual(['back']);
  });
});
