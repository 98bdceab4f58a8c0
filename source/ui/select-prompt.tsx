// A question with a list of answers: the default is marked, `?` shows why the question matters.
// The keys' effect is the pure reducer in select-state.ts.
import { ChoiceList, choiceKeyOf } from './choice-list.tsx';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress, SelectRequest } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { HelpPanel } from './help-panel.tsx';
import { Screen } from './screen.tsx';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import { initialSelectState, pressSelectKey } from './select-state.ts';
import type { SelectKey } from './select-state.ts';

export interface SelectScreenProps<V> extends SelectRequest<V> {
  progress: Progress;
  onSubmit: (value: V) => void;
  onBack: () => void;
}

export function SelectScreen<V>(props: SelectScreenProps<V>) {
  const { choices, why } = props;
  const items = choices.map((choice, index) => ({
    key: String(index),
    label: choice.value === props.defaultValue ? `${choice.label} (default)` : choice.label,
    value: index,
  }));
  const labels = items.map((item) => item.label);
  const [state, store] = useScreenStore(() =>
    initialSelectState(
      choices.length,
      choices.findIndex((choice) => choice.value === props.initial),
      Boolean(props.whyOpen),
    ),
  );
  useScreenKeys((input, key) => {
    const pressed: SelectKey = key.escape ? 'escape' : input === '?' && why ? 'why' : choiceKeyOf(input, key);
    const [next, action] = pressSelectKey(store.get(), pressed, { labels });
    store.set(next);
    if (action === 'back') props.onBack();
    else if (action) props.onSubmit(choices[action.pick]!.value);
  });
  return (
    <Screen
      section={props.section}
      progress={props.progress}
      title={props.title}
      hint={props.hint}
      keys={`↑↓ or type to choose · Enter confirm · Esc back${why ? ' · ? why this matters' : ''}`}
    >
      {state.why && why && <HelpPanel heading="Why this matters" text={why} />}
      <ChoiceList items={items} highlighted={state.list.highlighted} />
    </Screen>
  );
}

export function selectPrompt<V>(host: UiHost, request: SelectRequest<V>, progress: Progress): Promise<V | Back> {
  return host.show<V | Back>((done) => (
    <SelectScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
