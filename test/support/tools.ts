// Real validators the tests run. A missing tool is loud: in CI (or with AMI_WIZARD_REQUIRE_VALIDATORS)
// it fails the suite; locally the tests that need it are skipped with a warning naming the tool.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REQUIRE_VALIDATORS = Boolean(process.env.CI || process.env.AMI_WIZARD_REQUIRE_VALIDATORS);

export function hasTool(command: string, versionArgs: string[] = ['--version']): boolean {
  const result = spawnSync(command, versionArgs, { stdio: 'ignore' });
  const found = !result.error;
  if (!found) {
    const message = `validator missing: ${command} is not installed, so the checks that need it do not run`;
    if (REQUIRE_VALIDATORS) throw new Error(`${message} (required in CI; .ci/run installs it)`);
    console.warn(`\n*** ${message}. Install it (see .ci/run) to run them. ***\n`);
  }
  return found;
}

/** ../shared beside the checkout: present for developers and CI, absent on users' machines. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url));
export const HAS_SHARED = existsSync(SHARED_DIR);

export function run(command: string, args: string[], options: { cwd?: string; input?: string } = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  return { code: result.status ?? -1, stdout: result.stdout ?? '', stderr: result.stderr ?? '', output: `${result.stdout}${result.stderr}` };
}
