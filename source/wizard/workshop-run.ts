// Runs the workshop in the terminal and leaves the explanation in the scrollback when the room is
// done: the same text `ami-wizard recommend` prints.
import { relative, resolve } from 'node:path';
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from '../commands/context.ts';
import { recommendationText } from '../text/decision-text.ts';
import { createHost } from '../ui/host.tsx';
import { createWorkshopPrompts } from '../ui/workshop-prompts.ts';
import { CancelledError, EXIT } from '../errors.ts';
import { emptyDraft } from '../answers/draft.ts';
import { runSteps } from './flow.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { draftFromFile } from '../answers/prefill.ts';
import { defaultProjectName } from './steps-project.ts';
import { WORKSHOP_STEPS } from './workshop.ts';
import type { WorkshopContext } from './workshop.ts';

export async function runWorkshop(args: CliArgs, io: CommandIO): Promise<number> {
  const controller = new AbortController();
  const interrupt = () => controller.abort();
  process.on('SIGINT', interrupt);
  const host = createHost({ stdin: process.stdin, stdout: process.stdout, signal: controller.signal, onInterrupt: interrupt });
  let ctx: WorkshopContext | undefined;
  try {
    const { draft } = args.answers ? await draftFromFile(args.answers) : { draft: emptyDraft() };
    const file = resolve(io.cwd, args.answers ?? 'ami-wizard.yaml');
    const projectName = draft.project.name ?? defaultProjectName(io.cwd);
    const context: WorkshopContext = {
      // Every question is shown in a workshop, even with --yes or a complete --answers file.
      args: { yes: false },
      draft,
      given: new Set(),
      prompts: createWorkshopPrompts(host, () => context.progress),
      progress: { step: 0, total: WORKSHOP_STEPS.length },
      save: async (guidance) => {
        const { saveGuidance } = await import('../answers/save.ts');
        await saveGuidance(file, guidance, projectName);
        return relative(io.cwd, file) || file;
      },
    };
    ctx = context;
    await runSteps(WORKSHOP_STEPS, context);
    host.close();
    io.stdout(recommendationText(decisionFor(context.draft)));
    io.stdout(context.saved ? `\nAnswers saved to ${context.saved}.\n` : '\nThe answers were not saved (press s on the what-if board to save them).\n');
    return EXIT.ok;
  } catch (error) {
    host.close();
    if (error instanceof CancelledError) {
      io.stderr(ctx?.saved ? `Cancelled. The answers saved earlier are in ${ctx.saved}.\n` : 'Cancelled, nothing was written.\n');
      return error.exitCode;
    }
    throw error;
  } finally {
    process.off('SIGINT', interrupt);
  }
}
