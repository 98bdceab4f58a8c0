// What an AWS call threw, as the error the CLI prints: our own errors pass through; the SDK's become
// advice. When the SDK found no region or no credentials, the AWS files are read again first, so a
// malformed line is named instead of "No AWS region is configured".
import { FailureError, InputError } from '../errors.ts';
import { adviceFor, configFilesToCheck } from './advice.ts';
import type { AwsCallContext } from './advice.ts';
import { findConfigFileProblem } from './config-file.ts';

export async function awsFailure(error: unknown, ctx: AwsCallContext): Promise<Error> {
  if (error instanceof FailureError || error instanceof InputError) return error;
  const kinds = configFilesToCheck(error);
  const configProblem = kinds.length ? await findConfigFileProblem(kinds) : undefined;
  return new FailureError(adviceFor(error, { ...ctx, ...(configProblem ? { configProblem } : {}) }));
}
