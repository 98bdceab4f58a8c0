// The floors under the wizard's "ready for keys": a bare Ink app that reads keys and draws one line,
// or (--welcome) the welcome's own lines as the wizard's welcome screen lays them out (the header,
// then the lines in runs, source/ui/text-runs.ts). Started the way the wizard starts (an entry
// loads this file through the code cache, then it loads Ink through loadUi) and bundled as the CLI
// is, with the same edits to Ink's dependencies. scripts/bench.mjs times both beside the wizard:
// what Ink, React and yoga cost alone, and with the frame the wizard draws.
import { loadUi } from '../source/commands/load-ui.ts';
import { textRuns } from '../source/ui/text-runs.ts';
import { WELCOME_KEYS, welcomeLines } from '../source/text/welcome-text.ts';

type Ink = typeof import('ink');

function Floor({ ink, lines }: { ink: Ink; lines: readonly string[] }) {
  const { Box, Text, useInput } = ink;
  useInput(() => undefined);
  return (
    <Box flexDirection="column" width={80}>
      {lines.length > 0 && <Text dimColor>{lines[0]}</Text>}
      {textRuns(lines.slice(1), 80).map((run, i) => (
        <Text key={i} wrap={run.fits ? 'wrap' : 'truncate-end'}>
          {run.text}
        </Text>
      ))}
      <Box marginTop={lines.length > 0 ? 1 : 0}>
        <Text dimColor={lines.length > 0}>{lines.length > 0 ? WELCOME_KEYS : 'Enter start'}</Text>
      </Box>
    </Box>
  );
}

// No top-level await: bundled as a CommonJS file, as the CLI's are. The bench's entry for it loads
// this file through the code cache (source/start/code-cache.ts).
void loadUi(() => import('ink')).then((ink) => {
  ink.render(<Floor ink={ink} lines={process.argv.includes('--welcome') ? welcomeLines(80) : []} />);
});
