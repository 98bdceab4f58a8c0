// Welcome: the spectrum in one picture. Drawn from the same lines as the plain first frame. With a
// kept draft (an earlier run quit part-way), it offers to resume it or to start over. The keys'
// effect is the pure reducer in welcome-state.ts.
import { Box, Text } from 'ink';
import { START_OVER_LABEL } from '../text/draft-text.ts';
import { welcomeLines, WELCOME_KEYS, WELCOME_RESUME_KEYS } from '../text/welcome-text.ts';
import type { WelcomeChoice, WelcomeRequest } from '../wizard/context.ts';
import { ChoiceList, choiceKeyOf } from './choice-list.tsx';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import { initialWelcomeState, pressWelcomeKey } from './welcome-state.ts';
import { textRuns } from './text-runs.ts';
import type { UiHost } from './host.tsx';
import { useTerminalSize } from './terminal-size.ts';

export function WelcomeScreen({
  onNext,
  request,
}: {
  onNext: (choice: WelcomeChoice) => void;
  request?: WelcomeRequest;
}) {
  const { width } = useTerminalSize();
  const resume = request?.resume;
  const [state, store] = useScreenStore(() => initialWelcomeState);
  useScreenKeys((input, key) => {
    const [next, choice] = pressWelcomeKey(store.get(), choiceKeyOf(input, key), resume);
    store.set(next);
    if (choice) onNext(choice);
  });
  const [header, ...body] = welcomeLines(width, request?.total, request?.note);
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor>{header}</Text>
      {textRuns(body, width).map((run, i) => (
        <Text key={i} wrap={run.fits ? 'wrap' : 'truncate-end'}>
          {run.text}
        </Text>
      ))}
      {resume !== undefined && (
        <Box marginTop={1}>
          <ChoiceList<WelcomeChoice>
            items={[
              { key: 'resume', label: resume, value: 'resume' },
              { key: 'start', label: START_OVER_LABEL, value: 'start' },
            ]}
            highlighted={state.highlighted}
          />
        </Box>
      )}
      <Box marginTop={1}>
        <Text dimColor>{resume === undefined ? WELCOME_KEYS : WELCOME_RESUME_KEYS}</Text>
      </Box>
    </Box>
  );
}

export function welcomePrompt(host: UiHost, request?: WelcomeRequest): Promise<WelcomeChoice> {
  return host.show<WelcomeChoice>((done) => <WelcomeScreen onNext={done} request={request} />);
}
