// Runs a list of steps over one context, create-astro style, plus going back: a step that asked
// something is remembered, so Esc returns to the last screen the user actually saw (steps that were
// skipped because --answers or --yes filled them are skipped on the way back too).
import { screenIsShown } from '../../questionnaire/wizard-screens.ts';
import type { WizardScreen } from '../../questionnaire/wizard-screens.ts';
import { BACK } from './context.ts';
import type { Back, Progress, SubSteps } from './context.ts';

/**
 * 'asked': the step showed a screen; 'skipped': it filled its value (or had nothing to ask);
 * `{ goTo }`: it showed a screen, and the run goes on at that later screen (a resumed draft), with
 * the screens in between behind it for Esc.
 */
export type StepResult = 'asked' | 'skipped' | Back | { goTo: string };
export type Step<C> = (ctx: C) => Promise<StepResult>;

/** A screen of the wizard (questionnaire/wizard-screens.ts) with the function that asks it. */
export interface WizardStep<C> extends WizardScreen {
  ask: Step<C>;
}

/**
 * The progress of each step: a step whose every field the --answers file gives is never shown, so
 * it takes no number ("Step 3 of 9", then 4, never 3 then 7).
 */
function progressOf(steps: readonly (Step<unknown> | WizardStep<unknown>)[], given: ReadonlySet<string>): Progress[] {
  const shown = steps.map((step) => typeof step === 'function' || screenIsShown(step, given));
  const total = shown.filter(Boolean).length;
  let count = 0;
  return shown.map((isShown) => ({ step: Math.max(1, (count += isShown ? 1 : 0)), total }));
}

/**
 * The progress at step `index` and its `nth` screen, when the steps have shown `extra[i]` screens
 * after their own: the ones before `index` move its number on, all of them add to the total.
 */
export function progressWithExtra(
  base: readonly Progress[],
  extra: readonly number[],
  index: number,
  nth = 0,
): Progress {
  const sum = (counts: readonly number[]) => counts.reduce((a, b) => a + b, 0);
  return { step: base[index]!.step + sum(extra.slice(0, index)) + nth, total: base[index]!.total + sum(extra) };
}

export async function runSteps<
  C extends { progress: Progress; given?: ReadonlySet<string>; screen?: string; subSteps?: SubSteps },
>(steps: readonly (Step<C> | WizardStep<C>)[], ctx: C): Promise<void> {
  const given = ctx.given ?? new Set<string>();
  const progress = progressOf(steps as readonly (Step<unknown> | WizardStep<unknown>)[], given);
  // The screens each step showed after its own, as the user last left it (Keep, or Change them).
  const extra = steps.map(() => 0);
  const asked: number[] = [];
  let index = 0;
  while (index < steps.length) {
    const at = index;
    // A step shown again starts from its own screen: what it shows next is counted anew.
    extra[at] = 0;
    ctx.progress = progressWithExtra(progress, extra, at);
    ctx.subSteps = (count, nth) => {
      extra[at] = count;
      ctx.progress = progressWithExtra(progress, extra, at, nth);
    };
    const step = steps[index]!;
    if (typeof step !== 'function') ctx.screen = step.id;
    const result = await (typeof step === 'function' ? step(ctx) : step.ask(ctx));
    if (result === BACK) {
      // On the first screen there is nowhere to go back to: show it again.
      index = asked.pop() ?? index;
      continue;
    }
    if (typeof result === 'object') {
      const target = steps.findIndex((s, i) => i > index && typeof s !== 'function' && s.id === result.goTo);
      asked.push(index);
      if (target > index) {
        for (let i = index + 1; i < target; i++) {
          const between = steps[i]!;
          if (typeof between === 'function' || screenIsShown(between, given)) asked.push(i);
        }
        index = target;
        continue;
      }
    }
    if (result === 'asked') asked.push(index);
    index++;
  }
}
