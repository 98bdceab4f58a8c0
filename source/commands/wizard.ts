// `ami-wizard` in a terminal. This module stays tiny: it draws the welcome frame at once, while the
// wizard with Ink and React loads (through loadUi, which prepares the environment first).
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
  // The UI starts loading first: its files are read while the frame is drawn. Awaited only below,
  // so a failure to load is not also reported unhandled should drawing the frame throw.
  const ui = loadUi(() => import('./wizard-run.ts'));
  ui.catch(() => {});
  const firstFrame = args.yes ? { erase() {}, restore() {} } : drawFirstFrame(io.terminal(), welcome);
  try {
    const { runWizard } = await ui;
    return await runWizard(args, io, firstFrame, prefill);
  } finally {
    firstFrame.erase();
    firstFrame.restore();
  }
}
