// The what-if board's keys: ↑↓ pick a question (round the list), ←→ change its answer, and the
// keys that end the board hand back the answers and the row.
import { describe, expect, it } from 'vitest';
import { QUESTION_KEYS, QUESTIONS, defaultGuidance } from '../../questionnaire/questions.ts';
import { boardState, changeAnswer } from '../../source/wizard/what-if.ts';
import { initialWhatIfState, pressWhatIfKey } from '../../source/ui/what-if-state.ts';
import type { WhatIfKey } from '../../source/ui/what-if-state.ts';
import { pressAll } from './reducer-harness.ts';

const initial = boardState(defaultGuidance());
const run = (keys: WhatIfKey[], first = false) =>
  pressAll(
    (state, key: WhatIfKey) => pressWhatIfKey(state, key, { change: changeAnswer, first }),
    initialWhatIfState({ initial, status: { text: 'Saved.', ok: true } }),
    keys,
  );

describe('what-if state', () => {
  it('Down Down Right Enter, as one sequence, changes the third answer and hands it back', () => {
    const key = QUESTION_KEYS[2]!;
    const { actions } = run(['down', 'down', 'right', 'enter']);
    expect(actions).toHaveLength(1);
    expect(actions[0]!.action).toBe('done');
    expect(actions[0]!.row).toBe(2);
    expect(actions[0]!.answers[key]).toBe(changeAnswer(initial, key, 1).answers[key]);
    expect(actions[0]!.answers[key]).not.toBe(initial.answers[key]);
  });

  it('↑ from the first question goes round to the last', () => {
    expect(run(['up']).state.row).toBe(QUESTION_KEYS.length - 1);
    expect(run(QUESTION_KEYS.map(() => 'down' as const)).state.row).toBe(0);
  });

  it('← and → step through the answers and back; a change clears the status', () => {
    const key = QUESTION_KEYS[0]!;
    expect(run(['right', 'left']).state.board.answers[key]).toBe(initial.answers[key]);
    expect(run(['right']).state.message).toBeUndefined();
    expect(run(['down']).state.message).toEqual({ text: 'Saved.', ok: true });
    expect(QUESTIONS[key].choices.length).toBeGreaterThan(1);
  });

  it('f shows every flip in the table place, and the arrows then change nothing', () => {
    const { state } = run([{ text: 'f' }, 'down', 'right']);
    expect(state.allFlips).toBe(true);
    expect(state.row).toBe(0);
    expect(state.board).toBe(initial);
  });

  it('s saves, q and Enter are done, Esc goes back, Ctrl+C quits: each with the row', () => {
    expect(run(['down', { text: 's' }]).actions.map((r) => [r.action, r.row])).toEqual([['save', 1]]);
    expect(run([{ text: 'q' }]).actions[0]!.action).toBe('done');
    expect(run(['escape']).actions[0]!.action).toBe('back');
    expect(run(['ctrl-c']).actions[0]!.action).toBe('quit');
  });

  it('on the first screen Esc has nothing to go back to', () => {
    expect(run(['escape'], true).actions).toEqual([]);
  });

  it('? shows why the question matters', () => {
    expect(run([{ text: '?' }]).state.why).toBe(true);
  });
});
