// The what-if board: every answer with its points, arrows change one and the scores and the
// recommendation move at once, with the reason; a tie says who wins it and why.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { DESIGNS, QUESTIONS, QUESTION_KEYS, defaultGuidance } from '../../questionnaire/questions.ts';
import { QUESTION_LABELS, SHORT_DESIGN_LABELS } from '../../questionnaire/labels.ts';
import { TerminalSizeProvider } from '../../source/ui/terminal-size.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { recommend } from '../../questionnaire/recommend.ts';
import { WhatIfBoard } from '../../source/ui/what-if-board.tsx';
import { SpectrumScreen } from '../../source/ui/spectrum-screen.tsx';
import { boardState, changeAnswer } from '../../source/wizard/what-if.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

/** A terminal of a fixed size, for the screens' useTerminalSize. */
function fixedSize(width: number, rows: number) {
  const size = { width, rows };
  return { subscribe: () => () => {}, get: () => size };
}

function renderBoard(
  options: { answers?: GuidanceAnswers; status?: { text: string; ok: boolean }; first?: boolean; row?: number } = {},
) {
  const onDone = vi.fn();
  const ui = render(
    <WhatIfBoard
      initial={boardState(options.answers ?? defaultGuidance())}
      change={changeAnswer}
      status={options.status}
      first={options.first}
      row={options.row}
      progress={{ step: 12, total: 12 }}
      onDone={onDone}
    />,
  );
  return { ...ui, onDone };
}

