// The guidance questions, a screen each as questionnaire/wizard-screens.ts's GUIDANCE_SCREENS lays
// them out (the two experience questions share one); prompts, hints and "why" come from questions.ts.
import { ADDED_QUESTIONS, QUESTIONS } from '../../questionnaire/questions.ts';
import type { Choice, GuidanceAnswers, QuestionKey } from '../../questionnaire/questions.ts';
import { questionsSection } from '../../questionnaire/wizard-screens.ts';
import type { GuidanceScreen } from '../../questionnaire/wizard-screens.ts';
import type { AnswerField } from './answer-field.ts';
import { askChoice, offeredChoices } from './ask.ts';
import { BACK } from './context.ts';
import type { QuestionContext, SelectPart } from './context.ts';
import type { Step } from './flow.ts';

/** A default that follows from earlier answers, and the sentence that says so on screen. */
export interface DerivedDefault<V> {
  value: V;
  note: string;
}

type DerivedDefaults = {
  [K in QuestionKey]?: (ctx: QuestionContext) => DerivedDefault<GuidanceAnswers[K]> | undefined;
};

export interface GuidanceStepOptions {
  whyOpen?: boolean;
  /** Defaults that follow from other answers, by question. */
  derivedDefaults?: DerivedDefaults;
}

type Value = string | boolean;

/**
 * What a screen needs to ask one question: its field, its texts, its offered choices and where the
 * answer goes. An answer that was the derived default when given is not the user's choice: the
 * screen preselects the default as the earlier answers derive it now (issue 21: 3 roles, Enter on
 * "A few", back to 6 roles, and the screen offers "Several"). An answer that differs from the
 * derived default is the user's, and is kept.
 */
function questionSpec(ctx: QuestionContext, key: QuestionKey, options: GuidanceStepOptions) {
  const question = QUESTIONS[key];
  const derived = (
    options.derivedDefaults?.[key] as ((ctx: QuestionContext) => DerivedDefault<Value> | undefined) | undefined
  )?.(ctx);
  const field: AnswerField<Value> = {
    path: `guidance.${key}`,
    get: (draft) => draft.guidance[key],
    set: (draft, value) => void ((draft.guidance as Record<string, Value | undefined>)[key] = value),
  };
  const follows = derived !== undefined && ctx.followsDerived?.has(field.path) === true;
  const spec = {
    title: question.prompt,
    hint: derived ? `${question.hint} ${derived.note}` : question.hint,
    why: question.why,
    choices: question.choices as readonly Choice<Value>[],
    current: follows ? undefined : (ctx.draft.guidance[key] as Value | undefined),
    defaultValue: derived?.value ?? (question.defaultValue as Value),
  };
  /** After the answer is in the draft: whether it follows the derived default from now on. */
  const remember = () => {
    if (!derived || ctx.given.has(field.path)) return;
    const following = (ctx.followsDerived ??= new Set());
    if (ctx.draft.guidance[key] === derived.value) following.add(field.path);
    else following.delete(field.path);
  };
  return { field, spec, remember };
}

/** One question on its screen. */
async function askOne(ctx: QuestionContext, key: QuestionKey, options: GuidanceStepOptions) {
  const { field, spec, remember } = questionSpec(ctx, key, options);
  const result = await askChoice<Value>(ctx, field, {
    ...spec,
    section: questionsSection([key]),
    whyOpen: options.whyOpen,
  });
  if (result !== BACK) remember();
  return result;
}

export function guidanceStep(screen: GuidanceScreen, options: GuidanceStepOptions = {}): Step<QuestionContext> {
  return async (ctx) => {
    // A question the --answers file gives is not asked; when only one is left, it gets the screen to itself.
    const keys = screen.keys.filter((key) => !ctx.given.has(`guidance.${key}`));
    if (keys.length === 0) return 'skipped';
    if (keys.length === 1) return askOne(ctx, keys[0]!, options);
    const asked = keys.map((key) => {
      const { field, spec, remember } = questionSpec(ctx, key, options);
      return { field, remember, offer: offeredChoices(ctx, field, spec), spec };
    });
    const apply = (values: readonly Value[]) => {
      asked.forEach(({ field }, i) => field.set(ctx.draft, values[i]!));
      asked.forEach(({ remember }) => remember());
    };
    if (ctx.args.yes) {
      apply(asked.map(({ offer }) => offer.current ?? offer.fallback));
      return 'skipped';
    }
    const parts: SelectPart<Value>[] = asked.map(({ spec, offer }) => ({
      title: spec.title,
      hint: spec.hint,
      why: spec.why,
      choices: offer.choices,
      initial: offer.current ?? offer.fallback,
      defaultValue: offer.defaultValue,
    }));
    const values = await ctx.prompts.selectGroup<Value>({
      section: questionsSection(keys),
      title: screen.title,
      hint: screen.hint,
      parts,
      whyOpen: options.whyOpen,
    });
    if (values === BACK) return BACK;
    apply(values);
    return 'asked';
  };
}

/** The configurations count that fits the roles given: 1-3 few, 4-10 several, more many (the choices' own bounds). */
function configurationsForRoles(count: number): GuidanceAnswers['distinctConfigurations'] {
  return count <= 3 ? 'few' : count <= 10 ? 'several' : 'many';
}

export const configurationsFromRoles = (
  ctx: QuestionContext,
): DerivedDefault<GuidanceAnswers['distinctConfigurations']> | undefined => {
  const count = ctx.draft.roles?.length;
  if (!count) return undefined;
  return {
    value: configurationsForRoles(count),
    note: `Preselected from the ${count} role${count === 1 ? '' : 's'} you gave.`,
  };
};

/**
 * AWS experience asked after the automation answer (an answers file from before the split gives
 * only that one): preselected as the file means it without this answer (ADDED_QUESTIONS).
 */
export const awsFromAutomation = (
  ctx: QuestionContext,
): DerivedDefault<GuidanceAnswers['awsExperience']> | undefined => {
  const automation = ctx.draft.guidance.automationExperience;
  // Answered on the same screen, it is no earlier answer to follow.
  if (automation === undefined || !ctx.given.has('guidance.automationExperience')) return undefined;
  return {
    value: ADDED_QUESTIONS.awsExperience({ automationExperience: automation } as Parameters<
      typeof ADDED_QUESTIONS.awsExperience
    >[0]),
    note: 'Preselected from the configuration automation answer, which used to cover both.',
  };
};
