// A free-text answer. The current value is a placeholder that typing replaces and Enter keeps; the
// field edits like a shell's line (line-editor.ts). The step's `validate` (the answers schema)
// decides whether it may be submitted; the problem is shown under the field. The keys' effect is the
// pure reducer in text-state.ts.
//
// ink-text-input is not used here: it appends typing to a pre-filled value (no placeholder that
// typing replaces), has no Home/End or Ctrl+A/E/U/W/K, lets control characters into the value, and
// its cursor is a colour-only inverse that chalk drops under NO_COLOR.
import { useLayoutEffect } from 'react';
import { Box, Text } from 'ink';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, TextRequest } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { editForKey, submittedValue } from './line-editor.ts';
import type { LineState } from './line-editor.ts';
import { HelpPanel } from './help-panel.tsx';
import { Screen } from './screen.tsx';
import { useKeyRouter, useScreenKeys, useScreenStore } from './screen-keys.ts';
import { initialTextState, pressTextKey } from './text-state.ts';
import type { TextKey } from './text-state.ts';

export interface TextScreenProps extends TextRequest {
  progress: Progress;
  onSubmit: (value: string) => void;
  onBack: () => void;
}

// Raw SGR, not chalk: inverse video is not colour, so it shows under NO_COLOR (FORCE_COLOR=0) too.
const INVERSE = '\u001B[7m';
const INVERSE_OFF = '\u001B[27m';

function Field({ line, placeholder }: { line: LineState; placeholder: string }) {
  if (line.text === '') {
    const [first = ' ', ...rest] = Array.from(placeholder);
    // Dim is colour's work and goes under NO_COLOR; the words keep a default unlike the same text typed.
    return (
      <Text>
        {`${INVERSE}${first}${INVERSE_OFF}`}
        <Text dimColor>{rest.join('')}</Text>
        {placeholder && <Text dimColor>{'  (default)'}</Text>}
      </Text>
    );
  }
  const chars = Array.from(line.text);
  const before = chars.slice(0, line.cursor).join('');
  const under = chars[line.cursor] ?? ' ';
  const after = chars.slice(line.cursor + 1).join('');
  return <Text>{`${before}${INVERSE}${under}${INVERSE_OFF}${after}`}</Text>;
}

export function TextScreen(props: TextScreenProps) {
  const placeholder = props.initial;
  const [state, store] = useScreenStore(() => initialTextState);
  // While a text field shows, a paste arrives marked and goes in as text: the host's key stream
  // (key-stream.ts) switches the terminal's bracketed paste mode; a screen shown alone has no switch.
  const router = useKeyRouter();
  useLayoutEffect(() => {
    router?.setBracketedPaste(true);
    return () => router?.setBracketedPaste(false);
  }, [router]);
  useScreenKeys((input, key) => {
    const edit = editForKey(input, key);
    const pressed: TextKey | undefined = key.escape ? 'escape' : key.return ? 'enter' : edit && { edit };
    if (!pressed) return;
    const [next, action] = pressTextKey(store.get(), pressed, {
      placeholder,
      validate: props.validate,
      why: Boolean(props.why),
    });
    store.set(next);
    if (action === 'back') props.onBack();
    else if (action) props.onSubmit(action.submit);
  });
  const { line, problem } = state;
  const preview = props.preview?.(submittedValue(line, placeholder));
  return (
    <Screen
      section={props.section}
      progress={props.progress}
      title={props.title}
      hint={props.hint}
      keys={`Enter confirm · Esc back · typing replaces the default, → edits it${props.why ? ' · ? help' : ''}`}
    >
      {state.why && props.why && <HelpPanel heading="Help" text={props.why} />}
      <Box>
        <Text color="cyan">{'› '}</Text>
        <Field line={line} placeholder={placeholder} />
      </Box>
      {problem ? <Text color="red">{problem}</Text> : preview && <Text>{preview}</Text>}
    </Screen>
  );
}

export function textPrompt(host: UiHost, request: TextRequest, progress: Progress): Promise<string | Back> {
  return host.show<string | Back>((done) => (
    <TextScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
