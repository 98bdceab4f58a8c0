// A list of choices: ↑↓ (or k/j) move the highlight, a digit moves it to that row, only Enter confirms.
// ink-select-input's own input handling is not used: its number keys select AND submit at once, so
// a stray `3` overrode the recommendation and a `2` on the Files screen quit, and it has no switch to
// turn that off. Its Indicator and Item still draw the rows, so the lists look as before.
import { useState } from 'react';
import { Box, useInput } from 'ink';
import { Indicator, Item } from 'ink-select-input';

export interface Choice<V> {
  key: string;
  label: string;
  value: V;
}

export interface ChoiceListProps<V> {
  items: readonly Choice<V>[];
  initialIndex?: number;
  onSelect: (item: Choice<V>) => void;
}

export function ChoiceList<V>({ items, initialIndex = 0, onSelect }: ChoiceListProps<V>) {
  const [highlighted, setHighlighted] = useState(Math.min(Math.max(0, initialIndex), items.length - 1));
  useInput((input, key) => {
    if (key.upArrow || input === 'k') setHighlighted((i) => (i - 1 + items.length) % items.length);
    else if (key.downArrow || input === 'j') setHighlighted((i) => (i + 1) % items.length);
    else if (/^[1-9]$/.test(input) && Number(input) <= items.length) setHighlighted(Number(input) - 1);
    else if (key.return && items[highlighted]) onSelect(items[highlighted]);
  });
  return (
    <Box flexDirection="column">
      {items.map((item, index) => (
        <Box key={item.key}>
          <Indicator isSelected={index === highlighted} />
          <Item label={item.label} isSelected={index === highlighted} />
        </Box>
      ))}
    </Box>
  );
}
