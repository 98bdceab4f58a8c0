// The what-if board: every answer on one screen, each with the points it gives each design and the
// scores as the columns' sums. ↑↓ pick a question, ←→ change its answer, and the points, the scores,
// the recommendation and its marker on the spectrum move at once, with the reason for the move; a
// tie says why the winner wins it; f lists every answer that would flip it (in the table's place);
// s asks the workshop to save. The keys' effect is the pure reducer in what-if-state.ts.
import { Box, Text } from 'ink';
import { outscoredTexts, requirementText, tieWinnerText } from '../../questionnaire/decision.ts';
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Progress } from '../wizard/context.ts';
import { boardHeader, boardScoreRow, boardTableRow } from '../text/board-text.ts';
import { flipLines, flipsText, moveText, recommendedLine } from '../text/decision-text.ts';
import { miniSpectrum, spectrumLines } from '../text/spectrum-text.ts';
import { wrapText } from '../text/wrap.ts';
import type { BoardRequest, BoardResult } from '../wizard/what-if.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { ScoreBars } from './score-bars.tsx';
import { useTerminalSize } from './terminal-size.ts';
import { namedKey } from './key-press.ts';
import { useScreenKeys, useScreenStore } from './screen-keys.ts';
import { initialWhatIfState, pressWhatIfKey } from './what-if-state.ts';
import type { WhatIfKey } from './what-if-state.ts';

export interface WhatIfBoardProps extends BoardRequest {
  progress: Progress;
  onDone: (result: BoardResult) => void;
}

const MAX_FLIPS_SHOWN = 2;
// The table: its head, a row per question, the scores.
const TABLE_ROWS = QUESTION_KEYS.length + 2;
// A frame as tall as the terminal scrolls, and what is printed after it joins its last line.
const SPARE_ROWS = 1;

/**
 * The rows that are always there, as wrapped at `width`: the header, a blank, the table, the
 * recommendation with its marker, a blank and the keys, and the spare row. Keep in step with the
 * layout below (test/ui/screen-chrome.test.tsx renders the board and counts).
 */
const fixedRows = (keys: string, width: number): number =>
  1 + 1 + TABLE_ROWS + 1 + 1 + wrapText(keys, width).length + SPARE_ROWS;
// Rows that at least the status, the tie, the move and the flips get before the extras (the bars,
// the question in full, the whole spectrum) are shown; the flips give way first.
const INFO_ROWS = 5;

interface InfoLine {
  text: string;
  color?: string;
}

const plain = (lines: string[], color?: string): InfoLine[] => lines.map((text) => ({ text, color }));

/** `lines` in at most `rows` rows, the last saying how many more there are when they do not fit. */
function fitRows(lines: InfoLine[], rows: number): InfoLine[] {
  if (lines.length <= rows) return lines;
  return [...lines.slice(0, Math.max(0, rows - 1)), { text: `… ${lines.length - rows + 1} more lines`, color: 'gray' }];
}

