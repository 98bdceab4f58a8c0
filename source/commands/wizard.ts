// `ami-wizard` in a terminal. This module stays tiny: it draws the welcome frame at once, maps
// NO_COLOR before Ink can load, and only then loads the wizard with Ink and React.
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import { drawFirstFrame } from '../wizard/first-frame.ts';
import { honourNoColor } from '../wizard/no-color.ts';

export async function wizardCommand(args: CliArgs, io: CommandIO): Promise<number> {
  honourNoColor();
  // With --yes nothing is asked, so there is no welcome to show.
  const firstFrame = args.yes ? { erase() {}, restore() {} } : drawFirstFrame(process.stdin, process.stdout);
  try {
    const { runWizard } = await import('../wizard/run.ts');
    return await runWizard(args, io, firstFrame);
  } finally {
    firstFrame.erase();
    firstFrame.restore();
  }
}
