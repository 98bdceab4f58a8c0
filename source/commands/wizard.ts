// `ami-wizard` in a terminal. This module stays tiny: it draws the welcome frame at once, and only
// then loads the wizard with Ink and React (through loadUi, which prepares the environment first).
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import type { Prefill } from '../answers/prefill.ts';
import { basename } from 'node:path';
import { drawFirstFrame } from '../ui/first-frame.ts';
import { welcomeFor } from '../text/welcome-text.ts';
import { loadUi } from './load-ui.ts';

/** `prefill`: the --answers file as already read (main.ts reads it to choose the wizard). */
export async function wizardCommand(args: CliArgs, io: CommandIO, prefill?: Prefill): Promise<number> {
  // With --yes nothing is asked, so there is no welcome to show.
  const welcome = prefill && args.answers ? welcomeFor(prefill.given, basename(args.answers), prefill.corrections) : {};
  // Drawn before the UI starts loading: on Node 24, import() reads and compiles the module graph
  // before it returns (tens of ms for the screens' files), which would hold the frame back.
  const firstFrame = args.yes ? { erase() {}, restore() {} } : drawFirstFrame(io.terminal(), welcome);
  try {
    const { runWizard } = await loadUi(() => import('./screens.ts'));
    return await runWizard(args, io, firstFrame, prefill);
  } finally {
    firstFrame.erase();
    firstFrame.restore();
  }
}
