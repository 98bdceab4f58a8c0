// The file plan before anything is written: what is being written (design, OS, regions), the folder,
// the totals, every path left alone (a conflict) or replaced under --force with how to resolve it,
// the files by folder (→ or Enter opens a folder, ← folds it), then write, quit or save the answers
// only. One cursor runs over the folders and the choices; only Enter on a choice acts, never a digit.
// The plan is a window that fits the terminal (PgDn PgUp page it), so the header, the question and
// the choices stay on screen however long it is. The keys' effect is the pure reducer in
// plan-state.ts.
import { Box, Text } from 'ink';
import { BACK } from '../wizard/context.ts';
import type { Back, PlanChoice, PlanRequest, Progress } from '../wizard/context.ts';
import { printableMessage } from '../text/printable.ts';
import { wrapText } from '../text/wrap.ts';
import { scrollHint } from '../text/pages.ts';
import { initialPlanState, planWindow, pressPlanKey } from './plan-state.ts';
import type { PlanKey } from './plan-state.ts';
import { namedKey } from './key-press.ts';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface PlanScreenProps extends PlanRequest {
  progress: Progress;
  onSubmit: (choice: PlanChoice) => void;
  onBack: () => void;
}

// A frame as tall as the terminal scrolls, and what is printed after it joins its last line.
const SPARE_ROWS = 1;

/**
 * The rows the screen draws besides the plan's window, as wrapped at `width`: the header, a blank,
 * the title and the hint, a blank above the window, a blank and the choices (a row each), a blank
 * and the keys. Keep in step with the layout below (test/ui/screen-chrome.test.tsx renders the
 * screen and counts).
 */
function chromeRows(parts: { title: string; hint: string; choices: number; keys: string }, width: number): number {
  const rowsOf = (text: string) => wrapText(printableMessage(text), width).length;
  return 1 + 1 + rowsOf(parts.title) + rowsOf(parts.hint) + 1 + 1 + parts.choices + 1 + rowsOf(parts.keys);
}

const TONES = { dim: { dimColor: true }, warning: { color: 'yellow' }, cursor: { color: 'cyan' } } as const;

export function PlanScreen({ outDir, outLabel, view, dryRun, progress, onSubmit, onBack }: PlanScreenProps) {
  const { width, rows } = useTerminalSize();
  const { folders } = view;
  const choices: { label: string; value: PlanChoice }[] = [
    { label: dryRun ? 'Finish (dry run: nothing is written)' : `Yes, write the files to ${outLabel}`, value: true },
    { label: 'No, quit without writing', value: false },
    { label: 'Save the answers only (ami-wizard.yaml), write nothing else', value: 'save-answers' },
  ];
  const [state, store] = useScreenStore(() => initialPlanState(view));
  const keys = '↑↓ move · → open a folder · ← fold it · PgDn PgUp page · Enter choose · Esc back';
  const title = dryRun ? 'The files a run would write' : 'Write these files?';
  const height = Math.max(
    1,
    rows - SPARE_ROWS - chromeRows({ title, hint: outDir, choices: choices.length, keys }, width),
  );
  const layout = { view, choices: choices.length, width, height };
  const { plan, paged, rows: windowRows, start } = planWindow(state, layout);
  const shown = plan.lines.slice(start, start + windowRows);
  const { cursor } = state;
  useScreenKeys((_input, key) => {
    const pressed: PlanKey | undefined = namedKey(key);
    if (!pressed) return;
    const [next, action] = pressPlanKey(store.get(), pressed, layout);
    store.set(next);
    if (action === 'back') onBack();
    else if (action) onSubmit(choices[action.choose]!.value);
  });
  return (
    <Screen section="Files" progress={progress} title={title} hint={outDir} keys={keys}>
      {shown.map((line, i) => (
        <Text key={start + i} wrap="truncate-end" {...(line.tone ? TONES[line.tone] : {})}>
          {line.text || ' '}
        </Text>
      ))}
      {paged && <Text dimColor>{scrollHint(start, plan.lines.length - start - shown.length)}</Text>}
      <Box marginTop={1} flexDirection="column">
        {choices.map((choice, i) => {
          const selected = cursor === folders.length + i;
          return (
            <Text key={choice.label} color={selected ? 'cyan' : undefined} wrap="truncate-end">
              {`${selected ? '❯' : ' '} ${choice.label}`}
            </Text>
          );
        })}
      </Box>
    </Screen>
  );
}

export function planPrompt(host: UiHost, request: PlanRequest, progress: Progress): Promise<PlanChoice | Back> {
  return host.show<PlanChoice | Back>((done) => (
    <PlanScreen {...request} progress={progress} onSubmit={done} onBack={() => done(BACK)} />
  ));
}
