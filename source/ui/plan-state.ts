// The Files screen's keys as a pure reducer (plan-screen.tsx draws it). One cursor runs over the
// folders and then the choices: ↑↓ move it, → or Enter opens the folder under it (Enter again folds
// it), ← folds it, Enter on a choice picks it, PgDn PgUp page the plan's window, Esc goes back. The
// window follows the cursor onto a folder until PgDn or PgUp; `planWindow` is what is on screen,
// for the reducer and the screen alike.
import { planLines, windowTop } from '../text/plan-lines.ts';
import type { PlanLines, PlanView } from '../text/plan-lines.ts';

export interface PlanState {
  /** 0..folders-1 the folders, then the choices. */
  cursor: number;
  open: number | undefined;
  /** The plan's first row on screen as paged. */
  top: number;
  follow: boolean;
}

export type PlanKey = 'up' | 'down' | 'left' | 'right' | 'enter' | 'page-down' | 'page-up' | 'escape';

export interface PlanLayout {
  view: PlanView;
  choices: number;
  width: number;
  /** The rows for the plan and its scroll hint. */
  height: number;
}

export type PlanAction = { choose: number } | 'back' | undefined;

/** The cursor starts on the first choice. */
export const initialPlanState = (view: PlanView): PlanState => ({
  cursor: view.folders.length,
  open: undefined,
  top: 0,
  follow: true,
});

export interface PlanWindow {
  plan: PlanLines;
  paged: boolean;
  /** The plan's rows on screen (one fewer than the height when paged: the hint takes it). */
  rows: number;
  start: number;
}

export function planWindow(state: PlanState, { view, width, height }: PlanLayout): PlanWindow {
  const { cursor, open } = state;
  const plan = planLines(view, { cursor, open }, width);
  const paged = plan.lines.length > height;
  const rows = paged ? Math.max(1, height - 1) : height;
  const focus = state.follow && cursor < view.folders.length ? plan.folderRows[cursor] : undefined;
  // An open folder's files come into view below it, as many as fit with the folder's own row.
  const lastFile =
    focus !== undefined && open === cursor ? (plan.folderRows[cursor + 1] ?? plan.lines.length) - 1 : focus;
  const start = windowTop(windowTop(state.top, rows, plan.lines.length, lastFile), rows, plan.lines.length, focus);
  return { plan, paged, rows, start };
}

export function pressPlanKey(state: PlanState, key: PlanKey, layout: PlanLayout): [PlanState, PlanAction] {
  const folders = layout.view.folders.length;
  const last = folders + layout.choices - 1;
  const { plan, rows, start } = planWindow(state, layout);
  const move = (cursor: number): PlanState => ({ ...state, top: start, follow: true, cursor });
  const onFolder = state.cursor < folders;
  switch (key) {
    case 'escape':
      return [state, 'back'];
    case 'page-down':
    case 'page-up': {
      const top = start + (key === 'page-down' ? rows : -rows);
      return [{ ...state, follow: false, top: windowTop(top, rows, plan.lines.length) }, undefined];
    }
    case 'up':
      return [move(Math.max(0, state.cursor - 1)), undefined];
    case 'down':
      return [move(Math.min(last, state.cursor + 1)), undefined];
    case 'left':
      return [onFolder ? { ...state, open: undefined } : state, undefined];
    case 'right':
    case 'enter':
      if (!onFolder) return key === 'enter' ? [state, { choose: state.cursor - folders }] : [state, undefined];
      return [
        { ...move(state.cursor), open: key === 'enter' && state.open === state.cursor ? undefined : state.cursor },
        undefined,
      ];
  }
}
