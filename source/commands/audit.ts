// Placeholder until the audit command lands; replaced by its implementation.
import type { CliArgs } from '../cli-options.ts';
import { FailureError } from '../errors.ts';
import type { CommandIO } from './context.ts';

export async function auditCommand(_args: CliArgs, _io: CommandIO): Promise<number> {
  throw new FailureError('audit is not available in this build.');
}
