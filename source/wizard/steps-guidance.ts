// The nine guidance questions, one screen each; prompts, hints and "why" come from questions.ts.
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Choice, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { ask } from './ask.ts';
import type { QuestionContext, WizardContext } from './context.ts';
import type { Step } from './flow.ts';

export function guidanceStep<K extends QuestionKey>(key: K, index: number, options: { whyOpen?: boolean } = {}): Step<QuestionContext> {
  const question = QUESTIONS[key];
  type V = GuidanceAnswers[K];
  return (ctx) =>
    ask<V>(ctx, `guidance.${key}`, {
      current: ctx.draft.guidance[key],
      fallback: question.defaultValue as V,
      show: (initial) =>
        ctx.prompts.select<V>({
          section: `Question ${index + 1} of ${QUESTION_KEYS.length}`,
          title: question.prompt,
          hint: question.hint,
          why: question.why,
          choices: question.choices as readonly Choice<V>[],
          initial,
          defaultValue: question.defaultValue as V,
          whyOpen: options.whyOpen,
        }),
      apply: (value) => void (ctx.draft.guidance[key] = value),
    });
}

export const guidanceSteps: Step<WizardContext>[] = QUESTION_KEYS.map((key, index) => guidanceStep(key, index));
