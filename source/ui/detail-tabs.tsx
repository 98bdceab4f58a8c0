// Details that do not all fit at once: a row of tabs (Tab or ←→ switch) and a window of lines that
// PgDn/PgUp (or Space) scroll, so a screen never grows taller than the terminal.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';

export interface DetailTab {
  name: string;
  lines: string[];
}

const more = (n: number) => `${n} more ${n === 1 ? 'line' : 'lines'}`;

export function DetailTabs({ tabs, height }: { tabs: readonly DetailTab[]; height: number }) {
  const [active, setActive] = useState(0);
  const [offset, setOffset] = useState(0);
  const lines = tabs[active]?.lines ?? [];
  const last = Math.max(0, lines.length - height);
  useInput((input, key) => {
    if (key.tab || key.rightArrow || key.leftArrow) {
      const step = key.leftArrow || key.shift ? tabs.length - 1 : 1;
      setActive((current) => (current + step) % tabs.length);
      setOffset(0);
    } else if (key.pageDown || input === ' ') setOffset((current) => Math.min(last, current + height));
    else if (key.pageUp) setOffset((current) => Math.max(0, Math.min(current, last) - height));
  });
  // Scrolled while the terminal was smaller, the window could start past the last full page.
  const top = Math.min(offset, last);
  const shown = lines.slice(top, top + height);
  return (
    <Box flexDirection="column">
      <Text>{tabs.map((tab, i) => (i === active ? `[${tab.name}]` : ` ${tab.name} `)).join(' ')}</Text>
      {shown.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Text dimColor>{top < last ? `↓ ${more(lines.length - top - height)} (PgDn)` : ' '}</Text>
    </Box>
  );
}
