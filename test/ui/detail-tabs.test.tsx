// The recommendation's detail pane: pages start at a bullet, never inside one, and say what is above
// and below. The keys go through the tabs' reducer (detail-tabs-state.ts), as the screen feeds it.
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { DetailTabs, tabPages } from '../../source/ui/detail-tabs.tsx';
import { initialTabsState, pressTabsKey } from '../../source/ui/detail-tabs-state.ts';
import type { DetailTabsKey } from '../../source/ui/detail-tabs-state.ts';

afterEach(() => cleanup());

// Five bullets of two lines each, then one of three.
const lines = [1, 2, 3, 4, 5]
  .flatMap((n) => [`• item ${n} starts`, `  item ${n} goes on`])
  .concat(['• item 6 starts', '  item 6 goes on', '  item 6 ends']);

describe('detail tabs', () => {
  it('a page never starts inside a bullet, and says how much is above and below', () => {
    const tabs = [{ name: 'Reasons', lines }];
    let state = initialTabsState;
    const { lastFrame, rerender } = render(<DetailTabs tabs={tabs} height={5} state={state} />);
    const press = (key: DetailTabsKey) => {
      state = pressTabsKey(state, key, { tabs: 1, pages: (tab) => tabPages(tabs, 5)[tab]! });
      rerender(<DetailTabs tabs={tabs} height={5} state={state} />);
    };
    expect(lastFrame()).toContain('item 1 starts');
    expect(lastFrame()).toContain('item 2 goes on');
    // Five rows hold two whole bullets: the third starts the next page.
    expect(lastFrame()).not.toContain('item 3 starts');
    expect(lastFrame()).toMatch(/↓ 9 more lines below \(PgDn\)/);
    expect(lastFrame()).not.toContain('above');
    press('page-down');
    const second = lastFrame()!.split('\n');
    expect(second[1]).toBe('• item 3 starts');
    expect(lastFrame()).toMatch(/↑ 4 lines above \(PgUp\)/);
    expect(lastFrame()).toMatch(/↓ 5 more lines below/);
    // The last page: items 5 and 6 fit whole.
    press('page-down');
    expect(lastFrame()!.split('\n')[1]).toBe('• item 5 starts');
    expect(lastFrame()).toContain('item 6 ends');
    expect(lastFrame()).not.toContain('below');
    expect(lastFrame()).toMatch(/↑ 8 lines above/);
    press('page-down');
    expect(lastFrame()!.split('\n')[1]).toBe('• item 5 starts');
    // PgUp goes back through the same pages.
    press('page-up');
    expect(lastFrame()!.split('\n')[1]).toBe('• item 3 starts');
  });
});
