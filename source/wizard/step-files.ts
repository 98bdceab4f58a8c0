// The file plan (with conflicts, before anything is written), the confirmation and the write, or
// only the answers file saved for later. The generate path is the one `ami-wizard --answers` uses;
// it loads only once the user gets here.
import { resolve } from 'node:path';
import { CancelledError, FailureError, InputError } from '../errors.ts';
import { BACK } from './context.ts';
import type { WizardContext } from './context.ts';
import { problemLines, validateDraft } from '../answers/draft.ts';
import type { Step } from './flow.ts';
import { chooseAnswersFile } from './save-answers.ts';

/** The file "save the answers only" offers first, in the folder the wizard runs in. */
export const ANSWERS_FILE = 'ami-wizard.yaml';

export const filesStep: Step<WizardContext> = async (ctx) => {
  const validated = validateDraft(ctx.draft);
  if (!validated.ok) {
    // Every screen checks its own field and offers only choices that agree with the others, and a
    // bad --answers file stops before the first question: reaching this is a bug, reported as bad input.
    throw new InputError(`The answers are not valid:\n${problemLines(validated.problems)}`);
  }
  const { aboutLines, applyPlan, changeCount, conflictAdvice, planView, prepareFolder } = await import(
    '../output/generate-path.ts'
  );
  const { args } = ctx;
  const prepared = await prepareFolder(validated.answers, {
    cwd: ctx.cwd,
    out: args.out,
    templates: args.templates,
    force: args.force,
  });
  const { outLabel, plan } = prepared;

  if (!args.yes) {
    const view = {
      ...planView(plan),
      about: aboutLines(validated.answers, prepared.decision),
      resolve: conflictAdvice(plan, outLabel, ANSWERS_FILE),
    };
    for (;;) {
      const confirmed = await ctx.prompts.confirmPlan({ outDir: prepared.outDir, outLabel, view, dryRun: args.dryRun });
      if (confirmed === BACK) return BACK;
      if (confirmed === 'save-answers') {
        const { answersFileExists, saveAnswersText } = await import('../answers/save.ts');
        const file = await chooseAnswersFile(ctx.prompts, 'Files', ANSWERS_FILE, (name) =>
          answersFileExists(resolve(ctx.cwd, name)),
        );
        // Cancelled: back to the plan, nothing written.
        if (file === BACK) continue;
        // The generated folder's own ami-wizard.yaml is the whole answers file, comments and all.
        const text = plan.entries.find((e) => e.path === ANSWERS_FILE)?.file?.contents;
        if (text === undefined) throw new Error(`The plan has no ${ANSWERS_FILE}.`);
        try {
          await saveAnswersText(resolve(ctx.cwd, file), text);
        } catch (error) {
          // A name that cannot be written (no such folder, a folder, a symlink): say why and go back
          // to the plan, instead of ending the run with every answer lost.
          if (!(error instanceof FailureError)) throw error;
          await ctx.prompts.select({
            section: 'Files',
            title: `Not saved: ${file}`,
            hint: error.message,
            choices: [{ value: 'back', label: 'Back to the files' }],
            initial: 'back',
          });
          continue;
        }
        ctx.answersSaved = { file, outLabel, conflicts: plan.conflicts > 0 };
        return 'asked';
      }
      if (!confirmed) throw new CancelledError();
      break;
    }
  }
  ctx.outcome = { ...prepared, written: false };
  if (args.dryRun) return args.yes ? 'skipped' : 'asked';
  // A Ctrl+C that came in just as the user confirmed still means: write nothing.
  if (ctx.signal.aborted) throw new CancelledError();
  await ctx.prompts.writing(outLabel, changeCount(plan), () => applyPlan(plan));
  ctx.outcome.written = true;
  return args.yes ? 'skipped' : 'asked';
};
