// The file plan (with conflicts, before anything is written), the confirmation and the write. The
// generate path is the one `ami-wizard --answers` uses; it loads only once the user gets here.
import { CancelledError, InputError } from '../errors.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import { problemLines, validateDraft } from '../answers/draft.ts';
import type { Step } from './flow.ts';

export const filesStep: Step<WizardContext> = async (ctx) => {
  const validated = validateDraft(ctx.draft);
  if (!validated.ok) {
    // Every screen checks its own field and offers only choices that agree with the others, and a
    // bad --answers file stops before the first question: reaching this is a bug, reported as bad input.
    throw new InputError(`The answers are not valid:\n${problemLines(validated.problems)}`);
  }
  const { prepareFolder } = await import('../output/prepare.ts');
  const { changeCount } = await import('../output/plan.ts');
  const { planView } = await import('../output/plan-text.ts');
  const { applyPlan } = await import('../output/write.ts');
  const { args } = ctx;
  const prepared = await prepareFolder(validated.answers, { cwd: ctx.cwd, out: args.out, templates: args.templates, force: args.force });
  const { outLabel } = prepared;

  if (!args.yes) {
    const confirmed = await ctx.prompts.confirmPlan({ outDir: prepared.outDir, outLabel, view: planView(prepared.plan), dryRun: args.dryRun });
    if (confirmed === BACK) return BACK;
    if (!confirmed) throw new CancelledError();
  }
  ctx.outcome = { ...prepared, written: false };
  if (args.dryRun) return args.yes ? 'skipped' : 'asked';
  // A Ctrl+C that came in just as the user confirmed still means: write nothing.
  if (ctx.signal.aborted) throw new CancelledError();
  await ctx.prompts.writing(outLabel, changeCount(prepared.plan), () => applyPlan(prepared.plan));
  ctx.outcome.written = true;
  return args.yes ? 'skipped' : 'asked';
};
