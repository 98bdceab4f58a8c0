// A command that has done its work and written its output ends the process then: whatever else is
// still scheduled (a dependency's timer, a socket kept alive, a child process) neither holds the
// shell's prompt back nor runs after the command has finished. The scheduled work here is a timer a
// preloaded script sets, which would write a file if it ever ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';
import { CLI, assertBuilt } from '../support/cli.ts';
import { sha256 } from '../../source/output/manifest.ts';

const example = new URL('../../examples/hybrid.yaml', import.meta.url).pathname;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/**
 * Runs the CLI with a timer left behind that writes `marker` after 10 s (a run takes well under one),
 * unless the process has ended.
 */
function withTimerLeft(args: string[], marker: string) {
  assertBuilt();
  const preload = join(dir, 'timer.cjs');
  writeFileSync(
    preload,
    `setTimeout(() => require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'), 10_000);\n`,
  );
  const result = spawnSync(process.execPath, ['--require', preload, CLI, ...args], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 60_000,
    killSignal: 'SIGKILL',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('a finished command', () => {
  it('recommend --json ends with its whole output, before a timer left behind runs', () => {
    const marker = join(dir, 'timer-ran');
    const run = withTimerLeft(['recommend', '--answers', example, '--json'], marker);
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).recommended).toBe('hybrid');
    expect(existsSync(marker)).toBe(false);
  });

  it('generate ends with every file written, before a timer left behind runs', () => {
    const marker = join(dir, 'timer-ran');
    const out = join(dir, 'out');
    const run = withTimerLeft(['--answers', example, '--out', out], marker);
    expect(run.code, run.stderr).toBe(0);
    expect(existsSync(marker)).toBe(false);
    // Every file the manifest lists is there with the contents it was hashed from, and no other.
    const manifest = JSON.parse(readFileSync(join(out, '.ami-wizard/manifest.json'), 'utf8')) as {
      files: Record<string, string>;
    };
    const written = readdirSync(out, { recursive: true, encoding: 'utf8' })
      .filter((name) => !name.startsWith('.ami-wizard') && statSync(join(out, name)).isFile())
      .sort();
    expect(written.length).toBeGreaterThan(20);
    expect(Object.keys(manifest.files).sort()).toEqual(written);
    for (const name of written) expect(sha256(readFileSync(join(out, name))), name).toBe(manifest.files[name]);
  });

  it('a failing command ends with its exit code and message, before a timer left behind runs', () => {
    const marker = join(dir, 'timer-ran');
    const run = withTimerLeft(['recommend', '--answers', join(dir, 'missing.yaml')], marker);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing.yaml');
    expect(existsSync(marker)).toBe(false);
  });
});
