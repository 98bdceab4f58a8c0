// AWS's CloudFormation linter on the generated templates: `cfn-lint` 1.x (.ci/run requires it), one
// process for many files (it takes a second or two to start). Its exit status is a bit mask: 2 for
// errors, 4 warnings, 8 informational notes; 0 means it found nothing.
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { run } from './tools.ts';

/** A CloudFormation template wherever it lives: a YAML file with a top-level AWSTemplateFormatVersion or Resources key. */
export const isCfnTemplate = (f: GeneratedFile): boolean =>
  /\.ya?ml$/.test(f.path) && /^(AWSTemplateFormatVersion|Resources):/m.test(f.contents);

/** cfn-lint on the files in one run, one finding a line (FILE:LINE:COL:LINE:COL:RULE:MESSAGE). */
export function cfnLint(files: string[]): ReturnType<typeof run> {
  if (files.length === 0) throw new Error('cfnLint needs at least one file (with none, cfn-lint reads standard input)');
  return run('cfn-lint', ['--format', 'parseable', '--', ...files]);
}

/**
 * A test's limit when it runs cfn-lint: 13 s on a quiet machine, past 60 s on two busy cores. The
 * run itself is bounded at 5 minutes (tools.ts `run`); the test waits as long.
 */
export const CFN_LINT_MS = 300_000;
