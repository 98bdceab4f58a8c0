// Details that do not all fit at once: a row of tabs (Tab or ←→ switch) and a window of lines that
// PgDn/PgUp (or Space) page through, so a screen never grows taller than the terminal. A page starts
// at a bullet (a line that is not indented), never inside one, and the last row says how much is
// above and below. The keys' effect is the pure reducer in detail-tabs-state.ts, fed by the screen
// that holds the tabs (recommendation-state.ts); this only draws the state.
import { Box, Text } from 'ink';
import type { Key } from 'ink';
import { pageStarts, scrollHint } from '../text/pages.ts';
import type { DetailTabsKey, DetailTabsState } from './detail-tabs-state.ts';

export interface DetailTab {
  name: string;
  lines: string[];
}

/** The row of tab names, the active one in brackets (it wraps like any text when narrow). */
export const tabRow = (names: readonly string[], active: number): string =>
  names.map((name, i) => (i === active ? `[${name}]` : ` ${name} `)).join(' ');

/** Ink's key as a tabs key, or undefined for the keys the tabs leave alone. */
export function tabsKeyOf(input: string, key: Key): DetailTabsKey | undefined {
  if (key.leftArrow || (key.tab && key.shift)) return 'previous-tab';
  if (key.tab || key.rightArrow) return 'next-tab';
  if (key.pageDown || input === ' ') return 'page-down';
  if (key.pageUp) return 'page-up';
  return undefined;
}

/** The pages of each tab at `height` rows. */
export const tabPages = (tabs: readonly DetailTab[], height: number): number[] =>
  tabs.map((tab) => pageStarts(tab.lines, height).length);

export function DetailTabs({
  tabs,
  height,
  state: { active, page },
}: {
  tabs: readonly DetailTab[];
  height: number;
  state: DetailTabsState;
}) {
  const lines = tabs[active]?.lines ?? [];
  const starts = pageStarts(lines, height);
  // Paged while the terminal was larger, the page could be past the last one.
  const index = Math.min(page, starts.length - 1);
  const top = starts[index]!;
  const end = starts[index + 1] ?? lines.length;
  return (
    <Box flexDirection="column">
      <Text>
        {tabRow(
          tabs.map((tab) => tab.name),
          active,
        )}
      </Text>
      {lines.slice(top, end).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Text dimColor>{scrollHint(top, lines.length - end) || ' '}</Text>
    </Box>
  );
}
