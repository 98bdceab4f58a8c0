// Placeholder until the wizard command lands; replaced by its implementation.
import type { CliArgs } from '../cli-options.ts';
import { FailureError } from '../errors.ts';
import type { CommandIO } from './context.ts';

export async function wizardCommand(_args: CliArgs, _io: CommandIO): Promise<number> {
  throw new FailureError('wizard is not available in this build.');
}
