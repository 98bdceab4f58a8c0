// A list of choices: ↑↓ (or k/j) move the highlight, a digit moves it to that row, only Enter confirms.
// ink-select-input's own input handling is not used: its number keys select AND submit at once, so
// a stray `3` overrode the recommendation and a `2` on the Files screen quit, and it has no switch to
// turn that off. Its Indicator and Item still draw the rows, so the lists look as before.
// With `typeToJump` (the question lists), letters move the highlight to the matching label instead
// (type-to-jump.ts), so j and k are letters there.
import { useState } from 'react';
import { Box, useInput } from 'ink';
import { Indicator, Item } from 'ink-select-input';
import { printable } from '../text/printable.ts';
import { jumpTo } from './type-to-jump.ts';

export interface Choice<V> {
  key: string;
  label: string;
  value: V;
}

export interface ChoiceListProps<V> {
  items: readonly Choice<V>[];
  initialIndex?: number;
  onSelect: (item: Choice<V>) => void;
  /** Letters jump to the first label they start (and j/k are letters, not moves). */
  typeToJump?: boolean;
}

export function ChoiceList<V>({ items, initialIndex = 0, onSelect, typeToJump = false }: ChoiceListProps<V>) {
  const [highlighted, setHighlighted] = useState(Math.min(Math.max(0, initialIndex), items.length - 1));
  const [typed, setTyped] = useState('');
  useInput((input, key) => {
    if (typeToJump && /^[a-z]$/i.test(input) && !key.ctrl && !key.meta) {
      const jump = jumpTo(
        items.map((item) => item.label),
        typed,
        input,
        highlighted,
      );
      if (jump) {
        setHighlighted(jump.index);
        setTyped(jump.typed);
      }
      return;
    }
    setTyped('');
    if (key.upArrow || (!typeToJump && input === 'k')) setHighlighted((i) => (i - 1 + items.length) % items.length);
    else if (key.downArrow || (!typeToJump && input === 'j')) setHighlighted((i) => (i + 1) % items.length);
    else if (/^[1-9]$/.test(input) && Number(input) <= items.length) setHighlighted(Number(input) - 1);
    else if (key.return && items[highlighted]) onSelect(items[highlighted]);
  });
  return (
    <Box flexDirection="column">
      {items.map((item, index) => (
        <Box key={item.key}>
          <Indicator isSelected={index === highlighted} />
          <Item label={printable(item.label)} isSelected={index === highlighted} />
        </Box>
      ))}
    </Box>
  );
}
