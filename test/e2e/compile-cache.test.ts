// V8's compile cache for the CLI's own modules: on Node 22.1 and later (module.enableCompileCache)
// the first run leaves compiled code in the user's cache folder, and later runs start from it; on
// Node 20 there is no such API and nothing is written. Never outside the cache folder, never when
// NODE_DISABLE_COMPILE_CACHE is set. `.ci/run` runs this file on Node 22 and 24 as well as here.
// The runs use `schema`: `--help` and `--version` alone are answered before the cache is turned on.
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../support/cli.ts';

const hasCompileCache =
  typeof (createRequire(import.meta.url)('node:module') as { enableCompileCache?: unknown }).enableCompileCache ===
  'function';
const homes: string[] = [];
afterEach(() => {
  for (const home of homes.splice(0)) rmSync(home, { recursive: true, force: true });
});

function freshHome(): string {
  const home = mkdtempSync(join(tmpdir(), 'ami-wizard-cache-home-'));
  homes.push(home);
  return home;
}

const filesUnder = (dir: string): string[] =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true, withFileTypes: true })
        .filter((e) => e.isFile())
        .map((e) => join(e.parentPath, e.name))
    : [];

describe(`the compile cache on Node ${process.versions.node}`, () => {
  it(
    hasCompileCache
      ? 'is kept in ~/.cache/ami-wizard, and nowhere else in HOME'
      : 'is not written: Node 20 has no compile cache',
    () => {
      const home = freshHome();
      const result = cli(['schema'], { env: { HOME: home, XDG_CACHE_HOME: '' } });
      expect(result.code, result.stderr).toBe(0);
      const cache = join(home, '.cache', 'ami-wizard');
      if (hasCompileCache) expect(filesUnder(cache).length).toBeGreaterThan(0);
      expect(filesUnder(home).filter((file) => !file.startsWith(`${cache}/`))).toEqual([]);
      if (!hasCompileCache) expect(filesUnder(home)).toEqual([]);
    },
  );

  it('follows XDG_CACHE_HOME when it is an absolute path, and ignores a relative one', () => {
    const home = freshHome();
    const xdg = join(home, 'xdg');
    expect(cli(['schema'], { env: { HOME: home, XDG_CACHE_HOME: xdg } }).code).toBe(0);
    expect(filesUnder(join(xdg, 'ami-wizard')).length > 0).toBe(hasCompileCache);
    const cwd = freshHome();
    expect(cli(['schema'], { cwd, env: { HOME: home, XDG_CACHE_HOME: 'relative' } }).code).toBe(0);
    expect(filesUnder(cwd)).toEqual([]);
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    const home = freshHome();
    expect(cli(['schema'], { env: { HOME: home, XDG_CACHE_HOME: '', NODE_DISABLE_COMPILE_CACHE: '1' } }).code).toBe(0);
    expect(filesUnder(home)).toEqual([]);
  });
});
