// The what-if board: arrows change an answer and the recommendation moves at once, with the reason.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { QUESTION_KEYS, defaultGuidance } from '../../questionnaire/questions.ts';
import { recommend } from '../../questionnaire/recommend.ts';
import { WhatIfBoard } from '../../source/ui/what-if-board.tsx';
import { SpectrumScreen } from '../../source/ui/spectrum-screen.tsx';
import { boardState, changeAnswer } from '../../source/wizard/what-if.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

function renderBoard(save = vi.fn(async () => 'Saved to ami-wizard.yaml')) {
  const onDone = vi.fn();
  const ui = render(<WhatIfBoard initial={boardState(defaultGuidance())} change={changeAnswer} save={save} progress={{ step: 11, total: 11 }} onDone={onDone} />);
  return { ...ui, onDone, save };
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

  it('s saves the current answers and says where', async () => {
    const { stdin, lastFrame, save } = renderBoard();
    await press(stdin, KEY.left, 's');
    expect(save).toHaveBeenCalledWith({ ...defaultGuidance(), recoveryTime: 'minutes' });
    expect(lastFrame()).toContain('Saved to ami-wizard.yaml');
  });

  it('a failed save is shown, not thrown', async () => {
    const { stdin, lastFrame } = renderBoard(vi.fn(async () => Promise.reject(new Error('Not saved: it is not a YAML mapping'))));
    await press(stdin, 's');
    expect(lastFrame()).toContain('Not saved: it is not a YAML mapping');
  });

  it('Enter is done and Esc goes back; both hand back the answers', async () => {
    const done = renderBoard();
    await press(done.stdin, KEY.left, KEY.enter);
    expect(done.onDone).toHaveBeenCalledWith({ action: 'done', answers: { ...defaultGuidance(), recoveryTime: 'minutes' } });
    cleanup();
    const back = renderBoard();
    await press(back.stdin, KEY.escape);
    expect(back.onDone).toHaveBeenCalledWith({ action: 'back', answers: defaultGuidance() });
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
