// `ami-wizard workshop` as steps over one context: the spectrum, the guidance questions with their
// "why" open (on the wizard's screens, GUIDANCE_SCREENS), then the what-if board; with --answers,
// the board alone. `s` on the board asks where to save (never replacing a file without asking),
// saves, and opens the board again. Leaving the board with answers that are not what the file holds
// (the last save, or the --answers file as loaded; with neither, every answer is unsaved) asks
// first: save (the way `s` saves), discard, or back to the board; Ctrl+C on the board asks too, then
// cancels.
import { completeGuidance, defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { GUIDANCE_SCREENS } from '../../questionnaire/wizard-screens.ts';
import { CancelledError } from '../errors.ts';
import { BACK } from './context.ts';
import type { Back, Progress, Prompts, QuestionContext } from './context.ts';
import type { Step } from './flow.ts';
import { chooseAnswersFile } from './save-answers.ts';
import { guidanceStep } from './steps-guidance.ts';
import { boardState, changeAnswer } from './what-if.ts';
import type { BoardRequest, BoardResult } from './what-if.ts';

export interface WorkshopPrompts extends Pick<Prompts, 'select' | 'selectGroup' | 'text'> {
  spectrum(): Promise<undefined | Back>;
  board(request: BoardRequest): Promise<BoardResult>;
}

export interface WorkshopContext extends QuestionContext {
  prompts: WorkshopPrompts;
  progress: Progress;
  /** The file `s` offers first, as the user would type it: the --answers file, or ami-wizard.yaml. */
  answersFile: string;
  /** Whether something is at a file name (relative to where the workshop runs). */
  exists: (name: string) => Promise<boolean>;
  /** Saves the board's answers to the named file. */
  save: (name: string, answers: GuidanceAnswers) => Promise<void>;
  /** The file the answers were last saved to, as named. */
  saved?: string;
  /**
   * The answers as the file holds them: as last saved, else as loaded from --answers (as the board
   * reads them, boardAnswers); undefined while no file holds them.
   */
  savedAnswers?: GuidanceAnswers;
  /** The user chose to leave without saving the changes. */
  discarded?: boolean;
}

// The first screen: Esc has nowhere to go back to, so it quits (the footer says so).
const spectrumStep: Step<WorkshopContext> = async (ctx) => {
  if ((await ctx.prompts.spectrum()) === BACK) throw new CancelledError();
  return 'asked';
};

/** Where `s` saves: the file saved to before without asking again, else asked when something is there. */
async function saveFromBoard(ctx: WorkshopContext, answers: GuidanceAnswers): Promise<BoardRequest['status']> {
  const name = ctx.saved ?? (await chooseAnswersFile(ctx.prompts, 'What if?', ctx.answersFile, ctx.exists));
  if (name === BACK) return { text: 'Not saved.', ok: false };
  try {
    await ctx.save(name, answers);
    ctx.saved = name;
    ctx.savedAnswers = answers;
    ctx.discarded = false;
    return { text: `Saved to ${name}`, ok: true };
  } catch (error) {
    return { text: (error as Error).message, ok: false };
  }
}

/**
 * The answers the board opens with: those given (by the questions, or the --answers file), a question
 * added since version 1 that a file leaves out as the file means it (questions.ts ADDED_QUESTIONS,
 * as `recommend` reads it), the rest their defaults.
 */
export function boardAnswers(given: Partial<GuidanceAnswers>): GuidanceAnswers {
  const { awsExperience, automatedPipeline, ...defaults } = defaultGuidance();
  return completeGuidance({ ...defaults, ...given });
}

/** Whether the board shows answers the file does not hold. */
export function hasUnsavedChanges(ctx: Pick<WorkshopContext, 'savedAnswers'>, answers: GuidanceAnswers): boolean {
  if (!ctx.savedAnswers) return true;
  const saved = ctx.savedAnswers;
  return (Object.keys(answers) as (keyof GuidanceAnswers)[]).some((key) => answers[key] !== saved[key]);
}

type Leaving = 'save' | 'discard' | 'back';

/**
 * Leaving the board: with unsaved changes, asks save / discard / back first. Resolves to 'leave',
 * or to the status the board reopens with ('back', or a save that was cancelled or failed).
 */
async function leaveBoard(
  ctx: WorkshopContext,
  answers: GuidanceAnswers,
): Promise<'leave' | { status: BoardRequest['status'] }> {
  if (!hasUnsavedChanges(ctx, answers)) return 'leave';
  const file = ctx.saved ?? ctx.answersFile;
  const choice = await ctx.prompts.select<Leaving>({
    section: 'What if?',
    title: ctx.savedAnswers ? 'Save the changes before leaving?' : 'Save the answers before leaving?',
    hint: ctx.savedAnswers
      ? `The answers on the board are not what ${file} holds.`
      : 'No file holds these answers yet.',
    choices: [
      { value: 'save', label: ctx.saved ? `Save them to ${ctx.saved}` : 'Save them…' },
      { value: 'discard', label: ctx.savedAnswers ? 'Discard the changes' : 'Leave without saving' },
      { value: 'back', label: 'Back to the board' },
    ],
    initial: 'save',
  });
  if (choice === 'discard') {
    ctx.discarded = true;
    return 'leave';
  }
  if (choice !== 'save') return { status: undefined };
  const status = await saveFromBoard(ctx, answers);
  return status?.ok ? 'leave' : { status };
}

const boardStep =
  (first: boolean): Step<WorkshopContext> =>
  async (ctx) => {
    let answers = boardAnswers(ctx.draft.guidance);
    let row = 0;
    let status: BoardRequest['status'];
    for (;;) {
      const result = await ctx.prompts.board({
        initial: boardState(answers),
        change: changeAnswer,
        row,
        status,
        first,
      });
      ({ answers, row } = result);
      ctx.draft.guidance = answers;
      if (result.action === 'save') status = await saveFromBoard(ctx, answers);
      else if (result.action === 'back') return BACK;
      else {
        const left = await leaveBoard(ctx, answers);
        if (left !== 'leave') status = left.status;
        else if (result.action === 'quit') throw new CancelledError();
        else return 'asked';
      }
    }
  };

/**
 * What the summary says about the answers file, true to the file: "saved" only when it holds the
 * answers shown.
 */
export function answersSummary(
  ctx: Pick<WorkshopContext, 'saved' | 'savedAnswers' | 'discarded' | 'answersFile' | 'draft'>,
): string {
  const unsaved = hasUnsavedChanges(ctx, boardAnswers(ctx.draft.guidance));
  if (ctx.saved && !unsaved) return `Answers saved to ${ctx.saved}.`;
  if (ctx.saved)
    return `The changes since the answers were saved to ${ctx.saved} were not saved; ${ctx.saved} holds the answers as saved.`;
  if (ctx.savedAnswers && !unsaved) return `No changes; ${ctx.answersFile} is as it was.`;
  if (ctx.savedAnswers) return `The changes were not saved; ${ctx.answersFile} is as it was.`;
  return 'The answers were not saved.';
}

export const WORKSHOP_STEPS: readonly Step<WorkshopContext>[] = [
  spectrumStep,
  ...GUIDANCE_SCREENS.map((screen) => guidanceStep(screen, { whyOpen: true })),
  boardStep(false),
];

/** With --answers the room has its answers already: the board opens at once. */
export const BOARD_ONLY_STEPS: readonly Step<WorkshopContext>[] = [boardStep(true)];
