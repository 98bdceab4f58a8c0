// Generate makes its file-system calls synchronously but for fsync (source/output/safe-path.ts), so
// the run never loads node:fs/promises (about 1 ms on Node 20, 1.7 ms on Node 24, with the readline
// and watcher modules Node loads with it). A preloaded script lists the Node modules the run loads.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';
import { CLI, assertBuilt } from '../support/cli.ts';

const example = new URL('../../examples/hybrid.yaml', import.meta.url).pathname;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Runs node with the module spy first; returns the Node modules the process loaded. */
function nodeModulesOf(args: string[]): string[] {
  const log = join(dir, 'modules.txt');
  const spy = join(dir, 'spy.cjs');
  writeFileSync(
    spy,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(log)}, process.moduleLoadList.join('\\n')));\n`,
  );
  const result = spawnSync(process.execPath, ['--require', spy, ...args], { encoding: 'utf8', timeout: 60_000 });
  expect(result.status, result.stderr).toBe(0);
  return readFileSync(log, 'utf8').split('\n');
}

describe('generate', () => {
  it('writes the folder without loading node:fs/promises', () => {
    assertBuilt();
    // The spy can fail: a process that loads the module is logged with it.
    expect(nodeModulesOf(['-e', "require('node:fs/promises')"])).toContain('NativeModule fs/promises');
    const out = join(dir, 'out');
    const loaded = nodeModulesOf([CLI, '--answers', example, '--out', out]);
    expect(existsSync(join(out, '.ami-wizard/manifest.json'))).toBe(true);
    expect(loaded.filter((name) => name.endsWith('fs/promises'))).toEqual([]);
  });
});
