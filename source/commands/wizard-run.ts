// The interactive wizard: the steps over one context, the Ink screens as their prompts, and the
// three ways a run ends: written (0, or 1 with conflicts), cancelled (130), bad input (2, thrown).
import type { CliArgs } from '../cli-options.ts';
import { EXIT } from '../errors.ts';
import { emptyDraft, validateDraft } from '../answers/draft.ts';
import type { Prefill } from '../answers/prefill.ts';
import { answersSavedText, runText } from '../output/plan-text.ts';
import { trailLines } from '../text/trail-text.ts';
import { screenSize } from '../text/welcome-text.ts';
import { createPrompts } from '../ui/prompts.ts';
import type { FirstFrame } from '../ui/first-frame.ts';
import type { WizardContext } from '../wizard/context.ts';
import { runSteps } from '../wizard/flow.ts';
import { WIZARD_STEPS } from '../wizard/steps.ts';
import type { CommandIO } from './context.ts';
import { withHost } from './host-session.ts';

export async function runWizard(args: CliArgs, io: CommandIO, firstFrame: FirstFrame, prefill?: Prefill): Promise<number> {
  const finish = () => {
    firstFrame.erase();
    firstFrame.restore();
  };
  return withHost(io, { beforeFirstFrame: () => firstFrame.erase(), afterClose: finish }, async ({ host, signal }) => {
    const { draft, given } = prefill ?? (args.answers ? await (await import('../answers/prefill.ts')).draftFromFile(args.answers) : { draft: emptyDraft(), given: new Set<string>() });
    const ctx: WizardContext = {
      args,
      cwd: io.cwd,
      draft,
      given,
      prompts: createPrompts(host, () => ctx.progress),
      signal,
      progress: { step: 0, total: WIZARD_STEPS.length },
      env: io.env ?? {},
      ...(args.answers ? { answersFile: args.answers } : {}),
    };
    await runSteps(WIZARD_STEPS, ctx);
    host.close();
    if (ctx.answersSaved) {
      io.stdout(answersSavedText(ctx.answersSaved));
      return EXIT.ok;
    }
    const outcome = ctx.outcome!;
    if (signal.aborted) {
      // Ctrl+C during the write waited for it: every file is whole and the manifest matches them.
      io.stderr(outcome.written ? `Cancelled after the write, which completed: ${outcome.outDir} is whole.\n` : 'Cancelled, nothing was written.\n');
      return EXIT.cancelled;
    }
    // One ending: the summary says what was left and what to do; exit 1 with a conflict left. Once
    // the files are written, a trail of the answers above it (as clack leaves), within 24 rows.
    const validated = validateDraft(ctx.draft);
    const trail = outcome.written && outcome.plan.conflicts === 0 && validated.ok ? trailLines(validated.answers, screenSize({ columns: io.columns }).width) : [];
    io.stdout(runText(outcome, { byFolder: true, trail }));
    return outcome.plan.conflicts > 0 ? EXIT.failure : EXIT.ok;
  });
}
