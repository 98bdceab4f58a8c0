// The rule every question step follows: a value from --answers is kept without asking, --yes takes
// the current value (else the default) without asking, otherwise the screen asks.
import { ASKED_FIELDS } from '../../questionnaire/wizard-screens.ts';
import { BACK } from './context.ts';
import type { Back, PromptChoice, QuestionContext, SelectRequest } from './context.ts';
import { fieldProblem, keepsValid } from '../answers/draft.ts';
import type { StepResult } from './flow.ts';
import type { AnswerField } from './answer-field.ts';

export interface AskSpec<V> {
  /** The value the screen starts from, where it is not the field's answer (see ChoiceFieldSpec.current). */
  current?: V | undefined;
  fallback: V;
  show: (initial: V) => Promise<V | Back>;
}

/** The field's current answer, unless the spec gives another (even undefined). */
const currentOf = <V>(ctx: QuestionContext, field: AnswerField<V>, spec: { current?: V | undefined }) =>
  'current' in spec ? spec.current : field.get(ctx.draft);

/** Asks one field: the answer goes where the field says (field.set). */
export async function ask<V>(ctx: QuestionContext, field: AnswerField<V>, spec: AskSpec<V>): Promise<StepResult> {
  if (ctx.given.has(field.path)) return 'skipped';
  const initial = currentOf(ctx, field, spec) ?? spec.fallback;
  if (ctx.args.yes) {
    field.set(ctx.draft, initial);
    return 'skipped';
  }
  const value = await spec.show(initial);
  if (value === BACK) return BACK;
  field.set(ctx.draft, value);
  return 'asked';
}

export interface ChoiceFieldSpec<V extends string | boolean>
  extends Omit<SelectRequest<V>, 'initial' | 'defaultValue'> {
  /**
   * The answer to start from, where it is not the field's own: a guidance answer that follows its
   * derived default has none (steps-guidance.ts). Left out, the field's answer.
   */
  current?: V | undefined;
  /** Marked as the default; taken by --yes when there is no current value. */
  defaultValue: V;
}

/**
 * A question answered by picking one of a list. Only the choices that agree with this field's rules
 * and with the answers no other screen asks are offered (see keepsValid); a current value or default that does not
 * agree is not preselected.
 */
export function askChoice<V extends string | boolean>(
  ctx: QuestionContext,
  field: AnswerField<V>,
  spec: ChoiceFieldSpec<V>,
): Promise<StepResult> {
  const { current, defaultValue, choices, ...request } = spec;
  const offer = offeredChoices(ctx, field, spec);
  return ask<V>(ctx, field, {
    current: offer.current,
    fallback: offer.fallback,
    show: (initial) =>
      ctx.prompts.select<V>({ ...request, choices: offer.choices, initial, defaultValue: offer.defaultValue }),
  });
}

/** A field's choices as its screen offers them, with the current value and the default when they are among them. */
export interface OfferedChoices<V> {
  choices: readonly PromptChoice<V>[];
  current: V | undefined;
  defaultValue: V | undefined;
  /** What --yes takes without a current value, and the screen highlights: the default, else the first offered. */
  fallback: V;
}

/**
 * The choices that agree with this field's rules and with the answers no other screen asks (see
 * keepsValid); a current value or default that does not agree is not preselected.
 */
export function offeredChoices<V extends string | boolean>(
  ctx: QuestionContext,
  field: AnswerField<V>,
  spec: Pick<ChoiceFieldSpec<V>, 'choices' | 'current' | 'defaultValue'>,
): OfferedChoices<V> {
  const askable = ASKED_FIELDS.filter((other) => other !== field.path && !ctx.given.has(other));
  const agreeing = ctx.given.has(field.path)
    ? spec.choices
    : spec.choices.filter((choice) => keepsValid(ctx.draft, (copy) => field.set(copy, choice.value), askable));
  const offered = agreeing.length > 0 ? agreeing : spec.choices;
  const isOffered = (value: V | undefined) => value !== undefined && offered.some((choice) => choice.value === value);
  const current = currentOf(ctx, field, spec);
  return {
    choices: offered,
    current: isOffered(current) ? current : undefined,
    defaultValue: isOffered(spec.defaultValue) ? spec.defaultValue : undefined,
    fallback: isOffered(spec.defaultValue) ? spec.defaultValue : offered[0]!.value,
  };
}

export interface TextFieldSpec<T> {
  section: string;
  title: string;
  hint?: string;
  /** The longer help, shown on `?`. */
  why?: string;
  fallback: T;
  /** The value shown for editing. */
  format: (value: T) => string;
  /** What the typed text means; an empty field means the fallback where that makes sense. */
  parse: (text: string) => T;
  /** How the value is used where that differs from what was typed, shown under the field as it is typed. */
  preview?: (value: T) => string | undefined;
}

/**
 * A free-text question whose value is checked against the answers schema before it is accepted. T
 * may add undefined to the field's value: an optional field left empty is removed.
 */
export function askText<T>(
  ctx: QuestionContext,
  field: AnswerField<Exclude<T, undefined>>,
  spec: TextFieldSpec<T>,
): Promise<StepResult> {
  const textField = field as AnswerField<T>;
  return ask<T>(ctx, textField, {
    fallback: spec.fallback,
    show: async (initial) => {
      const text = await ctx.prompts.text({
        section: spec.section,
        title: spec.title,
        hint: spec.hint,
        ...(spec.why ? { why: spec.why } : {}),
        initial: spec.format(initial),
        validate: (typed) => fieldProblem(ctx.draft, field.path, (copy) => textField.set(copy, spec.parse(typed))),
        ...(spec.preview ? { preview: (typed: string) => spec.preview!(spec.parse(typed)) } : {}),
      });
      return text === BACK ? BACK : spec.parse(text);
    },
  });
}
