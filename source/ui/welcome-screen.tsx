// Welcome: the spectrum in one picture. Drawn from the same lines as the plain first frame. With a
// kept draft (an earlier run quit part-way), it offers to resume it or to start over.
import { Box, Text, useInput } from 'ink';
import { START_OVER_LABEL } from '../text/draft-text.ts';
import { welcomeLines, WELCOME_KEYS, WELCOME_RESUME_KEYS } from '../text/welcome-text.ts';
import type { WelcomeChoice, WelcomeRequest } from '../wizard/context.ts';
import { ChoiceList } from './choice-list.tsx';
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
  useInput((_input, key) => {
    if (key.return && resume === undefined) onNext('start');
  });
  const [header, ...body] = welcomeLines(width, request?.total, request?.note);
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor>{header}</Text>
      {body.map((line, i) => (
        <Text key={i} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      {resume !== undefined && (
        <Box marginTop={1}>
          <ChoiceList<WelcomeChoice>
            items={[
              { key: 'resume', label: resume, value: 'resume' },
              { key: 'start', label: START_OVER_LABEL, value: 'start' },
            ]}
            onSelect={(item) => onNext(item.value)}
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
