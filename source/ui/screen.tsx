// The frame every wizard screen shares: where you are (section, step N of M), the question, its
// hint, the body, and the keys that work here. The title and hint may carry names from the user's
// files (an --answers file name, a folder): control characters in them are drawn as escapes.
import { Box, Text } from 'ink';
import type { ReactNode } from 'react';
import type { Progress } from '../wizard/context.ts';
import { printableMessage } from '../text/printable.ts';
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
          <Text bold>{printableMessage(title)}</Text>
        </Box>
      )}
      {hint !== undefined && <Text dimColor>{printableMessage(hint)}</Text>}
      <Box marginTop={1} flexDirection="column">
        {children}
      </Box>
      <Box marginTop={1}>
        <Text dimColor>{keys}</Text>
      </Box>
    </Box>
  );
}
