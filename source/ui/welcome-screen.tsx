// Welcome: the spectrum in one picture. Drawn from the same lines as the plain first frame.
import { Box, Text, useInput } from 'ink';
import { welcomeLines, WELCOME_KEYS } from '../text/welcome-text.ts';
import type { UiHost } from './host.tsx';
import { useTerminalSize } from './terminal-size.ts';

export function WelcomeScreen({ onNext }: { onNext: () => void }) {
  const { width } = useTerminalSize();
  useInput((_input, key) => {
    if (key.return) onNext();
  });
  const [header, ...body] = welcomeLines(width);
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

export function welcomePrompt(host: UiHost): Promise<void> {
  return host.show<void>((done) => <WelcomeScreen onNext={() => done()} />);
}
