// The rows a screen keeps for its window (the plan, the details) are the terminal's rows less what the
// screen draws around it, counted from the parts it draws. Rendered here and counted: a row added to
// or taken from a screen's frame (a blank, a hint, a choice) without the count following fails, and so
// does a count that leaves a row unused or pushes the frame to the terminal's full height (a frame as
// tall as the terminal scrolls, so every screen keeps one row spare).
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { decide } from '../../questionnaire/recommend.ts';
import { planFiles } from '../../source/output/plan.ts';
import { planView } from '../../source/output/plan-text.ts';
import { reasonLines } from '../../source/text/decision-text.ts';
import { pageStarts } from '../../source/text/pages.ts';
import { PlanScreen } from '../../source/ui/plan-screen.tsx';
import { RecommendationScreen, recommendationLayout } from '../../source/ui/recommendation-screen.tsx';
import { TerminalSizeProvider } from '../../source/ui/terminal-size.ts';
import { WhatIfBoard } from '../../source/ui/what-if-board.tsx';
import { boardState, changeAnswer } from '../../source/wizard/what-if.ts';
import { KEY, press } from './keys.ts';

afterEach(() => cleanup());

function fixedSize(width: number, rows: number) {
  const size = { width, rows };
  return { subscribe: () => () => {}, get: () => size };
}

const SIZES = [60, 80, 100].flatMap((width) => [24, 30, 40].map((rows) => ({ width, rows })));

describe('the rows around a screen’s window are counted from what it draws', () => {
  // Many files in one folder, opened: the plan is paged at every size.
  const files = [
    ...Array.from({ length: 400 }, (_, i) => ({ path: `config/some-longer-name-${i}.sh`, contents: 'x', mode: 0o644 })),
    ...Array.from({ length: 20 }, (_, i) => ({ path: `packer/file-${i}.pkr.hcl`, contents: 'x', mode: 0o644 })),
  ];
  const plan = planFiles(
    { outDir: '/work/out', previous: null, disk: new Map(files.map((f) => [f.path, null])) },
    files,
    { force: false, generator: 'g' },
  );
  const view = { ...planView(plan), about: ['Design: Hybrid (recommended)'], resolve: [] };

  for (const { width, rows } of SIZES)
    it(`the Files screen, paged, fills ${width}x${rows} but its last row`, async () => {
      const { stdin, lastFrame } = render(
        <TerminalSizeProvider value={fixedSize(width, rows)}>
          <PlanScreen
            outDir="/work/out"
            outLabel="out"
            view={view}
            dryRun={false}
            progress={{ step: 21, total: 21 }}
            onSubmit={() => {}}
            onBack={() => {}}
          />
        </TerminalSizeProvider>,
      );
      await press(stdin, KEY.up, KEY.up, KEY.right);
      const frame = lastFrame()!.split('\n');
      expect(frame.join('\n')).toContain('more lines below (PgDn)');
      expect(frame).toHaveLength(rows - 1);
    });

  for (const guidance of [defaultGuidance(), { ...defaultGuidance(), recoveryTime: 'minutes' as const }]) {
    const decision = decide(guidance, 'auto', 1);
    for (const { width, rows } of SIZES)
      it(`the recommendation (${decision.ranking.map((r) => r.score).join(', ')}) at ${width}x${rows}: its frame is its chrome and the details' first page, one row spare`, () => {
        const { lastFrame } = render(
          <TerminalSizeProvider value={fixedSize(width, rows)}>
            <RecommendationScreen
              decision={decision}
              current="auto"
              progress={{ step: 16, total: 21 }}
              onSubmit={() => {}}
              onBack={() => {}}
            />
          </TerminalSizeProvider>,
        );
        const { chrome, height } = recommendationLayout(decision, width, rows, false);
        const lines = reasonLines(decision, width);
        const page = pageStarts(lines, height)[1] ?? lines.length;
        // The page keeps three rows however small the terminal (a tie's notes at 60x24 take one more).
        expect(chrome + height).toBe(Math.max(rows - 1, chrome + 3));
        expect(lastFrame()!.split('\n')).toHaveLength(chrome + page);
      });
  }

  // A tie, a status and a question's "why" open: more to say than the rows under the table hold.
  for (const width of [60, 80, 100])
    it(`the what-if board with more to say than fits: ${width}x24 but its last row`, async () => {
      const tied = { ...defaultGuidance(), recoveryTime: 'minutes' as const };
      const { stdin, lastFrame } = render(
        <TerminalSizeProvider value={fixedSize(width, 24)}>
          <WhatIfBoard
            initial={boardState(tied)}
            change={changeAnswer}
            status={{ text: 'Saved to ami-wizard.yaml', ok: true }}
            progress={{ step: 12, total: 12 }}
            onDone={() => {}}
          />
        </TerminalSizeProvider>,
      );
      await press(stdin, KEY.down, '?');
      expect(lastFrame()).toMatch(/… \d+ more lines/);
      expect(lastFrame()!.split('\n')).toHaveLength(23);
    });
});
