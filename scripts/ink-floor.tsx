// The floors under the wizard's "ready for keys": a bare Ink app that reads keys and draws one line,
// or (--welcome) the welcome's own lines as the wizard's welcome screen lays them out, one text per
// line. Started the way the wizard starts (the compile cache on, then Ink loaded through loadUi) and
// bundled as the CLI is, with the same edits to Ink's dependencies. scripts/bench.mjs times both
// beside the wizard: what Ink, React and yoga cost alone, and with the frame the wizard draws.
import { enableCompileCache } from '../source/compile-cache.ts';
import { loadUi } from '../source/commands/load-ui.ts';
import { WELCOME_KEYS, welcomeLines } from '../source/text/welcome-text.ts';

enableCompileCache();
const { render, Box, Text, useInput } = await loadUi(() => import('ink'));
const lines = process.argv.includes('--welcome') ? welcomeLines(80) : [];

function Floor() {
  useInput(() => undefined);
  return (
    <Box flexDirection="column" width={80}>
      {lines.map((line, i) => (
        <Text key={i} dimColor={i === 0} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Box marginTop={lines.length > 0 ? 1 : 0}>
        <Text dimColor={lines.length > 0}>{lines.length > 0 ? WELCOME_KEYS : 'Enter start'}</Text>
      </Box>
    </Box>
  );
}

render(<Floor />);
