// The interactive wizard: the steps over one context, the Ink screens as their prompts, and the
// three ways a run ends: written (0, or 1 with conflicts), cancelled (130), bad input (2, thrown).
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from '../commands/context.ts';
import { createHost } from '../ui/host.tsx';
import { createPrompts } from '../ui/prompts.ts';
import { CancelledError, EXIT } from '../errors.ts';
import type { WizardContext } from './context.ts';
import { emptyDraft } from '../answers/draft.ts';
import { runText } from '../output/plan-text.ts';
import type { FirstFrame } from './first-frame.ts';
import { runSteps } from './flow.ts';
import { draftFromFile } from '../answers/prefill.ts';
import type { Prefill } from '../answers/prefill.ts';
import { WIZARD_STEPS } from './steps.ts';

export async function runWizard(args: CliArgs, io: CommandIO, firstFrame: FirstFrame, prefill?: Prefill): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  // Ctrl+C reaches Ink as a key in raw mode; a SIGINT from elsewhere (kill -INT) ends the same way.
  process.on('SIGINT', interrupt);
  const host = createHost({
    stdin: process.stdin,
    stdout: process.stdout,
    signal: controller.signal,
    onInterrupt: interrupt,
    beforeFirstFrame: () => firstFrame.erase(),
  });
  try {
    const { draft, given } = prefill ?? (args.answers ? await draftFromFile(args.answers) : { draft: emptyDraft(), given: new Set<string>() });
    const ctx: WizardContext = {
      args,
      cwd: io.cwd,
      draft,
      given,
      prompts: createPrompts(host, () => ctx.progress),
      signal: controller.signal,
      progress: { step: 0, total: WIZARD_STEPS.length },
    };
    await runSteps(WIZARD_STEPS, ctx);
    close();
    const outcome = ctx.outcome!;
    if (controller.signal.aborted) {
      // Ctrl+C during the write waited for it: every file is whole and the manifest matches them.
      io.stderr(outcome.written ? `Cancelled after the write, which completed: ${outcome.outDir} is whole.\n` : `${new CancelledError().message}\n`);
      return EXIT.cancelled;
    }
    io.stdout(runText(outcome));
    const { conflictsError } = await import('../output/prepare.ts');
    const conflicts = conflictsError(outcome.plan);
    if (conflicts) throw conflicts;
    return EXIT.ok;
  } catch (error) {
    close();
    if (error instanceof CancelledError) {
      io.stderr(`${error.message}\n`);
      return error.exitCode;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
  }

  function close() {
    host.close();
    firstFrame.erase();
    firstFrame.restore();
  }
}
