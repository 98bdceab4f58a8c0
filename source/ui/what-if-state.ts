// The what-if board's keys as a pure reducer (what-if-board.tsx draws it): ↑↓ pick a question, ←→
// change its answer (through the workshop's `change`), `?` why, `f` every flip in the table's place,
// and the keys that end the board: `s` save, Enter or `q` done, Esc back (unless the board is the
// first screen), Ctrl+C quit (the workshop asks about unsaved changes first).
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import type { BoardRequest, BoardResult, BoardState } from '../wizard/what-if.ts';

export interface WhatIfState {
  board: BoardState;
  row: number;
  why: boolean;
  allFlips: boolean;
  message?: { text: string; ok: boolean };
}

export type WhatIfKey = 'up' | 'down' | 'left' | 'right' | 'enter' | 'escape' | 'ctrl-c' | { text: string };

export type WhatIfOptions = Pick<BoardRequest, 'change' | 'first'>;

export function initialWhatIfState(request: Pick<BoardRequest, 'initial' | 'row' | 'status'>): WhatIfState {
  return { board: request.initial, row: request.row ?? 0, why: false, allFlips: false, message: request.status };
}

export function pressWhatIfKey(
  state: WhatIfState,
  key: WhatIfKey,
  options: WhatIfOptions,
): [WhatIfState, BoardResult | undefined] {
  const text = typeof key === 'object' ? key.text : undefined;
  const end = (action: BoardResult['action']): [WhatIfState, BoardResult] => [
    state,
    { action, answers: state.board.answers, row: state.row },
  ];
  if (key === 'ctrl-c') return end('quit');
  if (text === 'f') return [{ ...state, allFlips: !state.allFlips }, undefined];
  if (text === 's') return end('save');
  if (key === 'enter' || text === 'q') return end('done');
  if (key === 'escape') return options.first ? [state, undefined] : end('back');
  // While the flips hide the table, the arrows would change answers no one sees.
  if (state.allFlips) return [state, undefined];
  const count = QUESTION_KEYS.length;
  if (key === 'up') return [{ ...state, row: (state.row + count - 1) % count }, undefined];
  if (key === 'down') return [{ ...state, row: (state.row + 1) % count }, undefined];
  if (key === 'left' || key === 'right') {
    const board = options.change(state.board, QUESTION_KEYS[state.row]!, key === 'left' ? -1 : 1);
    return [{ ...state, board, message: undefined }, undefined];
  }
  if (text === '?') return [{ ...state, why: !state.why }, undefined];
  return [state, undefined];
}
