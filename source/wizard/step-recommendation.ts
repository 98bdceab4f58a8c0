// The recommendation: the model decides, the user accepts it or picks another design (an override,
// recorded as `strategy` in the answers file and in decision.md).
import { ANSWER_DEFAULTS } from '../../questionnaire/answer-defaults.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { answerField } from './answer-field.ts';
import { ask } from './ask.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import type { Step } from './flow.ts';

export const recommendationStep: Step<WizardContext> = (ctx) =>
  ask<Design | 'auto'>(ctx, answerField('strategy'), {
    fallback: ANSWER_DEFAULTS.strategy,
    show: async (current) => {
      // The model's advice for the answers so far, whatever the draft's strategy says.
      const decision = decisionFor({ ...ctx.draft, strategy: 'auto' });
      const choice = await ctx.prompts.recommendation({ decision, current });
      // Picking the recommended design is accepting it: the file then follows the model if answers change.
      return choice === BACK || choice !== decision.recommended ? choice : 'auto';
    },
  });
