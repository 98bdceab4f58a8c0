// A list where several answers may be ticked (regions, compliance): type to filter, ↑↓ move, Space
// ticks, Enter confirms; `?` shows the help, and where the first ticked value is marked (the build
// region) `b` makes the highlighted row the first. Before anything is typed only: after that `?` and
// `b` filter like any letter. The keys' effect is the pure reducer in multi-select-state.ts.
import { Box, Text } from 'ink';
import { BACK } from '../wizard/context.ts';
import type { Back, MultiSelectRequest, Progress } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { HelpPanel } from './help-panel.tsx';
import { Screen } from './screen.tsx';
import { initialState, pressKey, rows } from './multi-select-state.ts';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import type { MultiSelectKey } from './multi-select-state.ts';

/** Rows shown at once; the list scrolls with the highlight. */
const VISIBLE_ROWS = 8;

export interface MultiSelectScreenProps<V extends string> extends MultiSelectRequest<V> {
  progress: Progress;
  onSubmit: (values: V[]) => void;
  onBack: () => void;
}

export function MultiSelectScreen<V extends string>(props: MultiSelectScreenProps<V>) {
  // Each key acts on the state the key before left, whether or not React has drawn it yet: Esc right
  // after an Enter that cleared the filter goes back, as it would a moment later.
  const [screen, store] = useScreenStore(() => ({
    list: initialState(props.initial, props),
    why: false,
    problem: undefined as string | undefined,
  }));
  const { list: state, why: showWhy, problem } = screen;
  useScreenKeys((input, key) => {
    const now = store.get();
    let pressed: MultiSelectKey | undefined;
    if (key.escape) {
      if (!now.list.filter) return props.onBack();
      pressed = 'clear';
    } else if (key.upArrow) pressed = 'up';
    else if (key.downArrow) pressed = 'down';
    else if (key.return) pressed = 'enter';
    else if (key.backspace || key.delete) pressed = 'backspace';
    else if (input === ' ') pressed = 'space';
    else if (input === '?' && props.why && !now.list.filter) return store.set({ ...now, why: !now.why });
    else if (input === 'b' && props.lead && !now.list.filter) pressed = 'lead';
    else if (input && !key.ctrl && !key.meta && /^[\p{L}\p{N}._:/()+-]+$/u.test(input)) pressed = { text: input };
    if (!pressed) return;
    const [next, action] = pressKey(now.list, pressed, props);
    const found = action === 'confirm' ? props.validate(next.ticked) : undefined;
    store.set({ ...now, list: next, problem: typeof action === 'object' ? action.refused : found });
    if (action === 'confirm' && !found) props.onSubmit(next.ticked);
  });
  const list = rows(state, props);
  // Marked in the list always; on the Ticked line only when there is another to tell it from.
  const leadMark = (value: V) => (props.lead && state.ticked[0] === value ? ` (${props.lead.label})` : '');
  const cursor = Math.min(state.cursor, Math.max(0, list.length - 1));
  const first = Math.max(0, Math.min(cursor - Math.floor(VISIBLE_ROWS / 2), list.length - VISIBLE_ROWS));
  const shown = list.slice(first, first + VISIBLE_ROWS);
  return (
    <Screen
      section={props.section}
      progress={props.progress}
      title={props.title}
      hint={props.hint}
      keys={`type to filter · ↑↓ move · Space tick${props.lead ? ` · b ${props.lead.label}` : ''} · Enter confirm · Esc back${props.why ? ' · ? help' : ''}`}
    >
      {showWhy && props.why && <HelpPanel heading="Help" text={props.why} />}
      <Text>
        <Text color="cyan">{'Filter: '}</Text>
        {state.filter}
        <Text inverse> </Text>
      </Text>
      {first > 0 && <Text dimColor>{`  ↑ ${first} more`}</Text>}
      {shown.map((row, i) => {
        const at = first + i === cursor;
        const pointer = at ? '❯ ' : '  ';
        if (row.kind === 'add')
          return (
            <Text
              key="add"
              color={at ? 'cyan' : undefined}
            >{`${pointer}+ ${props.allowOther!.label} "${row.value}"`}</Text>
          );
        if (row.kind === 'refused') return <Text key="refused" color="red">{`${pointer}✗ ${row.message}`}</Text>;
        const mark = state.ticked.includes(row.choice.value) ? '[x]' : '[ ]';
        const label =
          row.choice.label === row.choice.value ? row.choice.value : `${row.choice.value}  ${row.choice.label}`;
        return (
          <Text
            key={row.choice.value}
            color={at ? 'cyan' : undefined}
            wrap="truncate-end"
          >{`${pointer}${mark} ${label}${leadMark(row.choice.value)}`}</Text>
        );
      })}
      {list.length === 0 && <Text dimColor> (nothing matches; Backspace or Esc clears the filter)</Text>}
      {first + VISIBLE_ROWS < list.length && <Text dimColor>{`  ↓ ${list.length - first - VISIBLE_ROWS} more`}</Text>}
      <Box marginTop={1}>
        <Text wrap="truncate-end">{`Ticked: ${state.ticked.length > 0 ? state.ticked.map((value) => value + (state.ticked.length > 1 ? leadMark(value) : '')).join(', ') : '(none)'}`}</Text>
      </Box>
      {problem && <Text color="red">{problem}</Text>}
    </Screen>
  );
}

export function multiSelectPrompt<V extends string>(
  host: UiHost,
  request: MultiSelectRequest<V>,
  progress: Progress,
): Promise<V[] | Back> {
  return host.show<V[] | Back>((done) => (
    <MultiSelectScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
