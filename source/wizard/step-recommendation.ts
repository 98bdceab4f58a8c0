// The recommendation: the model decides, the user accepts it or picks another design (an override,
// recorded as `strategy` in the answers file and in decision.md).
import { defaultGuidance } from '../../questionnaire/questions.ts';
import { decide } from '../../questionnaire/recommend.ts';
import type { Decision } from '../../questionnaire/recommend.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { ask } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import type { Draft } from './draft.ts';
import type { Step } from './flow.ts';

/** The model's decision for the answers so far (unanswered questions count as their defaults). */
export function draftDecision(draft: Draft, chosen: Design | 'auto' = 'auto'): Decision {
  return decide({ ...defaultGuidance(), ...draft.guidance }, chosen, draft.roles?.length ?? 1);
}

export const recommendationStep: Step<WizardContext> = (ctx) =>
  ask<Design | 'auto'>(ctx, 'strategy', {
    current: ctx.draft.strategy,
    fallback: 'auto',
    show: async (current) => {
      const decision = draftDecision(ctx.draft);
      const choice = await ctx.prompts.recommendation({ decision, current });
      // Picking the recommended design is accepting it: the file then follows the model if answers change.
      return choice === BACK || choice !== decision.recommended ? choice : 'auto';
    },
    apply: (strategy) => void (ctx.draft.strategy = strategy),
  });
