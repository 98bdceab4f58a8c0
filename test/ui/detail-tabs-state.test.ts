// The detail tabs' keys: the tabs wrap round, each opens on its first page, and paging stops at
// the first and last pages of the tab shown (at the terminal's size now).
import { describe, expect, it } from 'vitest';
import { initialTabsState, pressTabsKey } from '../../source/ui/detail-tabs-state.ts';
import type { DetailTabsKey, DetailTabsState } from '../../source/ui/detail-tabs-state.ts';

// Three tabs of 3, 1 and 2 pages.
const options = { tabs: 3, pages: (tab: number) => [3, 1, 2][tab]! };
const run = (keys: DetailTabsKey[], state: DetailTabsState = initialTabsState) =>
  keys.reduce((s, key) => pressTabsKey(s, key, options), state);

describe('detail tabs state', () => {
  it('Tab moves on and wraps; Shift+Tab or ← moves back and wraps', () => {
    expect(run(['next-tab', 'next-tab'])).toEqual({ active: 2, page: 0 });
    expect(run(['next-tab', 'next-tab', 'next-tab']).active).toBe(0);
    expect(run(['previous-tab'])).toEqual({ active: 2, page: 0 });
  });

  it('pages no further than the last page, and back no further than the first', () => {
    expect(run(['page-down', 'page-down', 'page-down', 'page-down'])).toEqual({ active: 0, page: 2 });
    expect(run(['page-down', 'page-up', 'page-up'])).toEqual({ active: 0, page: 0 });
  });

  it('another tab opens on its first page', () => {
    expect(run(['page-down', 'page-down', 'next-tab', 'next-tab'])).toEqual({ active: 2, page: 0 });
  });

  it('a page past the last (the terminal grew) pages up from the last', () => {
    expect(run(['page-up'], { active: 1, page: 4 })).toEqual({ active: 1, page: 0 });
    expect(run(['page-up'], { active: 0, page: 9 })).toEqual({ active: 0, page: 1 });
  });
});
