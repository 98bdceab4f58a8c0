// Runs one invocation of ami-wizard and returns its exit code. Commands load lazily, so `recommend` never pays for the generators and
// nothing here loads the interactive UI or the AWS SDK.
import { parseArgs, helpText } from './cli-options.ts';
import type { CliArgs } from './cli-options.ts';
import { EXIT } from './errors.ts';
import type { CommandIO } from './commands/context.ts';
import { VERSION } from './package-version.ts';

async function run(args: CliArgs, io: CommandIO): Promise<number> {
  if (args.help) return (io.stdout(helpText(VERSION)), EXIT.ok);
  if (args.version) return (io.stdout(`${VERSION}\n`), EXIT.ok);
  if (!args.command && args.answers && io.isInteractive) return answersInTerminal(args, io, args.answers);
  const command = args.command ?? (args.answers ? 'generate' : undefined);
  switch (command) {
    case 'schema':
      return (await import('./commands/schema.ts')).schemaCommand(io);
    case 'recommend':
      return (await import('./commands/recommend.ts')).recommendCommand(args, io);
    case 'generate':
      return (await import('./commands/generate.ts')).generateCommand(args, io);
    case 'lookup':
      return (await import('./commands/lookup.ts')).lookupCommand(args, io);
    case 'audit':
      return (await import('./commands/audit.ts')).auditCommand(args, io);
    case 'workshop':
      if (!io.isInteractive)
        return refuseWithoutTerminal(
          io,
          'workshop needs a terminal. For scripts use: ami-wizard recommend --answers FILE',
        );
      if (isDumbTerminal())
        return refuseWithoutTerminal(
          io,
          `workshop ${DUMB_TERMINAL} For scripts use: ami-wizard recommend --answers FILE`,
        );
      return (await import('./commands/workshop.ts')).workshopCommand(args, io);
    default:
      // Refuse before any UI code loads, so a pipe never sees Ink's raw-mode error.
      if (!io.isInteractive)
        return refuseWithoutTerminal(
          io,
          'No terminal to ask questions in. Pass an answers file: ami-wizard --answers ami-wizard.yaml --out DIR',
        );
      if (isDumbTerminal())
        return refuseWithoutTerminal(
          io,
          `The wizard ${DUMB_TERMINAL} Pass an answers file: ami-wizard --answers ami-wizard.yaml --out DIR`,
        );
      return (await import('./commands/wizard.ts')).wizardCommand(args, io);
  }
}

/**
 * `--answers FILE` in a terminal. A valid file is complete (the schema requires every answer the
 * wizard would ask for) and generates at once, read only once and without zod. A file that leaves
 * answers out opens the wizard, which asks only for those; anything else goes to generate, which
 * reports the problem.
 */
async function answersInTerminal(args: CliArgs, io: CommandIO, file: string): Promise<number> {
  const answers = await (await import('./answers/read.ts')).quickAnswers(file);
  const prefill = answers
    ? undefined
    : await (await import('./answers/prefill.ts')).prefillForGaps(file, { askAgain: !args.yes });
  if (prefill && isDumbTerminal())
    return refuseWithoutTerminal(
      io,
      `The wizard ${DUMB_TERMINAL} Complete the answers file, then: ami-wizard --answers ${file}`,
    );
  if (prefill) return (await import('./commands/wizard.ts')).wizardCommand(args, io, prefill);
  return (await import('./commands/generate.ts')).generateCommand(args, io, answers);
}

// TERM=dumb (Emacs shell buffers, some CI consoles): no cursor movement or screen clearing, which
// every screen of the wizard needs to redraw itself.
const DUMB_TERMINAL = 'needs a terminal that can move the cursor (TERM is dumb).';
const isDumbTerminal = (): boolean => process.env.TERM === 'dumb';

function refuseWithoutTerminal(io: CommandIO, message: string): number {
  io.stderr(`ami-wizard: ${message}\n`);
  return EXIT.badInput;
}

export async function main(argv: readonly string[], io: CommandIO): Promise<number> {
  try {
    return await run(parseArgs(argv), io);
  } catch (error) {
    const code = (error as { exitCode?: unknown }).exitCode;
    if (typeof code === 'number') {
      io.stderr(`ami-wizard: ${(error as Error).message}\n`);
      return code;
    }
    io.stderr(`ami-wizard failed unexpectedly: ${(error as Error)?.message ?? String(error)}\n`);
    if (process.env.AMI_WIZARD_DEBUG) io.stderr(`${(error as Error)?.stack ?? ''}\n`);
    return EXIT.failure;
  }
}
