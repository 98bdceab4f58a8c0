// `ami-wizard workshop` as steps over one context: the spectrum, the guidance questions with their
// "why" open (on the wizard's screens, GUIDANCE_SCREENS), then the what-if board; with --answers,
// the board alone. `s` on the board asks where to save (never replacing a file without asking),
// saves, and opens the board again.
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
  spectrum(): Promise<void | Back>;
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

const boardStep =
  (first: boolean): Step<WorkshopContext> =>
  async (ctx) => {
    let answers = boardAnswers(ctx.draft.guidance);
    let row = 0;
    let status: BoardRequest['status'];
    for (;;) {
      const result = await ctx.prompts.board({ initial: boardState(answers), change: changeAnswer, row, status, first });
      ({ answers, row } = result);
      ctx.draft.guidance = answers;
      if (result.action === 'save') status = await saveFromBoard(ctx, answers);
      else return result.action === 'back' ? BACK : 'asked';
    }
  };

export const WORKSHOP_STEPS: readonly Step<WorkshopContext>[] = [
  spectrumStep,
  ...GUIDANCE_SCREENS.map((screen) => guidanceStep(screen, { whyOpen: true })),
  boardStep(false),
];

/** With --answers the room has its answers already: the board opens at once. */
export const BOARD_ONLY_STEPS: readonly Step<WorkshopContext>[] = [boardStep(true)];
