// The file plan before anything is written: what is being written (design, OS, regions), the folder,
// the files by folder (→ or Enter opens a folder, ← folds it), the totals, every path left alone (a
// conflict) or replaced under --force with how to resolve it, then write, quit or save the answers
// only. One cursor runs over the folders and the choices; only Enter on a choice acts, never a digit.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { BACK } from '../wizard/context.ts';
import type { Back, PlanChoice, PlanRequest, Progress } from '../wizard/context.ts';
import { wrap, wrapText } from '../text/wrap.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface PlanScreenProps extends PlanRequest {
  progress: Progress;
  onSubmit: (choice: PlanChoice) => void;
  onBack: () => void;
}

const MAX_CONFLICTS_SHOWN = 5;
// Everything but the folder rows and an open folder's files at 80 columns, with a row to spare (a frame as
// tall as the terminal scrolls, and what is printed after it joins its last line): keep in step with the layout.
const FIXED_ROWS_BESIDES_FOLDERS = 15;

export function PlanScreen({ outDir, outLabel, view, dryRun, progress, onSubmit, onBack }: PlanScreenProps) {
  const { width, rows } = useTerminalSize();
  const { totals, conflicts, folders, folderFiles } = view;
  const choices: { label: string; value: PlanChoice }[] = [
    { label: dryRun ? 'Finish (dry run: nothing is written)' : `Yes, write the files to ${outLabel}`, value: true },
    { label: 'No, quit without writing', value: false },
    { label: 'Save the answers only (ami-wizard.yaml), write nothing else', value: 'save-answers' },
  ];
  // Rows 0..folders-1 are the folders, then the choices; the cursor starts on the first choice.
  const [cursor, setCursor] = useState(folders.length);
  const [open, setOpen] = useState<number | undefined>();
  const last = folders.length + choices.length - 1;
  useInput((_input, key) => {
    if (key.escape) onBack();
    else if (key.upArrow) setCursor((c) => Math.max(0, c - 1));
    else if (key.downArrow) setCursor((c) => Math.min(last, c + 1));
    else if (cursor < folders.length && (key.rightArrow || key.return)) setOpen((o) => (key.return && o === cursor ? undefined : cursor));
    else if (cursor < folders.length && key.leftArrow) setOpen(undefined);
    else if (cursor >= folders.length && key.return) onSubmit(choices[cursor - folders.length]!.value);
  });
  const extra = [view.about, view.resolve].reduce((n, lines) => n + (lines?.length ?? 0), 0) + Math.min(conflicts.length, MAX_CONFLICTS_SHOWN + 1);
  const openRows = Math.max(1, rows - FIXED_ROWS_BESIDES_FOLDERS - folders.length - extra);
  const openLines = (files: readonly string[]): string[] => {
    // One row: the files on one line, which the Text's truncate-end cuts with an ellipsis.
    if (openRows === 1) return [`      ${files.join(', ')}`];
    const lines = wrap(files.join(', '), '      ', '      ', width);
    return lines.length <= openRows ? lines : [...lines.slice(0, openRows - 1), '      …'];
  };
  return (
    <Screen
      section="Files"
      progress={progress}
      title={dryRun ? 'The files a run would write' : 'Write these files?'}
      hint={outDir}
      keys="↑↓ move · → open a folder · ← fold it · Enter choose · Esc back"
    >
      {view.about?.map((line) => (
        <Text key={line} wrap="truncate-end">
          {line}
        </Text>
      ))}
      <Box flexDirection="column" paddingLeft={2} marginTop={view.about ? 1 : 0}>
        {wrapText(view.topLevel, width - 4).map((line, i) => (
          <Text key={i} wrap="truncate-end">{`  ${line}`}</Text>
        ))}
        {folders.map((line, i) => (
          <Box key={line} flexDirection="column">
            <Text color={cursor === i ? 'cyan' : undefined} wrap="truncate-end">
              {`${cursor === i ? '❯' : ' '} ${open === i ? '▾' : '▸'} ${line}`}
            </Text>
            {open === i &&
              openLines(folderFiles[i] ?? []).map((fileLine, j) => (
                <Text key={j} dimColor wrap="truncate-end">
                  {fileLine}
                </Text>
              ))}
          </Box>
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
      {view.resolve?.flatMap((line) => wrapText(line, width)).map((line, i) => <Text key={`resolve${i}`}>{line}</Text>)}
      <Box marginTop={1} flexDirection="column">
        {choices.map((choice, i) => {
          const selected = cursor === folders.length + i;
          return (
            <Text key={choice.label} color={selected ? 'cyan' : undefined}>
              {`${selected ? '❯' : ' '} ${choice.label}`}
            </Text>
          );
        })}
      </Box>
    </Screen>
  );
}

export function planPrompt(host: UiHost, request: PlanRequest, progress: Progress): Promise<PlanChoice | Back> {
  return host.show<PlanChoice | Back>((done) => <PlanScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />);
}
