// A question's list: the list's keys, `?` for why it matters, Esc back.
import { describe, expect, it } from 'vitest';
import { initialSelectState, pressSelectKey } from '../../source/ui/select-state.ts';
import type { SelectKey } from '../../source/ui/select-state.ts';
import { pressAll } from './reducer-harness.ts';

const labels = ['Monthly (default)', 'Weekly', 'Nightly'];
const run = (keys: SelectKey[], initial = 0) =>
  pressAll((state, key: SelectKey) => pressSelectKey(state, key, { labels }), initialSelectState(3, initial), keys);

describe('select state', () => {
  it('Down Down Enter, as one sequence, picks the third answer', () => {
    expect(run(['down', 'down', 'enter']).actions).toEqual([{ pick: 2 }]);
  });

  it('opens on the current answer; Enter keeps it', () => {
    expect(run(['enter'], 1).actions).toEqual([{ pick: 1 }]);
  });

  it('Esc goes back, whatever was highlighted', () => {
    expect(run(['down', 'escape']).actions).toEqual(['back']);
  });

  it('? shows and hides why the question matters, and moves nothing', () => {
    expect(run(['why']).state.why).toBe(true);
    expect(run(['why', 'why'])).toEqual({ state: initialSelectState(3, 0), actions: [] });
    expect(initialSelectState(3, 0, true).why).toBe(true);
  });

  it('letters jump (type to jump), digits move', () => {
    expect(run([{ text: 'n' }, 'enter']).actions).toEqual([{ pick: 2 }]);
    expect(run([{ text: '2' }, 'enter']).actions).toEqual([{ pick: 1 }]);
  });
});
