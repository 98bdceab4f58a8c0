// The unit tier shares one module graph per worker (vitest.unit.config.ts, isolate: false), so a file
// that replaces a module with vi.mock must be in MOCKING_TESTS, which runs isolated: otherwise its
// mock leaks into whichever file the worker runs next, and that file fails only in some orders.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..', '..');

it('every test file that calls vi.mock runs isolated in the unit tier', () => {
  const tests = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', 'test'], {
    cwd: ROOT,
    encoding: 'utf8',
  })
    .split('\n')
    .filter((f) => /\.test\.tsx?$/.test(f));
  const mocking = tests.filter((f) => /\bvi\.(mock|doMock)\(/.test(readFileSync(join(ROOT, f), 'utf8')));
  // Read from the config's text: importing it would load Vite into the worker.
  const config = readFileSync(join(ROOT, 'vitest.unit.config.ts'), 'utf8');
  const list = /export const MOCKING_TESTS = \[([^\]]*)\]/.exec(config)?.[1] ?? '';
  expect(mocking.sort()).toEqual([...list.matchAll(/'([^']+)'/g)].map((m) => m[1]).sort());
});
