// Runs one invocation of ami-wizard and returns its exit code. Commands load lazily, so `recommend` never pays for the generators and
// nothing here loads the interactive UI or the AWS SDK.
import { parseArgs, helpText } from './cli-options.ts';
import type { CliArgs } from './cli-options.ts';
import { EXIT } from './errors.ts';
import type { CommandIO } from './commands/context.ts';
import { VERSION } from './package-version.ts';
import { DUMB_TERMINAL, isDumbTerminal, refuseWithoutTerminal } from './commands/terminal-refusal.ts';

async function run(args: CliArgs, io: CommandIO): Promise<number> {
  if (args.help) return (io.stdout(helpText(VERSION)), EXIT.ok);
  if (args.version) return (io.stdout(`${VERSION}\n`), EXIT.ok);
  if (!args.command && args.answers && io.isInteractive)
    return (await import('./commands/answers-in-terminal.ts')).answersInTerminal(args, io, args.answers);
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
