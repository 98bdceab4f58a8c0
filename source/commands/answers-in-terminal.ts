// `--answers FILE` in a terminal. A valid file is complete (the schema requires every answer the
// wizard would ask for) and generates at once, read only once and without zod. A file that leaves
// answers out opens the wizard, which asks only for those; anything else goes to generate, which
// reports the problem.
import type { CliArgs } from '../cli-options.ts';
import type { CommandIO } from './context.ts';
import { quickAnswers } from '../answers/read.ts';
import { DUMB_TERMINAL, isDumbTerminal, refuseWithoutTerminal } from './terminal-refusal.ts';

export async function answersInTerminal(args: CliArgs, io: CommandIO, file: string): Promise<number> {
  const answers = await quickAnswers(file);
  const prefill = answers
    ? undefined
    : await (await import('../answers/prefill.ts')).prefillForGaps(file, { askAgain: !args.yes });
  if (prefill && isDumbTerminal())
    return refuseWithoutTerminal(
      io,
      `The wizard ${DUMB_TERMINAL} Complete the answers file, then: ami-wizard --answers ${file}`,
    );
  if (prefill) return (await import('./wizard.ts')).wizardCommand(args, io, prefill);
  return (await import('./generate.ts')).generateCommand(args, io, answers);
}
