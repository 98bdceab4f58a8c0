// The frame every wizard screen shares: where you are (section, step N of M), the question, its
// hint, the body, and the keys that work here.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Progress } from '../wizard/context.ts';
import { headerLine } from '../text/welcome-text.ts';
import { useTerminalSize } from './terminal-size.ts';

export interface ScreenProps {
  section: string;
  progress: Progress;
  title?: string;
  hint?: string;
  keys: string;
  children?: ReactNode;
}

export function Screen({ section, progress, title, hint, keys, children }: ScreenProps) {
  const { width } = useTerminalSize();
  return (
    <Box flexDirection="column" width={width}>
      <Text dimColor wrap="truncate-end">
        {headerLine(section, progress, width)}
      </Text>
      {title !== undefined && (
        <Box marginTop={1}>
          <Text bold>{title}</Text>
        </Box>
      )}
      {hint !== undefined && <Text dimColor>{hint}</Text>}
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{keys}</Text>
      </Box>
    </Box>
  );
}
