// `ami-wizard workshop` (terminal only; main.ts refuses without one): the design spectrum, the
// questions with their why, and a live what-if board. The UI loads through loadUi.
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import { loadUi } from './load-ui.ts';

export async function workshopCommand(args: CliArgs, io: CommandIO): Promise<number> {
  const { runWorkshop } = await loadUi(async () => (await import('./screens.ts')).workshopScreens());
  return runWorkshop(args, io);
}
