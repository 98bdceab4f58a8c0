// The recommendation: the model decides, the user accepts it or picks another design (an override,
// recorded as `strategy` in the answers file and in decision.md).
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { decide } from '../../questionnaire/recommend.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import type { Draft } from './draft.ts';
import type { Step } from './flow.ts';

/** The model's decision for the answers so far (unanswered questions count as their defaults). */
export function draftDecision(draft: Draft): Decision {
  return decide({ ...defaultGuidance(), ...draft.guidance }, 'auto', draft.roles?.length ?? 1);
}

export const recommendationStep: Step<WizardContext> = async (ctx) => {
  if (ctx.given.has('strategy')) return 'skipped';
  if (ctx.args.yes) {
    ctx.draft.strategy ??= 'auto';
    return 'skipped';
  }
  const decision = draftDecision(ctx.draft);
  const choice = await ctx.prompts.recommendation({ decision, current: ctx.draft.strategy ?? 'auto' });
  if (choice === BACK) return BACK;
  // Picking the recommended design is accepting it: the file then follows the model if answers change.
  ctx.draft.strategy = choice === decision.recommended ? 'auto' : choice;
  return 'asked';
};
