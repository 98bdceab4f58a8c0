// Real validators the tests run. A missing tool is loud: in CI (or with AMI_WIZARD_REQUIRE_VALIDATORS)
// it fails the suite; locally the tests that need it are skipped with a warning naming the tool, and
// the test file notes it, so `npm test` ends with which tools were missing and which files skipped for
// each (test/support/skip-summary.ts).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TestRunner } from 'vitest';
import { MISSING_TOOLS_META, type MissingTool } from './skip-summary.ts';

export const REQUIRE_VALIDATORS = Boolean(process.env.CI || process.env.AMI_WIZARD_REQUIRE_VALIDATORS);

/**
 * A tool the checks need is missing: in CI (unless `ciInstalls` is false) that fails the suite;
 * locally it warns, and notes the tool on the test file being collected for the closing summary.
 * Call it while the file is collected (its top level or a describe body), where the skipIf is decided.
 */
export function toolMissing(tool: string, message: string, { ciInstalls = true } = {}): void {
  if (REQUIRE_VALIDATORS && ciInstalls) throw new Error(`${message} (required in CI; .ci/run installs it)`);
  console.warn(`\n*** ${message}${ciInstalls ? '. Install it (see .ci/run) to run them.' : ''} ***\n`);
  const file = TestRunner.getCurrentSuite()?.file;
  if (!file) return;
  const meta = file.meta as Record<string, MissingTool[] | undefined>;
  const noted = (meta[MISSING_TOOLS_META] ??= []);
  if (!noted.some((m) => m.tool === tool)) noted.push({ tool, ciInstalls });
}

const found = new Map<string, boolean>();

/** Whether `command` runs; asked once per process, noted (toolMissing) in every file that asks. */
export function hasTool(command: string, versionArgs: string[] = ['--version']): boolean {
  const key = JSON.stringify([command, versionArgs]);
  let ok = found.get(key);
  if (ok === undefined) {
    const result = spawnSync(command, versionArgs, { stdio: 'ignore', timeout: 60_000, killSignal: 'SIGKILL' });
    found.set(key, (ok = !result.error));
  }
  if (!ok)
    toolMissing(command, `validator missing: ${command} is not installed, so the checks that need it do not run`);
  return ok;
}

/** Upstream data the checks rest on (the Packer plugin's schema, AWS's documented shapes, gitleaks' rules), kept in the repository; test/fixtures/upstream/SOURCES.md says where each file came from. */
export const UPSTREAM_DIR = fileURLToPath(new URL('../fixtures/upstream/', import.meta.url));

export function run(
  command: string,
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
) {
  // A synchronous child blocks the test worker, where vitest's own timeout cannot reach: a validator that
  // hangs is killed after five minutes and its test fails, instead of holding the whole run.
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 300_000, killSignal: 'SIGKILL', ...options });
  return {
    code: result.status ?? -1,
    stdout: result.stdout ?? '',
    stderr: result.stderr ?? '',
    output: `${result.stdout}${result.stderr}`,
  };
}

/**
 * `run` without blocking the worker, so vitest's timeout can reach the test that waits for it. The
 * same bound: a child still running after five minutes is killed, and its run fails.
 */
export function runAsync(
  command: string,
  args: string[],
  options: { cwd?: string; input?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<ReturnType<typeof run>> {
  const { input, ...spawnOptions } = options;
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    const child = spawn(command, args, { timeout: 300_000, killSignal: 'SIGKILL', ...spawnOptions });
    child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const done = (code: number) => resolve({ code, stdout, stderr, output: `${stdout}${stderr}` });
    child.on('error', (error) => {
      stderr += `${error.message}\n`;
      done(-1);
    });
    child.on('close', (code) => done(code ?? -1));
    child.stdin.on('error', () => {}); // a child that exits without reading its input
    child.stdin.end(input);
  });
}

/** Debian's python3, which the packages .ci/run installs (PyYAML, jsonschema, jinja2) belong to. */
export const PYTHON = existsSync('/usr/bin/python3') ? '/usr/bin/python3' : 'python3';

/**
 * cloud-init's own schema check, from Debian's package unpacked into .tmp/cloud-init by .ci/run
 * (unpacked, never installed into /, so the machine's packages stay as they are). Returns the command to run, or undefined after a loud warning.
 */
export function cloudInitSchema(): ((file: string) => ReturnType<typeof run>) | undefined {
  const sitePackages = fileURLToPath(new URL('../../.tmp/cloud-init/usr/lib/python3/dist-packages', import.meta.url));
  const usable =
    existsSync(join(sitePackages, 'cloudinit')) &&
    spawnSync(PYTHON, ['-c', 'import cloudinit.cmd.main'], {
      env: { ...process.env, PYTHONPATH: sitePackages },
      stdio: 'ignore',
    }).status === 0;
  if (!usable) {
    toolMissing(
      'cloud-init',
      'validator missing: cloud-init schema (unpack Debian cloud-init into .tmp/cloud-init as .ci/run does); the #cloud-config checks do not run',
    );
    return undefined;
  }
  return (file) =>
    run(PYTHON, ['-m', 'cloudinit.cmd.main', 'schema', '--config-file', file], {
      env: { ...process.env, PYTHONPATH: sitePackages },
    });
}

/** cloud-init's own systemd units, from the same unpacked Debian package, or undefined after a loud warning. */
export function cloudInitUnits(): string | undefined {
  const units = fileURLToPath(new URL('../../.tmp/cloud-init/lib/systemd/system', import.meta.url));
  if (!existsSync(join(units, 'cloud-final.service'))) {
    toolMissing(
      'cloud-init',
      'validator missing: cloud-init systemd units (unpack Debian cloud-init into .tmp/cloud-init as .ci/run does); the unit ordering checks do not run',
    );
    return undefined;
  }
  return units;
}
