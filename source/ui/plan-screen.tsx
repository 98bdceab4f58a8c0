// The file plan before anything is written: the folder, the files by folder, the totals, and every
// path left alone (a conflict) or replaced under --force, with the reason. Enter writes.
import { Box, Text, useInput } from 'ink';
import SelectInput from 'ink-select-input';
import { BACK } from '../wizard/context.ts';
import type { Back, PlanRequest, Progress } from '../wizard/context.ts';
import { wrapText } from '../text/wrap.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface PlanScreenProps extends PlanRequest {
  progress: Progress;
  onSubmit: (write: boolean) => void;
  onBack: () => void;
}

const MAX_CONFLICTS_SHOWN = 5;

export function PlanScreen({ outDir, outLabel, view, dryRun, progress, onSubmit, onBack }: PlanScreenProps) {
  const { width } = useTerminalSize();
  useInput((_input, key) => {
    if (key.escape) onBack();
  });
  const { totals, conflicts } = view;
  const files = [...wrapText(view.topLevel, width - 2), ...view.folders];
  const items = [
    { key: 'yes', label: dryRun ? 'Finish (dry run: nothing is written)' : `Yes, write the files to ${outLabel}`, value: true },
    { key: 'no', label: 'No, quit without writing', value: false },
  ];
  return (
    <Screen section="Files" progress={progress} title={dryRun ? 'The files a run would write' : 'Write these files?'} hint={outDir} keys="↑↓ Enter choose · Esc back">
      <Box flexDirection="column" paddingLeft={2}>
        {files.map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
      </Box>
      {totals.map((line, i) => (
        <Text key={i} color={i > 0 ? 'yellow' : undefined}>
          {line}
        </Text>
      ))}
      {conflicts.length > 0 && (
        <Box flexDirection="column" paddingLeft={2}>
          {conflicts.slice(0, MAX_CONFLICTS_SHOWN).map((line) => (
            <Text key={line} color="yellow" wrap="truncate-end">
              {line}
            </Text>
          ))}
          {conflicts.length > MAX_CONFLICTS_SHOWN && <Text color="yellow">{`… and ${conflicts.length - MAX_CONFLICTS_SHOWN} more`}</Text>}
        </Box>
      )}
      <Box marginTop={1}>
        <SelectInput items={items} onSelect={(item) => onSubmit(item.value)} />
      </Box>
    </Screen>
  );
}

export function planPrompt(host: UiHost, request: PlanRequest, progress: Progress): Promise<boolean | Back> {
  return host.show<boolean | Back>((done) => <PlanScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />);
}
