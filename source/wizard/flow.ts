// Runs a list of steps over one context, create-astro style, plus going back: a step that asked
// something is remembered, so Esc returns to the last screen the user actually saw (steps that were
// skipped because --answers or --yes filled them are skipped on the way back too).
import { BACK } from './context.ts';
import type { Back, Progress } from './context.ts';

/** 'asked': the step showed a screen; 'skipped': it filled its value (or had nothing to ask). */
export type StepResult = 'asked' | 'skipped' | Back;
export type Step<C> = (ctx: C) => Promise<StepResult>;

export async function runSteps<C extends { progress: Progress }>(steps: readonly Step<C>[], ctx: C): Promise<void> {
  const asked: number[] = [];
  let index = 0;
  while (index < steps.length) {
    ctx.progress = { step: index + 1, total: steps.length };
    const result = await steps[index]!(ctx);
    if (result === BACK) {
      // On the first screen there is nowhere to go back to: show it again.
      index = asked.pop() ?? index;
      continue;
    }
    if (result === 'asked') asked.push(index);
    index++;
  }
}
