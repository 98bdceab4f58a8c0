// The detail tabs' keys as a pure reducer (detail-tabs.tsx draws it): Tab or → the next tab, ← or
// Shift+Tab the one before, each opening on its first page; PgDn (or Space) and PgUp page within the
// tab, no further than its last page. How many pages a tab has depends on the terminal, so the
// screen passes it in with each key.
export interface DetailTabsState {
  active: number;
  page: number;
}

export type DetailTabsKey = 'next-tab' | 'previous-tab' | 'page-down' | 'page-up';

export interface DetailTabsOptions {
  tabs: number;
  /** The pages of tab `tab` at the terminal's size now. */
  pages: (tab: number) => number;
}

export const initialTabsState: DetailTabsState = { active: 0, page: 0 };

export function pressTabsKey(state: DetailTabsState, key: DetailTabsKey, options: DetailTabsOptions): DetailTabsState {
  const last = Math.max(0, options.pages(state.active) - 1);
  switch (key) {
    case 'next-tab':
      return { active: (state.active + 1) % options.tabs, page: 0 };
    case 'previous-tab':
      return { active: (state.active + options.tabs - 1) % options.tabs, page: 0 };
    case 'page-down':
      return { ...state, page: Math.min(last, state.page + 1) };
    case 'page-up':
      // Paged while the terminal was larger, the page could be past the last one.
      return { ...state, page: Math.max(0, Math.min(state.page, last) - 1) };
  }
}
