// A screen that shows a group of settings and offers to keep them (Enter) or change them, as Build
// settings and Tags do. Keeping runs `keep`; changing runs `change`, whose sub-screens number
// themselves through ctx.subSteps; Esc from the first of them comes back here.
import { BACK } from './context.ts';
import type { Back, SelectRequest, WizardContext } from './context.ts';
import type { StepResult } from './flow.ts';

type Choice = 'keep' | 'change';

export interface KeepOrChange extends Pick<SelectRequest<Choice>, 'section' | 'title' | 'why'> {
  /** The settings as they stand, drawn anew each time the screen shows (after changes and Esc too). */
  summary: () => string;
  /** "Keep these tags": what Enter keeps. */
  keepLabel: string;
  keep?: () => Promise<void>;
  change: () => Promise<'done' | Back>;
}

export async function keepOrChange(ctx: WizardContext, screen: KeepOrChange): Promise<StepResult> {
  const { keepLabel, keep, change, summary, ...request } = screen;
  for (;;) {
    ctx.subSteps?.(0, 0);
    const choice = await ctx.prompts.select<Choice>({
      ...request,
      hint: summary(),
      choices: [
        { value: 'keep', label: keepLabel },
        { value: 'change', label: 'Change them' },
      ],
      initial: 'keep',
      defaultValue: 'keep',
    });
    if (choice === BACK) return BACK;
    if (choice === 'keep') {
      await keep?.();
      return 'asked';
    }
    if ((await change()) !== BACK) return 'asked';
  }
}
