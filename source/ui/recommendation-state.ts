// The recommendation screen's keys as a pure reducer (recommendation-screen.tsx draws it): the
// choices (choice-list-state.ts: ↑↓ or k/j, a digit, Enter picks), the detail tabs
// (detail-tabs-state.ts: Tab ←→, PgDn or Space, PgUp), `?` to swap the tabs for how the scores work
// and back (each opening on its first page), Esc to go back.
import { initialChoiceState, pressChoiceKey } from './choice-list-state.ts';
import type { ChoiceKey, ChoiceListState } from './choice-list-state.ts';
import { initialTabsState, pressTabsKey } from './detail-tabs-state.ts';
import type { DetailTabsKey, DetailTabsState } from './detail-tabs-state.ts';

export interface RecommendationState {
  help: boolean;
  tabs: DetailTabsState;
  list: ChoiceListState;
}

export type RecommendationKey = 'escape' | 'help' | DetailTabsKey | ChoiceKey;

export interface RecommendationOptions {
  labels: readonly string[];
  /** The tabs shown with and without the help, and each tab's pages at the terminal's size now. */
  tabs: (help: boolean) => number;
  pages: (help: boolean, tab: number) => number;
}

export type RecommendationAction = { pick: number } | 'back' | undefined;

export function initialRecommendationState(count: number, initialIndex: number): RecommendationState {
  return { help: false, tabs: initialTabsState, list: initialChoiceState(count, initialIndex) };
}

const TAB_KEYS: readonly unknown[] = ['next-tab', 'previous-tab', 'page-down', 'page-up'];

export function pressRecommendationKey(
  state: RecommendationState,
  key: RecommendationKey,
  options: RecommendationOptions,
): [RecommendationState, RecommendationAction] {
  if (key === 'escape') return [state, 'back'];
  if (key === 'help') return [{ ...state, help: !state.help, tabs: initialTabsState }, undefined];
  if (TAB_KEYS.includes(key)) {
    const tabs = pressTabsKey(state.tabs, key as DetailTabsKey, {
      tabs: options.tabs(state.help),
      pages: (tab) => options.pages(state.help, tab),
    });
    // A key for the tabs is no key for the list, but it does end a word typed to it.
    return [{ ...state, tabs, list: { ...state.list, typed: '' } }, undefined];
  }
  const [list, action] = pressChoiceKey(state.list, key as ChoiceKey, { labels: options.labels });
  return [{ ...state, list }, action];
}
