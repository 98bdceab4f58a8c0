// The workshop's opening: the spectrum with the three designs placed on it and what each bakes in,
// as much as the terminal holds (text/spectrum-text.ts's introLines). It is the first screen: Esc
// quits (spectrum-state.ts).
import { Text } from 'ink';
import { BACK } from '../wizard/context.ts';
import type { Back, Progress } from '../wizard/context.ts';
import { introLines } from '../text/workshop-intro-text.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { useTerminalSize } from './terminal-size.ts';
import { useScreenKeys } from './screen-keys.ts';
import { pressSpectrumKey } from './spectrum-state.ts';

export function SpectrumScreen({
  progress,
  onNext,
  onBack,
}: {
  progress: Progress;
  onNext: () => void;
  onBack: () => void;
}) {
  const { width, rows } = useTerminalSize();
  useScreenKeys((_input, key) => {
    const action = pressSpectrumKey(key.return ? 'enter' : key.escape ? 'escape' : 'other');
    if (action === 'next') onNext();
    else if (action === 'back') onBack();
  });
  return (
    <Screen
      section="Workshop"
      progress={progress}
      title="Three ways to build an AMI, on one line"
      keys="Enter the questions · Esc quit"
    >
      {introLines(width, rows).map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
    </Screen>
  );
}

export function spectrumPrompt(host: UiHost, progress: Progress): Promise<undefined | Back> {
  return host.show<undefined | Back>((done) => (
    <SpectrumScreen progress={progress} onNext={() => done(undefined)} onBack={() => done(BACK)} />
  ));
}
