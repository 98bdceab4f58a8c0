// The Files screen's keys: one cursor over the folders and the choices, folders open and fold, the
// window pages and follows the cursor onto a folder, only Enter on a choice acts.
import { describe, expect, it } from 'vitest';
import { initialPlanState, planWindow, pressPlanKey } from '../../source/ui/plan-state.ts';
import type { PlanKey, PlanLayout } from '../../source/ui/plan-state.ts';
import type { PlanView } from '../../source/text/plan-lines.ts';
import { pressAll } from './reducer-harness.ts';

const view: PlanView = {
  topLevel: 'README.md, Makefile',
  folders: ['packer/   2 files', 'scripts/  30 files'],
  folderFiles: [['main.pkr.hcl', 'variables.pkr.hcl'], Array.from({ length: 30 }, (_, i) => `step-${i}.sh`)],
  totals: ['32 files'],
  conflicts: [],
};
const layout: PlanLayout = { view, choices: 3, width: 60, height: 6 };
const run = (keys: PlanKey[]) =>
  pressAll((state, key: PlanKey) => pressPlanKey(state, key, layout), initialPlanState(view), keys);

describe('plan state', () => {
  it('the cursor starts on the first choice; Down Down Enter, as one sequence, picks the third', () => {
    expect(initialPlanState(view).cursor).toBe(2);
    expect(run(['down', 'down', 'enter']).actions).toEqual([{ choose: 2 }]);
    expect(run(['enter']).actions).toEqual([{ choose: 0 }]);
  });

  it('stops at the last choice and at the first folder', () => {
    expect(run(['down', 'down', 'down', 'down']).state.cursor).toBe(4);
    expect(run(['up', 'up', 'up', 'up']).state.cursor).toBe(0);
  });

  it('Enter on a folder opens it and does not choose; Enter again folds it; ← folds it', () => {
    const opened = run(['up', 'enter']);
    expect(opened.actions).toEqual([]);
    expect(opened.state.open).toBe(1);
    expect(run(['up', 'enter', 'enter']).state.open).toBeUndefined();
    expect(run(['up', 'right', 'right']).state.open).toBe(1);
    expect(run(['up', 'right', 'left']).state.open).toBeUndefined();
    // ← and → on a choice do nothing.
    expect(run(['right', 'left']).state).toEqual(initialPlanState(view));
  });

  it('the window shows the open folder, and PgDn pages it without the cursor', () => {
    const opened = run(['up', 'enter']).state;
    const shown = planWindow(opened, layout);
    expect(shown.paged).toBe(true);
    const folderRow = shown.plan.folderRows[1]!;
    expect(folderRow).toBeGreaterThanOrEqual(shown.start);
    expect(folderRow).toBeLessThan(shown.start + shown.rows);
    const paged = pressPlanKey(opened, 'page-down', layout)[0];
    expect(paged.follow).toBe(false);
    expect(paged.cursor).toBe(1);
    expect(planWindow(paged, layout).start).toBeGreaterThan(shown.start);
    const back = planWindow(pressPlanKey(paged, 'page-up', layout)[0], layout);
    expect(back.start).toBeLessThan(planWindow(paged, layout).start);
  });

  it('Esc goes back', () => {
    expect(run(['up', 'escape']).actions).toEqual(['back']);
  });
});
