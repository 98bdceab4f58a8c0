// A free-text answer, pre-filled with the current value. The step's `validate` (the answers schema)
// decides whether it may be submitted; the problem is shown under the field.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import TextInput from 'ink-text-input';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, TextRequest } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';

export interface TextScreenProps extends TextRequest {
  progress: Progress;
  onSubmit: (value: string) => void;
  onBack: () => void;
}

export function TextScreen(props: TextScreenProps) {
  const [value, setValue] = useState(props.initial);
  const [problem, setProblem] = useState<string | undefined>();
  useInput((_input, key) => {
    if (key.escape) props.onBack();
  });
  const submit = (typed: string) => {
    const found = props.validate(typed);
    if (found) setProblem(found);
    else props.onSubmit(typed);
  };
  return (
    <Screen section={props.section} progress={props.progress} title={props.title} hint={props.hint} keys="Enter confirm · Esc back">
      <Box>
        <Text color="cyan">{'› '}</Text>
        <TextInput
          value={value}
          onChange={(next) => {
            setValue(next);
            setProblem(undefined);
          }}
          onSubmit={submit}
        />
      </Box>
      {problem && <Text color="red">{problem}</Text>}
    </Screen>
  );
}

export function textPrompt(host: UiHost, request: TextRequest, progress: Progress): Promise<string | Back> {
  return host.show<string | Back>((done) => <TextScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />);
}
