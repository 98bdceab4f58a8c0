// Placeholder until the lookup command lands; replaced by its implementation.
import type { CliArgs } from '../cli-options.ts';
import { FailureError } from '../errors.ts';
import type { CommandIO } from './context.ts';

export async function lookupCommand(_args: CliArgs, _io: CommandIO): Promise<number> {
  throw new FailureError('lookup is not available in this build.');
}
