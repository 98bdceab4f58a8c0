// Placeholder until the workshop command lands; replaced by its implementation.
import type { CliArgs } from '../cli-options.ts';
import { FailureError } from '../errors.ts';
import type { CommandIO } from './context.ts';

export async function workshopCommand(_args: CliArgs, _io: CommandIO): Promise<number> {
  throw new FailureError('workshop is not available in this build.');
}
