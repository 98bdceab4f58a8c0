// The what-if board: all nine answers on one screen. ↑↓ pick a question, ←→ change its answer, and
// the ranking, the bars, the recommendation and its marker on the spectrum move at once, with the
// reason for the move; f lists every answer that would flip it (in the bars' place); s asks the
// workshop to save.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Progress } from '../wizard/context.ts';
import { boardRow, flipLines, flipsText, moveText, recommendedLine, tieLines } from '../text/decision-text.ts';
import { miniSpectrum, spectrumLines } from '../text/spectrum-text.ts';
import { wrapText } from '../text/wrap.ts';
import type { BoardRequest, BoardResult } from '../wizard/what-if.ts';
import type { UiHost } from './host.tsx';
import { Screen } from './screen.tsx';
import { ScoreBars } from './score-bars.tsx';
import { useTerminalSize } from './terminal-size.ts';

export interface WhatIfBoardProps extends BoardRequest {
  progress: Progress;
  onDone: (result: BoardResult) => void;
}

const MAX_FLIPS_SHOWN = 2;
// Header, the nine rows, the recommendation with its marker, three bars, the footer and the blank
// rows between, and a row to spare: what is left holds the status, the move (or why) and the flips.
const FIXED_ROWS = 19;
// Rows that at least the status, the move and the flips get before the extras (the question in
// full, the tie-break, the whole spectrum) are shown.
const INFO_ROWS = 5;

interface InfoLine {
  text: string;
  color?: string;
}

export function WhatIfBoard({ initial, change, row: initialRow = 0, status, first = false, progress, onDone }: WhatIfBoardProps) {
  const { width, rows } = useTerminalSize();
  const [state, setState] = useState(initial);
  const [row, setRow] = useState(initialRow);
  const [showWhy, setShowWhy] = useState(false);
  const [allFlips, setAllFlips] = useState(false);
  const [message, setMessage] = useState(status);
  const key = QUESTION_KEYS[row]!;
  useInput((input, k) => {
    if (k.upArrow) setRow((r) => (r + QUESTION_KEYS.length - 1) % QUESTION_KEYS.length);
    else if (k.downArrow) setRow((r) => (r + 1) % QUESTION_KEYS.length);
    else if (k.leftArrow || k.rightArrow) {
      setState((s) => change(s, key, k.leftArrow ? -1 : 1));
      setMessage(undefined);
    } else if (input === '?') setShowWhy((shown) => !shown);
    else if (input === 'f') setAllFlips((shown) => !shown);
    else if (input === 's') onDone({ action: 'save', answers: state.answers, row });
    else if (k.return || input === 'q') onDone({ action: 'done', answers: state.answers, row });
    else if (k.escape && !first) onDone({ action: 'back', answers: state.answers, row });
  });
  const { recommendation } = state;

  // The extras, each only while the status, the move and the flips keep INFO_ROWS rows.
  let spare = rows - FIXED_ROWS - INFO_ROWS;
  const extra = (lines: string[]): string[] => {
    if (lines.length > spare) return [];
    spare -= lines.length;
    return lines;
  };
  const tie = extra(tieLines(recommendation.ranking, width));
  const prompt = extra(wrapText(QUESTIONS[key].prompt, width));
  const spectrum = extra([...spectrumLines(width, { design: recommendation.recommended, label: 'recommended' }, true), '']);

  const move = state.move && moveText(state.move, state.answers[state.move.key]);
  const moved = state.move && state.move.from !== state.move.to;
  const info: InfoLine[] = [
    ...(message ? [{ text: message.text, color: message.ok ? 'green' : 'red' }] : []),
    ...(allFlips
      ? flipLines(recommendation, width).map((text) => ({ text }))
      : [
          ...(showWhy ? wrapText(QUESTIONS[key].why, width).map((text) => ({ text })) : []),
          ...(!showWhy && move ? wrapText(move, width).map((text) => ({ text, color: moved ? 'yellow' : undefined })) : []),
          ...wrapText(flipsText(recommendation, MAX_FLIPS_SHOWN), width).map((text) => ({ text })),
        ]),
  ];
  // The list of every flip takes the bars' rows too.
  const barRows = allFlips ? 0 : recommendation.ranking.length;
  const infoRows = Math.max(INFO_ROWS, rows - FIXED_ROWS - tie.length - prompt.length - spectrum.length) + 3 - barRows;
  const shown = info.length <= infoRows ? info : [...info.slice(0, infoRows - 1), { text: `… ${info.length - infoRows + 1} more lines`, color: 'gray' }];
  const keys = `↑↓ pick · ←→ change · ? why · f flips · s save · Enter done${first ? '' : ' · Esc back'}`;
  return (
    <Screen section="What if?" progress={progress} keys={keys}>
      {spectrum.map((line, i) => (
        <Text key={`s${i}`} wrap="truncate-end">
          {line || ' '}
        </Text>
      ))}
      <Box flexDirection="column">
        {QUESTION_KEYS.map((k, i) => (
          <Text key={k} color={i === row ? 'cyan' : undefined} wrap="truncate-end">
            {boardRow(k, state.answers[k], i === row)}
          </Text>
        ))}
      </Box>
      {prompt.map((line, i) => (
        <Text key={`q${i}`} dimColor>
          {line}
        </Text>
      ))}
      <Box flexDirection="column" marginTop={1}>
        <Text wrap="truncate-end">
          <Text bold color="green">
            {recommendedLine(recommendation).padEnd(26)}
          </Text>
          {miniSpectrum(recommendation.recommended, Math.max(20, width - 27))}
        </Text>
        {!allFlips && <ScoreBars ranking={recommendation.ranking} width={width} tie={false} />}
        {tie.map((line, i) => (
          <Text key={`t${i}`} dimColor>
            {line}
          </Text>
        ))}
      </Box>
      {shown.map((line, i) => (
        <Text key={`i${i}`} color={line.color} wrap="truncate-end">
          {line.text}
        </Text>
      ))}
    </Screen>
  );
}

export function whatIfBoardPrompt(host: UiHost, request: BoardRequest, progress: Progress): Promise<BoardResult> {
  return host.show<BoardResult>((done) => <WhatIfBoard {...request} progress={progress} onDone={done} />);
}
