// Welcome: the spectrum in one picture. Drawn from the same lines as the plain first frame.
import { Box, Text, useInput } from 'ink';
import { welcomeLines, WELCOME_KEYS } from '../text/welcome-text.ts';
import type { WelcomeRequest } from '../wizard/context.ts';
import type { UiHost } from './host.tsx';
import { useTerminalSize } from './terminal-size.ts';

export function WelcomeScreen({ onNext, request }: { onNext: () => void; request?: WelcomeRequest }) {
  const { width } = useTerminalSize();
  useInput((_input, key) => {
    if (key.return) onNext();
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
      <Box marginTop={1}>
        <Text dimColor>{WELCOME_KEYS}</Text>
      </Box>
    </Box>
  );
}

export function welcomePrompt(host: UiHost, request?: WelcomeRequest): Promise<void> {
  return host.show<void>((done) => <WelcomeScreen onNext={() => done()} request={request} />);
}
