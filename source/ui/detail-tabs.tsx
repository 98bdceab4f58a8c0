// Details that do not all fit at once: a row of tabs (Tab or ←→ switch) and a window of lines that
// PgDn/PgUp (or Space) page through, so a screen never grows taller than the terminal. A page starts
// at a bullet (a line that is not indented), never inside one, and the last row says how much is
// above and below.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { pageStarts, scrollHint } from '../text/pages.ts';

export interface DetailTab {
  name: string;
  lines: string[];
}

/** The row of tab names, the active one in brackets (it wraps like any text when narrow). */
export const tabRow = (names: readonly string[], active: number): string =>
  names.map((name, i) => (i === active ? `[${name}]` : ` ${name} `)).join(' ');

export function DetailTabs({ tabs, height }: { tabs: readonly DetailTab[]; height: number }) {
  const [active, setActive] = useState(0);
  const [page, setPage] = useState(0);
  const lines = tabs[active]?.lines ?? [];
  const starts = pageStarts(lines, height);
  useInput((input, key) => {
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || key.shift ? tabs.length - 1 : 1;
      setActive((current) => (current + step) % tabs.length);
      setPage(0);
    } else if (key.pageDown || input === ' ') setPage((current) => Math.min(starts.length - 1, current + 1));
    else if (key.pageUp) setPage((current) => Math.max(0, Math.min(current, starts.length - 1) - 1));
  });
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
