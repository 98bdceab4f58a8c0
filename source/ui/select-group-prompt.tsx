// Several questions on one screen (the experience screen): the one the keys act on shows its list,
// hint and (on `?`) why it matters; the others show their answer on one line, so it is plain
// without colour which question the keys act on. Tab moves between them; one Enter confirms them
// all. The keys' effect is the pure reducer in select-group-state.ts.
import { Box, Text } from 'ink';
import { Indicator, Item } from 'ink-select-input';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, SelectGroupRequest } from '../wizard/context.ts';
import { printable } from '../text/printable.ts';
import type { UiHost } from './host.tsx';
import { HelpPanel } from './help-panel.tsx';
import { Screen } from './screen.tsx';
import { initialGroupState, pressGroupKey } from './select-group-state.ts';
import type { SelectGroupKey } from './select-group-state.ts';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';

export interface SelectGroupScreenProps<V> extends SelectGroupRequest<V> {
  progress: Progress;
  onSubmit: (values: V[]) => void;
  onBack: () => void;
}

export function SelectGroupScreen<V>(props: SelectGroupScreenProps<V>) {
  const { parts } = props;
  const labels = parts.map((part) => part.choices.map((choice) => choice.label));
  // Each key acts on the state the key before left, whether or not React has drawn it yet.
  const [state, store] = useScreenStore(() =>
    initialGroupState(
      parts.map((part) =>
        Math.max(
          0,
          part.choices.findIndex((choice) => choice.value === part.initial),
        ),
      ),
      Boolean(props.whyOpen),
    ),
  );
  useScreenKeys((input, key) => {
    let pressed: SelectGroupKey | undefined;
    if (key.escape) pressed = 'escape';
    else if (key.upArrow) pressed = 'up';
    else if (key.downArrow) pressed = 'down';
    else if (key.return) pressed = 'enter';
    else if (key.tab) pressed = key.shift ? 'back-tab' : 'tab';
    else if (input === '?') pressed = 'why';
    else if (/^[a-z1-9]$/i.test(input) && !key.ctrl && !key.meta) pressed = { text: input };
    if (!pressed) return;
    const [next, action] = pressGroupKey(store.get(), pressed, labels);
    store.set(next);
    if (action === 'back') props.onBack();
    else if (action === 'confirm') props.onSubmit(parts.map((part, i) => part.choices[next.cursors[i]!]!.value));
  });
  const hasWhy = parts.some((part) => part.why);
  return (
    <Screen
      section={props.section}
      progress={props.progress}
      title={props.title}
      hint={props.hint}
      keys={`↑↓ choose · Tab next · Enter confirm ${parts.length === 2 ? 'both' : 'all'} · Esc back${hasWhy ? ' · ? why this matters' : ''}`}
    >
      {parts.map((part, i) => {
        const cursor = state.cursors[i]!;
        if (i !== state.part) {
          return (
            <Box key={i} marginTop={i > 0 ? 1 : 0}>
              <Text wrap="truncate-end">
                {`${printable(part.title)} → `}
                <Text bold>{printable(part.choices[cursor]!.label)}</Text>
              </Text>
            </Box>
          );
        }
        return (
          <Box key={i} flexDirection="column" marginTop={i > 0 ? 1 : 0}>
            <Text bold>{printable(part.title)}</Text>
            {part.hint && <Text dimColor>{printable(part.hint)}</Text>}
            {state.why && part.why && (
              <Box marginTop={1}>
                <HelpPanel heading="Why this matters" text={part.why} />
              </Box>
            )}
            {part.choices.map((choice, j) => (
              <Box key={j}>
                <Indicator isSelected={j === cursor} />
                <Item
                  label={printable(choice.value === part.defaultValue ? `${choice.label} (default)` : choice.label)}
                  isSelected={j === cursor}
                />
              </Box>
            ))}
          </Box>
        );
      })}
    </Screen>
  );
}

export function selectGroupPrompt<V>(
  host: UiHost,
  request: SelectGroupRequest<V>,
  progress: Progress,
): Promise<V[] | Back> {
  return host.show<V[] | Back>((done) => (
    <SelectGroupScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
