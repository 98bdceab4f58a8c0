// The `?` panel every question screen shows above its input: a heading and the text, indented.
import { Box, Text } from 'ink';

export function HelpPanel({ heading, text }: { heading: string; text: string }) {
  return (
    <Box flexDirection="column" marginBottom={1} paddingLeft={2}>
      <Text color="cyan">{heading}</Text>
      <Text>{text}</Text>
    </Box>
  );
}
