// Runs the built CLI (dist/cli.js) as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));

/** The tests of the built CLI fail, never skip, without a build. */
export function assertBuilt(): void {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run npm run build (npm test does it first)');
}

export function cli(args: string[], options: { cwd?: string; env?: Record<string, string>; timeoutMs?: number } = {}) {
  assertBuilt();
  const result = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
    // A run that should stop on its own is killed, not waited for, when it does not (unbounded input);
    // a synchronous child blocks the worker, where vitest's own timeout cannot reach.
    timeout: options.timeoutMs ?? 120_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
