// `ami-wizard workshop` as steps over one context: the spectrum, the nine questions with their
// "why" open, then the what-if board. Starts from the defaults or from --answers.
import { QUESTION_KEYS, defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { BACK } from './context.ts';
import type { Back, Progress, Prompts, QuestionContext } from './context.ts';
import type { Step } from './flow.ts';
import { guidanceStep } from './steps-guidance.ts';
import { boardState, changeAnswer } from './what-if.ts';
import type { BoardRequest, BoardResult } from './what-if.ts';

export interface WorkshopPrompts extends Pick<Prompts, 'select' | 'text'> {
  spectrum(): Promise<void | Back>;
  board(request: BoardRequest): Promise<BoardResult>;
}

export interface WorkshopContext extends QuestionContext {
  prompts: WorkshopPrompts;
  progress: Progress;
  /** Saves the board's answers to the answers file; resolves with the path written. */
  save: (answers: GuidanceAnswers) => Promise<string>;
  /** The file the answers were last saved to. */
  saved?: string;
}

const spectrumStep: Step<WorkshopContext> = async (ctx) => ((await ctx.prompts.spectrum()) === BACK ? BACK : 'asked');

const boardStep: Step<WorkshopContext> = async (ctx) => {
  const answers: GuidanceAnswers = { ...defaultGuidance(), ...ctx.draft.guidance };
  // A save still running when the board closes (s, then Enter at once) is waited for, so the run
  // never reports "not saved" for a file written a moment later.
  let saving: Promise<unknown> = Promise.resolve();
  const result = await ctx.prompts.board({
    initial: boardState(answers),
    change: changeAnswer,
    save: (current) => {
      const saved = ctx.save(current).then((file) => ((ctx.saved = file), `Saved to ${file}`));
      saving = saved.catch(() => undefined);
      return saved;
    },
  });
  await saving;
  ctx.draft.guidance = result.answers;
  return result.action === 'back' ? BACK : 'asked';
};

export const WORKSHOP_STEPS: readonly Step<WorkshopContext>[] = [
  spectrumStep,
  ...QUESTION_KEYS.map((key, index) => guidanceStep(key, index, { whyOpen: true })),
  boardStep,
];
