// The nine guidance questions, one screen each; prompts, hints and "why" come from questions.ts.
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Choice, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { askChoice } from './ask.ts';
import type { QuestionContext, WizardContext } from './context.ts';
import type { Step } from './flow.ts';

export function guidanceStep<K extends QuestionKey>(key: K, index: number, options: { whyOpen?: boolean } = {}): Step<QuestionContext> {
  const question = QUESTIONS[key];
  type V = GuidanceAnswers[K];
  return (ctx) =>
    askChoice<V>(ctx, `guidance.${key}`, {
      section: `Question ${index + 1} of ${QUESTION_KEYS.length}`,
      title: question.prompt,
      hint: question.hint,
      why: question.why,
      choices: question.choices as readonly Choice<V>[],
      whyOpen: options.whyOpen,
      current: ctx.draft.guidance[key],
      defaultValue: question.defaultValue as V,
      set: (draft, value) => void (draft.guidance[key] = value),
    });
}

export const guidanceSteps: Step<WizardContext>[] = QUESTION_KEYS.map((key, index) => guidanceStep(key, index));
