// `ami-wizard` in a terminal. This module stays tiny: it draws the welcome frame at once, and only
// then loads the wizard with Ink and React (through loadUi, which prepares the environment first).
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import { drawFirstFrame } from '../wizard/first-frame.ts';
import { loadUi } from '../wizard/load-ui.ts';

export async function wizardCommand(args: CliArgs, io: CommandIO): Promise<number> {
  // With --yes nothing is asked, so there is no welcome to show.
  const firstFrame = args.yes ? { erase() {}, restore() {} } : drawFirstFrame(process.stdin, process.stdout);
  try {
    const { runWizard } = await loadUi(() => import('../wizard/run.ts'));
    return await runWizard(args, io, firstFrame);
  } finally {
    firstFrame.erase();
    firstFrame.restore();
  }
}
