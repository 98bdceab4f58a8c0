// `ami-wizard workshop` (terminal only; main.ts refuses without one): the design spectrum, the
// questions with their why, and a live what-if board. NO_COLOR is mapped before Ink loads.
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import { honourNoColor } from '../wizard/no-color.ts';

export async function workshopCommand(args: CliArgs, io: CommandIO): Promise<number> {
  honourNoColor();
  const { runWorkshop } = await import('../wizard/workshop-run.ts');
  return runWorkshop(args, io);
}
