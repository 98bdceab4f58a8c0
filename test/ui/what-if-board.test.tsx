// The what-if board: arrows change an answer and the recommendation moves at once, with the reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { QUESTION_KEYS, defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { recommend } from '../../questionnaire/recommend.ts';
import { WhatIfBoard } from '../../source/ui/what-if-board.tsx';
import { SpectrumScreen } from '../../source/ui/spectrum-screen.tsx';
import { boardState, changeAnswer } from '../../source/wizard/what-if.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

function renderBoard(options: { answers?: GuidanceAnswers; status?: { text: string; ok: boolean }; first?: boolean; row?: number } = {}) {
  const onDone = vi.fn();
  const ui = render(
    <WhatIfBoard
      initial={boardState(options.answers ?? defaultGuidance())}
      change={changeAnswer}
      status={options.status}
      first={options.first}
      row={options.row}
      progress={{ step: 11, total: 11 }}
      onDone={onDone}
    />,
  );
  return { ...ui, onDone };
}

describe('what-if board', () => {
  it('shows all nine answers, the ranking and the recommendation on one screen', () => {
    const frame = renderBoard().lastFrame()!;
    expect(frame).toMatch(/❯ Recovery time\s+◀ Within tens of minutes ▶/);
    for (const label of ['Baseline changes', 'App releases', 'Manual steps', 'On-premises too', 'Existing tooling', 'Team experience', 'Server roles', 'Latest at launch']) {
      expect(frame).toContain(label);
    }
    expect(frame).toContain('Recommended: Hybrid');
    expect(frame).toMatch(/Hybrid\s+11 +│█+/);
    expect(frame).toContain('Flips it: Team experience → New to both (Fully baked)');
    expect(frame).toContain('Esc back');
  });

  it('applying the flipping answer from whatIf moves the recommendation, with the reason', async () => {
    const flip = recommend(defaultGuidance()).whatIf[0]!;
    const { stdin, lastFrame } = renderBoard();
    const row = QUESTION_KEYS.indexOf(flip.key);
    await press(stdin, ...Array(row).fill(KEY.down), KEY.left);
    expect(lastFrame()).toContain(`◀ ${flip.toLabel} ▶`);
    expect(lastFrame()).toContain('Recommended: Fully baked');
    expect(lastFrame()).toMatch(/Moved: Hybrid → Fully baked\. Team experience: New to both\. A team new to AWS/);
    await press(stdin, KEY.right);
    expect(lastFrame()).toContain('Recommended: Hybrid');
    expect(lastFrame()).toMatch(/Moved: Fully baked → Hybrid\./);
  });

  it('a change that does not flip it says so', async () => {
    const { stdin, lastFrame } = renderBoard();
    await press(stdin, KEY.right); // recovery: tens of minutes -> hours
    expect(lastFrame()).toContain('Still Hybrid. Recovery time: Hours are acceptable.');
  });

  it('? shows why the selected question matters', async () => {
    const { stdin, lastFrame } = renderBoard();
    await press(stdin, KEY.down, '?');
    expect(lastFrame()).toContain('Whatever is baked in needs a new image');
  });

  it('s asks the workshop to save the current answers; the board shows what came of it when it opens again', async () => {
    const { stdin, onDone } = renderBoard();
    await press(stdin, KEY.down, KEY.left, 's');
    expect(onDone).toHaveBeenCalledWith({ action: 'save', answers: { ...defaultGuidance(), baselineStability: 'static' }, row: 1 });
    cleanup();
    const again = renderBoard({ status: { text: 'Saved to team.yaml', ok: true }, row: 1 });
    expect(again.lastFrame()).toContain('Saved to team.yaml');
    expect(again.lastFrame()).toMatch(/❯ Baseline changes/);
  });

  it('Enter is done and Esc goes back; both hand back the answers', async () => {
    const done = renderBoard();
    await press(done.stdin, KEY.left, KEY.enter);
    expect(done.onDone).toHaveBeenCalledWith({ action: 'done', answers: { ...defaultGuidance(), recoveryTime: 'minutes' }, row: 0 });
    cleanup();
    const back = renderBoard();
    await press(back.stdin, KEY.escape);
    expect(back.onDone).toHaveBeenCalledWith({ action: 'back', answers: defaultGuidance(), row: 0 });
  });

  it('as the first screen (--answers) the footer offers no Esc, and Esc does nothing', async () => {
    const { stdin, lastFrame, onDone } = renderBoard({ first: true });
    expect(lastFrame()).not.toContain('Esc');
    await press(stdin, KEY.escape);
    expect(onDone).not.toHaveBeenCalled();
  });

  it('the spectrum marker moves with the recommendation', async () => {
    const flip = recommend(defaultGuidance()).whatIf[0]!;
    const { stdin, lastFrame } = renderBoard();
    const marker = () => lastFrame()!.split('\n').find((line) => line.includes('◆'))!;
    expect(marker()).toMatch(/Recommended: Hybrid\s+simpler ◀─*●─*◆─*●─*▶ flexible/);
    await press(stdin, ...Array(QUESTION_KEYS.indexOf(flip.key)).fill(KEY.down), KEY.left);
    expect(marker()).toMatch(/Recommended: Fully baked\s+simpler ◀─*◆─*●─*●─*▶ flexible/);
  });

  it('f lists every answer that would flip it, and folds the list again', async () => {
    const tied = { ...defaultGuidance(), recoveryTime: 'minutes' } as GuidanceAnswers;
    const flips = recommend(tied).whatIf;
    expect(flips.length).toBeGreaterThan(2);
    const { stdin, lastFrame } = renderBoard({ answers: tied });
    expect(lastFrame()).toContain(`+${flips.length - 2} more (f)`);
    await press(stdin, 'f');
    for (const flip of flips) expect(lastFrame()).toContain(flip.toLabel);
    expect(lastFrame()).not.toContain('more (f)');
    await press(stdin, 'f');
    expect(lastFrame()).toContain(`+${flips.length - 2} more (f)`);
  });

  it('fits a 24-row terminal, with a tie and with every flip listed', async () => {
    const tied = { ...defaultGuidance(), recoveryTime: 'minutes' } as GuidanceAnswers;
    const { stdin, lastFrame } = renderBoard({ answers: tied, status: { text: 'Saved to ami-wizard.yaml', ok: true } });
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
    await press(stdin, 'f');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
  });
});

describe('spectrum screen', () => {
  it('places the three designs on the line from simplicity to flexibility, with what each bakes in', async () => {
    const onNext = vi.fn();
    const { lastFrame, stdin } = render(<SpectrumScreen progress={{ step: 1, total: 11 }} onNext={onNext} onBack={() => {}} />);
    const frame = lastFrame()!;
    expect(frame).toMatch(/simpler deployment\s+more flexible deployment/);
    expect(frame).toMatch(/◀─*●─*●─*●─*▶/);
    expect(frame).toContain('in the image: a minimal OS and the configuration-management agent');
    await press(stdin, KEY.enter);
    expect(onNext).toHaveBeenCalledOnce();
  });
});