export function WhatIfBoard({
  initial,
  change,
  row: initialRow = 0,
  status,
  first = false,
  progress,
  onDone,
}: WhatIfBoardProps) {
  const { width, rows } = useTerminalSize();
  const [screen, store] = useScreenStore(() => initialWhatIfState({ initial, row: initialRow, status }));
  const { board: state, row, why: showWhy, allFlips, message } = screen;
  const key = QUESTION_KEYS[row]!;
  useScreenKeys((input, k) => {
    const named = namedKey(k);
    const pressed: WhatIfKey | undefined =
      k.ctrl && input === 'c'
        ? 'ctrl-c'
        : named && named !== 'page-down' && named !== 'page-up'
          ? named
          : input && !k.ctrl && !k.meta
            ? { text: input }
            : undefined;
    if (!pressed) return;
    const [next, result] = pressWhatIfKey(store.get(), pressed, { change, first });
    store.set(next);
    if (result) onDone(result);
  });
  const { recommendation } = state;
  const keys = `↑↓ pick · ←→ change · ? why · f ${allFlips ? 'answers' : 'flips'} · s save · Enter done${first ? '' : ' · Esc back'}`;
  const fixed = fixedRows(keys, width);

  // The extras, each only while the status, the tie, the move and the flips keep INFO_ROWS rows.
  let spare = rows - fixed - INFO_ROWS;
  const extra = (lines: string[]): string[] => {
    if (lines.length > spare) return [];
    spare -= lines.length;
    return lines;
  };
  // The bars say again what the scores say, drawn to scale: first of the extras.
  const barRows = extra(allFlips ? [] : recommendation.ranking.map((r) => r.design)).length;
  const prompt = extra(wrapText(QUESTIONS[key].prompt, width));
  const spectrum = extra([
    ...spectrumLines(width, { design: recommendation.recommended, label: 'recommended' }, true),
    '',
  ]);

  const requirement = recommendation.requirements.find((q) => q.key === key);
  const move = state.move && moveText(state.move, state.answers[state.move.key]);
  const moved = state.move && state.move.from !== state.move.to;
  const tie = tieWinnerText(recommendation.ranking);
  const info: InfoLine[] = [
    ...(message ? [{ text: message.text, color: message.ok ? 'green' : 'red' }] : []),
    // Whatever else is shown, a tie says which design wins it and why, and a design with more
    // points that is ruled out says so: the bars alone would argue for the other design.
    ...(tie ? plain(wrapText(tie, width)) : []),
    ...plain(
      outscoredTexts(recommendation.ranking, recommendation.requirements).flatMap((text) => wrapText(text, width)),
    ),
    // An answer that rules a design out says why first: that is what the room asks about it.
    ...(showWhy
      ? plain([
          ...(requirement ? wrapText(requirementText(requirement), width) : []),
          ...wrapText(QUESTIONS[key].why, width),
        ])
      : []),
    ...(!showWhy && move ? plain(wrapText(move, width), moved ? 'yellow' : undefined) : []),
  ];
  const infoRows = rows - fixed - barRows - prompt.length - spectrum.length;
  // The flips come last, and only when they fit whole: f lists them all.
  const flips = allFlips ? [] : plain(wrapText(flipsText(recommendation, MAX_FLIPS_SHOWN), width));
  if (info.length + flips.length <= infoRows) info.push(...flips);
  return (
    <Screen section="What if?" progress={progress} keys={keys}>
      {spectrum.map((line, i) => (
        <Text key={`s${i}`} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      {allFlips ? (
        <Box flexDirection="column" height={TABLE_ROWS}>
          {fitRows(plain(flipLines(recommendation, width)), TABLE_ROWS).map((line, i) => (
            <Text key={`f${i}`} color={line.color} wrap="truncate-end">
              {line.text}
            </Text>
          ))}
        </Box>
      ) : (
        <Box flexDirection="column">
          <Text dimColor wrap="truncate-end">
            {boardHeader(width)}
          </Text>
          {QUESTION_KEYS.map((k, i) => (
            <Text key={k} color={i === row ? 'cyan' : undefined} wrap="truncate-end">
              {boardTableRow(k, recommendation, i === row, width)}
            </Text>
          ))}
          <Text bold wrap="truncate-end">
            {boardScoreRow(recommendation, width)}
          </Text>
        </Box>
      )}
      {prompt.map((line, i) => (
        <Text key={`q${i}`} dimColor>
          {line}
        </Text>
      ))}
      <Text wrap="truncate-end">
        <Text bold color="green">
          {recommendedLine(recommendation).padEnd(26)}
        </Text>
        {miniSpectrum(recommendation.recommended, Math.max(20, width - 27))}
      </Text>
      {barRows > 0 && <ScoreBars ranking={recommendation.ranking} width={width} />}
      {fitRows(info, infoRows).map((line, i) => (
        <Text key={`i${i}`} color={line.color} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Screen>
  );
}

export function whatIfBoardPrompt(host: UiHost, request: BoardRequest, progress: Progress): Promise<BoardResult> {
  // Ctrl+C comes back as 'quit', so the workshop can ask about unsaved changes before it cancels.
  return host.show<BoardResult>((done) => <WhatIfBoard {...request} progress={progress} onDone={done} />, {
    ownsCtrlC: true,
  });
}