describe('what-if board', () => {
  it('shows every answer, the ranking and the recommendation on one screen', () => {
    const frame = renderBoard().lastFrame()!;
    expect(frame).toMatch(/❯ Recovery time\s+◀ Within tens of minutes ▶/);
    for (const key of QUESTION_KEYS) expect(frame).toContain(QUESTION_LABELS[key]);
    expect(frame).toContain('Recommended: Hybrid');
    expect(frame).toMatch(/Score: the sum of each column \(✗ ruled out\)\s+7\s+9\s+1\n/);
    const flip = recommend(defaultGuidance()).whatIf[0]!;
    expect(frame).toContain(`Flips it: ${QUESTION_LABELS[flip.key]} → ${flip.toLabel} (Fully baked)`);
    expect(frame).toContain('Esc back');
  });

  it('each row shows the points its answer gives each design, and the columns add up to the scores', () => {
    const answers = {
      ...defaultGuidance(),
      recoveryTime: 'minutes',
      existingTooling: 'golden-images',
      automationExperience: 'new',
    } as GuidanceAnswers;
    const frame = renderBoard({ answers }).lastFrame()!;
    const lines = frame.split('\n');
    const heads = lines.find((line) => /^\s+Fully baked Hybrid JeOS$/.test(line));
    expect(heads).toBeDefined();
    const cells = (line: string) => line.trimEnd().split(/\s+/).slice(-3);
    const recommendation = recommend(answers);
    const totals: Record<string, number> = { 'fully-baked': 0, hybrid: 0, jeos: 0 };
    for (const reason of recommendation.reasons) {
      const row = lines.find((line) => line.slice(2).startsWith(QUESTION_LABELS[reason.key]))!;
      const ruledOut = recommendation.requirements.find((q) => q.key === reason.key)?.rulesOut ?? [];
      const expected = DESIGNS.map((d) =>
        ruledOut.includes(d)
          ? '✗'
          : reason.weights[d] === 0
            ? '·'
            : `${reason.weights[d] > 0 ? '+' : '−'}${Math.abs(reason.weights[d])}`,
      );
      expect(cells(row), reason.key).toEqual(expected);
      for (const d of DESIGNS) totals[d]! += reason.weights[d];
    }
    const scores = lines.find((line) => line.includes('Score: the sum of each column'))!;
    // Recovery in minutes rules JeOS out: its score says so.
    expect(scores).toMatch(new RegExp(`${totals['fully-baked']}\\s+${totals.hybrid}\\s+✗ ${totals.jeos}$`));
  });

  it('a tie argues for the design that wins it, even on a 24-row board (it used to give only the changed answer, which argued for the other)', async () => {
    const { stdin, lastFrame } = renderBoard();
    await press(stdin, KEY.left); // recovery: tens of minutes -> minutes: Hybrid and Fully baked tie
    const tied = recommend({ ...defaultGuidance(), recoveryTime: 'minutes' });
    expect(tied.ranking.slice(0, 2).map((r) => r.score)).toEqual([9, 9]);
    const frame = lastFrame()!.replace(/\s+/g, ' ');
    expect(frame).toContain(`Still ${SHORT_DESIGN_LABELS[tied.recommended]}.`);
    expect(frame).toContain('Hybrid and Fully baked both score 9; Hybrid wins the tie as the middle of the spectrum');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
  });

  it('a requirement is marked ✗ where it rules a design out, and a ruled-out design with more points says why it lost', async () => {
    const answers = {
      ...defaultGuidance(),
      existingTooling: 'golden-images',
      baselineStability: 'static',
      appReleaseCadence: 'rarely',
      latestAtLaunch: true,
    } as GuidanceAnswers;
    const { stdin, lastFrame } = renderBoard({ answers, row: QUESTION_KEYS.indexOf('latestAtLaunch') });
    expect(lastFrame()).toMatch(/❯ Latest at launch\s+◀ Yes, always the latest ▶\s+✗\s+\+2\s+\+2/);
    expect(lastFrame()!.replace(/\s+/g, ' ')).toMatch(
      /Fully baked has more points \(\d+\) but is not recommended: it cannot meet the latest at launch answer\./,
    );
    await press(stdin, '?');
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain('"Yes, always the latest" rules out Fully baked.');
  });

  it('applying the flipping answer from whatIf moves the recommendation, with the reason', async () => {
    const flip = recommend(defaultGuidance()).whatIf[0]!;
    const { stdin, lastFrame } = renderBoard();
    const row = QUESTION_KEYS.indexOf(flip.key);
    const values = QUESTIONS[flip.key].choices.map((c) => c.value as unknown);
    const moves = values.indexOf(flip.to) - values.indexOf(QUESTIONS[flip.key].defaultValue);
    await press(stdin, ...Array(row).fill(KEY.down), ...Array(Math.abs(moves)).fill(moves < 0 ? KEY.left : KEY.right));
    expect(lastFrame()).toContain(`◀ ${flip.toLabel} ▶`);
    expect(lastFrame()).toContain('Recommended: Fully baked');
    const reason = recommend({ ...defaultGuidance(), [flip.key]: flip.to } as GuidanceAnswers).reasons.find(
      (r) => r.key === flip.key,
    )!.sentence;
    expect(lastFrame()!.replace(/\s+/g, ' ')).toContain(
      `Moved: Hybrid → Fully baked. ${QUESTION_LABELS[flip.key]}: ${flip.toLabel}. ${reason.split(' ').slice(0, 5).join(' ')}`,
    );
    await press(stdin, ...Array(Math.abs(moves)).fill(moves < 0 ? KEY.right : KEY.left));
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
    expect(onDone).toHaveBeenCalledWith({
      action: 'save',
      answers: { ...defaultGuidance(), baselineStability: 'static' },
      row: 1,
    });
    cleanup();
    const again = renderBoard({ status: { text: 'Saved to team.yaml', ok: true }, row: 1 });
    expect(again.lastFrame()).toContain('Saved to team.yaml');
    expect(again.lastFrame()).toMatch(/❯ Baseline changes/);
  });

  it('Enter is done and Esc goes back; both hand back the answers', async () => {
    const done = renderBoard();
    await press(done.stdin, KEY.left, KEY.enter);
    expect(done.onDone).toHaveBeenCalledWith({
      action: 'done',
      answers: { ...defaultGuidance(), recoveryTime: 'minutes' },
      row: 0,
    });
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
    const marker = () =>
      lastFrame()!
        .split('\n')
        .find((line) => line.includes('◆'))!;
    expect(marker()).toMatch(/Recommended: Hybrid\s+simpler ◀─*●─*◆─*●─*▶ flexible/);
    const values = QUESTIONS[flip.key].choices.map((c) => c.value as unknown);
    const moves = values.indexOf(flip.to) - values.indexOf(QUESTIONS[flip.key].defaultValue);
    await press(
      stdin,
      ...Array(QUESTION_KEYS.indexOf(flip.key)).fill(KEY.down),
      ...Array(Math.abs(moves)).fill(moves < 0 ? KEY.left : KEY.right),
    );
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
    const fits = () => {
      expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(23);
      for (const line of lastFrame()!.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
    };
    fits();
    expect(lastFrame()).toContain('Hybrid wins the tie');
    await press(stdin, 'f');
    fits();
    await press(stdin, 'f', KEY.left, '?');
    fits();
  });

  it('at 40 rows the bars, the question in full and the whole spectrum are shown too', () => {
    const { lastFrame } = render(
      <TerminalSizeProvider value={fixedSize(80, 40)}>
        <WhatIfBoard
          initial={boardState(defaultGuidance())}
          change={changeAnswer}
          progress={{ step: 12, total: 12 }}
          onDone={() => {}}
        />
      </TerminalSizeProvider>,
    );
    const frame = lastFrame()!;
    expect(frame).toMatch(/Hybrid\s+9 +│█+/);
    expect(frame).toContain(QUESTIONS.recoveryTime.prompt);
    expect(frame).toContain('▲ recommended');
    expect(frame.split('\n').length).toBeLessThanOrEqual(39);
  });
});

describe('spectrum screen', () => {
  it('places the three designs on the line from simplicity to flexibility, with what each bakes in', async () => {
    const onNext = vi.fn();
    const { lastFrame, stdin } = render(
      <SpectrumScreen progress={{ step: 1, total: 11 }} onNext={onNext} onBack={() => {}} />,
    );
    const frame = lastFrame()!;
    expect(frame).toMatch(/simpler deployment\s+more flexible deployment/);
    expect(frame).toMatch(/◀─*●─*●─*●─*▶/);
    expect(frame).toContain('in the image: a minimal OS and the configuration-management agent');
    await press(stdin, KEY.enter);
    expect(onNext).toHaveBeenCalledOnce();
  });
});
