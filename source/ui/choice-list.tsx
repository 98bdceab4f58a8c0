// A list of choices, drawn: the keys that move its highlight are the pure reducer in
// choice-list-state.ts, which the screen holding the list feeds (so one screen has one key handler).
// ink-select-input's own input handling is not used: its number keys select AND submit at once, so
// a stray `3` overrode the recommendation and a `2` on the Files screen quit, and it has no switch to
// turn that off. Its Indicator and Item still draw the rows, so the lists look as before.
import { Box } from 'ink';
import type { Key } from 'ink';
import { Indicator, Item } from 'ink-select-input';
import { printable } from '../text/printable.ts';
import type { ChoiceKey } from './choice-list-state.ts';

export interface Choice<V> {
  key: string;
  label: string;
  value: V;
}

/** Ink's key as a list key: arrows, Enter, and a letter or digit typed without Ctrl or Alt. */
export function choiceKeyOf(input: string, key: Key): ChoiceKey {
  if (key.upArrow) return 'up';
  if (key.downArrow) return 'down';
  if (key.return) return 'enter';
  if (input && !key.ctrl && !key.meta) return { text: input };
  return 'other';
}

export function ChoiceList<V>({ items, highlighted }: { items: readonly Choice<V>[]; highlighted: number }) {
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
