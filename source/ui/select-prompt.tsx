// A question with a list of answers: the default is marked, `?` shows why the question matters.
import { useState } from 'react';
import { useInput } from 'ink';
import { ChoiceList } from './choice-list.tsx';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, SelectRequest } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { HelpPanel } from './help-panel.tsx';
import { Screen } from './screen.tsx';

export interface SelectScreenProps<V> extends SelectRequest<V> {
  progress: Progress;
  onSubmit: (value: V) => void;
  onBack: () => void;
}

export function SelectScreen<V>(props: SelectScreenProps<V>) {
  const { choices, why } = props;
  const [showWhy, setShowWhy] = useState(Boolean(props.whyOpen));
  useInput((input, key) => {
    if (key.escape) props.onBack();
    else if (input === '?' && why) setShowWhy((shown) => !shown);
  });
  const items = choices.map((choice, index) => ({
    key: String(index),
    label: choice.value === props.defaultValue ? `${choice.label} (default)` : choice.label,
    value: index,
  }));
  const initialIndex = Math.max(
    0,
    choices.findIndex((choice) => choice.value === props.initial),
  );
  return (
    <Screen
      section={props.section}
      progress={props.progress}
      title={props.title}
      hint={props.hint}
      keys={`↑↓ or type to choose · Enter confirm · Esc back${why ? ' · ? why this matters' : ''}`}
    >
      {showWhy && why && <HelpPanel heading="Why this matters" text={why} />}
      <ChoiceList
        typeToJump
        items={items}
        initialIndex={initialIndex}
        onSelect={(item) => props.onSubmit(choices[item.value]!.value)}
      />
    </Screen>
  );
}

export function selectPrompt<V>(host: UiHost, request: SelectRequest<V>, progress: Progress): Promise<V | Back> {
  return host.show<V | Back>((done) => (
    <SelectScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
