// V8's compile cache for the CLI's own modules: on Node 22.1 and later (module.enableCompileCache)
// the first run leaves compiled code in the user's cache folder, and later runs start from it; on
// Node 20 there is no such API and nothing is written. Never outside the cache folder, never when
// NODE_DISABLE_COMPILE_CACHE is set. `.ci/run` runs this file on Node 22 (the whole suite) and 24.
// The runs use `schema`: `--help` and `--version` alone are answered before the cache is turned on.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { distFiles, readDistFile } from '../support/bundle.ts';
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

// ajv's validator (the answers check, some 60 KB) runs once in every run with an answers file. V8
// compiles a function on its first call, and the cache holds what was compiled with the module, so
// the build puts the validator in parentheses, V8's hint to compile it with the module
// (scripts/build.mjs, eagerValidator).
describe('the answers check is compiled with its module', () => {
  it('in the bundle, the validator is a function in parentheses', () => {
    // In the one file that reads answers files, which every command reading one loads.
    const starts = distFiles().flatMap((file) =>
      [...readDistFile(file).matchAll(/(.)function ?[\w$]*\([\w$]+,\{instancePath:/g)].map(
        (match) => `${file} ${match[1]}`,
      ),
    );
    expect(starts).toEqual(['answers-read.js (']);
  });

  it(
    hasCompileCache
      ? `on Node ${process.versions.node}, the cache keeps a function in parentheses and not a declared one`
      : 'has no cache to keep it in on Node 20',
    () => {
      if (!hasCompileCache) {
        expect(Number(process.versions.node.split('.')[0])).toBeLessThan(22);
        return;
      }
      const dir = freshHome();
      const body = Array.from({ length: 2000 }, (_, i) => `if (x === ${i}) s += ${i} * x;`).join('');
      const cachedBytes = (name: string, source: string) => {
        const file = join(dir, `${name}.mjs`);
        writeFileSync(file, source);
        const cache = join(dir, `${name}-cache`);
        const script = `require('node:module').enableCompileCache(${JSON.stringify(cache)}); import(${JSON.stringify(pathToFileURL(file).href)});`;
        expect(spawnSync(process.execPath, ['-e', script]).status).toBe(0);
        return filesUnder(cache).reduce((sum, path) => sum + statSync(path).size, 0);
      };
      const declared = cachedBytes(
        'declared',
        `function f(x) { let s = 0; ${body} return s; }\nexport const r = f(1);\n`,
      );
      const parenthesized = cachedBytes(
        'parenthesized',
        `const f = (function (x) { let s = 0; ${body} return s; });\nexport const r = f(1);\n`,
      );
      expect(declared).toBeGreaterThan(0);
      expect(parenthesized).toBeGreaterThan(declared * 10);
    },
  );
});
