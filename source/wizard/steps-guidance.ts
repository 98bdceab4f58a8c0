// The nine guidance questions, one screen each; prompts, hints and "why" come from questions.ts.
import { QUESTION_KEYS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Choice, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { askChoice } from './ask.ts';
import type { QuestionContext } from './context.ts';
import type { Step } from './flow.ts';

/** A default that follows from earlier answers, and the sentence that says so on screen. */
export interface DerivedDefault<V> {
  value: V;
  note: string;
}

export interface GuidanceStepOptions<V> {
  whyOpen?: boolean;
  derivedDefault?: (ctx: QuestionContext) => DerivedDefault<V> | undefined;
}

export function guidanceStep<K extends QuestionKey>(key: K, index: number, options: GuidanceStepOptions<GuidanceAnswers[K]> = {}): Step<QuestionContext> {
  const question = QUESTIONS[key];
  type V = GuidanceAnswers[K];
  return (ctx) => {
    const derived = options.derivedDefault?.(ctx);
    return askChoice<V>(ctx, `guidance.${key}`, {
      section: `Question ${index + 1} of ${QUESTION_KEYS.length}`,
      title: question.prompt,
      hint: derived ? `${question.hint} ${derived.note}` : question.hint,
      why: question.why,
      choices: question.choices as readonly Choice<V>[],
      whyOpen: options.whyOpen,
      current: ctx.draft.guidance[key],
      defaultValue: derived?.value ?? (question.defaultValue as V),
      set: (draft, value) => void (draft.guidance[key] = value),
    });
  };
}

/** The configurations count that fits the roles given: 1-3 few, 4-10 several, more many (the choices' own bounds). */
function configurationsForRoles(count: number): GuidanceAnswers['distinctConfigurations'] {
  return count <= 3 ? 'few' : count <= 10 ? 'several' : 'many';
}

export const configurationsFromRoles = (ctx: QuestionContext): DerivedDefault<GuidanceAnswers['distinctConfigurations']> | undefined => {
  const count = ctx.draft.roles?.length;
  if (!count) return undefined;
  return { value: configurationsForRoles(count), note: `Preselected from the ${count} role${count === 1 ? '' : 's'} you gave.` };
};
