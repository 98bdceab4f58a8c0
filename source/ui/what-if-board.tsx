// The what-if board: all nine answers on one screen. ↑↓ pick a question, ←→ change its answer, and
// the ranking, the bars and the recommendation move at once, with the reason for the move.
import { useState } from 'react';
import { Box, Text, useInput } from 'ink';
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Progress } from '../wizard/context.ts';
import { boardRow, flipsText, moveText, recommendedLine } from '../text/decision-text.ts';
import { spectrumLines } from '../text/spectrum-text.ts';
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
// The board needs about 23 rows; with more, it adds the question in full, then the spectrum.
const ROWS_FOR_PROMPT = 28;
const ROWS_FOR_SPECTRUM = 34;

export function WhatIfBoard({ initial, change, save, progress, onDone }: WhatIfBoardProps) {
  const { width, rows } = useTerminalSize();
  const [state, setState] = useState(initial);
  const [row, setRow] = useState(0);
  const [showWhy, setShowWhy] = useState(false);
  const [status, setStatus] = useState<{ text: string; ok: boolean } | undefined>();
  const key = QUESTION_KEYS[row]!;
  useInput((input, k) => {
    if (k.upArrow) setRow((r) => (r + QUESTION_KEYS.length - 1) % QUESTION_KEYS.length);
    else if (k.downArrow) setRow((r) => (r + 1) % QUESTION_KEYS.length);
    else if (k.leftArrow || k.rightArrow) {
      setState((s) => change(s, key, k.leftArrow ? -1 : 1));
      setStatus(undefined);
    } else if (input === '?') setShowWhy((shown) => !shown);
    else if (input === 's') {
      setStatus({ text: 'Saving…', ok: true });
      save(state.answers).then(
        (text) => setStatus({ text, ok: true }),
        (error: Error) => setStatus({ text: error.message, ok: false }),
      );
    } else if (k.return || input === 'q') onDone({ action: 'done', answers: state.answers });
    else if (k.escape) onDone({ action: 'back', answers: state.answers });
  });
  const { recommendation } = state;
  const move = state.move && moveText(state.move, state.answers[state.move.key]);
  return (
    <Screen section="What if?" progress={progress} keys="↑↓ pick · ←→ change · ? why · s save · Enter done · Esc back">
      {rows >= ROWS_FOR_SPECTRUM &&
        spectrumLines(width, { design: recommendation.recommended, label: 'recommended' }, true).map((line, i) => (
          <Text key={i} wrap="truncate-end">
            {line}
          </Text>
        ))}
      <Box flexDirection="column" marginTop={rows >= ROWS_FOR_SPECTRUM ? 1 : 0}>
        {QUESTION_KEYS.map((k, i) => (
          <Text key={k} color={i === row ? 'cyan' : undefined} wrap="truncate-end">
            {boardRow(k, state.answers[k], i === row)}
          </Text>
        ))}
      </Box>
      {rows >= ROWS_FOR_PROMPT &&
        wrapText(QUESTIONS[key].prompt, width).map((line, i) => (
          <Text key={`q${i}`} dimColor>
            {line}
          </Text>
        ))}
      <Box flexDirection="column" marginTop={1}>
        <Text bold color="green">
          {recommendedLine(recommendation)}
        </Text>
        <ScoreBars ranking={recommendation.ranking} width={width} />
      </Box>
      {showWhy &&
        wrapText(QUESTIONS[key].why, width).map((line, i) => (
          <Text key={`why${i}`}>{line}</Text>
        ))}
      {!showWhy &&
        move &&
        wrapText(move, width).map((line, i) => (
          <Text key={`move${i}`} color={state.move!.from === state.move!.to ? undefined : 'yellow'}>
            {line}
          </Text>
        ))}
      {wrapText(flipsText(recommendation, MAX_FLIPS_SHOWN), width).map((line, i) => (
        <Text key={`flip${i}`}>{line}</Text>
      ))}
      {status && <Text color={status.ok ? 'green' : 'red'}>{status.text}</Text>}
    </Screen>
  );
}

export function whatIfBoardPrompt(host: UiHost, request: BoardRequest, progress: Progress): Promise<BoardResult> {
  return host.show<BoardResult>((done) => <WhatIfBoard {...request} progress={progress} onDone={done} />);
}
