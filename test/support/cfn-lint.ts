// AWS's CloudFormation linter on the generated templates: `cfn-lint` 1.x (.ci/run requires it), one
// process for many files (it takes about three seconds to start, then under a tenth of a second a
// template). Its exit status is a bit mask: 2 for errors, 4 warnings, 8 informational notes; 0 means
// it found nothing.
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { run, runAsync } from './tools.ts';

/** A CloudFormation template wherever it lives: a YAML file with a top-level AWSTemplateFormatVersion or Resources key. */
export const isCfnTemplate = (f: GeneratedFile): boolean =>
  /\.ya?ml$/.test(f.path) && /^(AWSTemplateFormatVersion|Resources):/m.test(f.contents);

/** cfn-lint on the files in one run, one finding a line (FILE:LINE:COL:LINE:COL:RULE:MESSAGE). */
export function cfnLint(files: string[]): ReturnType<typeof run> {
  if (files.length === 0) throw new Error('cfnLint needs at least one file (with none, cfn-lint reads standard input)');
  return run('cfn-lint', ['--format', 'parseable', '--', ...files]);
}

/**
 * A test's limit when it runs cfn-lint, or waits for a batch (cfnLintBatch): one run over a suite's
 * templates takes 9 to 14 s on a quiet machine and can pass 60 s on two busy cores. The run itself is
 * bounded at 5 minutes (tools.ts `run`, `runAsync`); the test waits as long.
 */
export const CFN_LINT_MS = 300_000;

/** What one cfn-lint run over many files says about each of them. */
export interface CfnLintReport {
  /** Every file linted, with the lines of its findings as cfn-lint printed them; none when it is clean. */
  findings: Map<string, string[]>;
  /** Why the run cannot be read (a crash, bad usage, a line that names no file linted, an exit status its findings do not explain), with its output; then no file counts as clean. */
  broken?: string;
}

// What follows the file name on a finding's line: :LINE:COL:LINE:COL:RULE:MESSAGE. The rule's letter is its severity.
const FINDING_TAIL = /^:\d+:\d+:\d+:\d+:([EWI])\d{4}:/;
const SEVERITY_BIT: Record<string, number> = { E: 2, W: 4, I: 8 };

/**
 * Reads a `cfnLint` run over `files` into findings per file. A line belongs to the longest file name
 * it starts with, followed by the position and rule, so a path or a message with colons in it (a
 * Windows drive, a URL) is read right. The run counts only when its exit status is exactly the bits
 * of the severities it printed and every line it wrote, on either stream, names a file linted.
 */
export function attributeCfnLint(
  files: string[],
  result: { code: number; stdout: string; stderr: string },
): CfnLintReport {
  const findings = new Map(files.map((f) => [f, [] as string[]]));
  const longestFirst = [...findings.keys()].sort((a, b) => b.length - a.length);
  const claim = (line: string) => {
    for (const file of longestFirst) {
      const tail = line.startsWith(file) ? FINDING_TAIL.exec(line.slice(file.length)) : null;
      if (tail) return { file, severity: tail[1]! };
    }
    return undefined;
  };
  const stray: string[] = [];
  let implied = 0;
  for (const line of result.stdout.split(/\r?\n/)) {
    if (line.trim() === '') continue;
    const finding = claim(line);
    if (!finding) stray.push(line);
    else {
      findings.get(finding.file)!.push(line);
      implied |= SEVERITY_BIT[finding.severity]!;
    }
  }
  const problems: string[] = [];
  if (result.code < 0 || (result.code & ~14) !== 0)
    problems.push(`cfn-lint exited with status ${result.code}, which is not a lint result (2, 4, 8 or their sum)`);
  else if (result.code !== implied)
    problems.push(`cfn-lint exited with status ${result.code}, but the findings it printed make ${implied}`);
  if (stray.length > 0) problems.push(`lines that name no file linted:\n${stray.join('\n')}`);
  if (result.stderr.trim() !== '') problems.push(`standard error:\n${result.stderr.trimEnd()}`);
  if (problems.length === 0) return { findings };
  return {
    findings,
    broken: `${problems.join('\n')}\n--- output of cfn-lint on ${files.length} file(s) ---\n${result.stdout}`,
  };
}

/** `cfnLint` on many files in one run, without blocking the worker, read into findings per file (attributeCfnLint). */
export async function cfnLintBatch(files: string[]): Promise<CfnLintReport> {
  const unique = [...new Set(files)];
  if (unique.length === 0) throw new Error('cfnLintBatch needs at least one file');
  return attributeCfnLint(unique, await runAsync('cfn-lint', ['--format', 'parseable', '--', ...unique]));
}
