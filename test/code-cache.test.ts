// The loader of dist/'s files (source/start/code-cache.ts, code-record.ts, record-files.ts), on files of a temporary folder: each file
// evaluated once, siblings through the loader and everything else through Node, a file that throws
// evaluated again, line numbers as in the file; its records, which build and file each is of, the
// folders they may live in, and how many are kept. The records the built CLI leaves are tested in
// test/e2e/code-cache.test.ts.
import {
  chmodSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Script } from 'node:vm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createBundleLoader } from '../source/start/code-cache.ts';
import { FORMAT, codeCacheFolder, decodeRecord, encodeRecord, type CacheFolder } from '../source/start/code-record.ts';

let dir: string;
let cache: CacheFolder;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ami-wizard-loader-'));
  cache = { base: join(dir, 'home-cache'), folder: join(dir, 'home-cache', 'ami-wizard', 'records') };
});
afterEach(() => {
  vi.restoreAllMocks();
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string, text: string) => writeFileSync(join(dir, name), text);
const records = () => readdirSync(cache.folder).sort();
const BUILD = '0123456789abcdef';
/** Node's require for a file of `folder`, as the entry's own is for dist/. */
const requireIn = (folder: string) => createRequire(join(folder, 'cli.js'));

describe('the bundle loader', () => {
  it('evaluates each file once; a file requires its siblings through the loader, anything else through Node', () => {
    file(
      'a.js',
      "globalThis.__loads = (globalThis.__loads ?? 0) + 1; exports.b = require('./b.js'); exports.path = require('node:path').sep;",
    );
    file('b.js', "module.exports = { a: () => require('./a.js') };");
    const loader = createBundleLoader(dir, requireIn(dir), undefined);
    const a = loader.load('a.js') as { b: { a: () => unknown }; path: string };
    expect(a.path).toBe('/');
    expect(a.b.a()).toBe(a); // the same exports: the file is not evaluated again
    expect(loader.load('a.js')).toBe(a);
    expect((globalThis as { __loads?: number }).__loads).toBe(1);
  });

  it("the entry and the loader itself stay Node's: a file asking for one gets the copy Node loaded", () => {
    file('code-cache.js', 'module.exports = { marker: {} };');
    file('a.js', "module.exports = require('./code-cache.js');");
    const viaNode = createRequire(join(dir, 'x.js'))('./code-cache.js');
    expect(createBundleLoader(dir, requireIn(dir), undefined).load('a.js')).toBe(viaNode);
  });

  it('a file that throws as it loads is evaluated again by the next require, as Node does', () => {
    file(
      'flaky.js',
      "globalThis.__tries = (globalThis.__tries ?? 0) + 1; if (globalThis.__tries === 1) throw new Error('first');",
    );
    const loader = createBundleLoader(dir, requireIn(dir), undefined);
    expect(() => loader.load('flaky.js')).toThrow('first');
    expect(() => loader.load('flaky.js')).not.toThrow();
  });

  it('import() in a file is refused, loudly: the build leaves none (test/e2e/code-cache.test.ts)', async () => {
    file('dynamic.js', "module.exports = () => import('node:path');");
    const load = createBundleLoader(dir, requireIn(dir), undefined).load('dynamic.js') as () => Promise<unknown>;
    await expect(load()).rejects.toMatchObject({ code: expect.stringMatching(/^ERR_VM_DYNAMIC_IMPORT/) });
  });

  it('an error names the file and its own line', () => {
    file('lines.js', '"use strict";\n\nexports.fail = () => {\n  throw new Error("here");\n};\n');
    const { fail } = createBundleLoader(dir, requireIn(dir), undefined).load('lines.js') as { fail: () => void };
    let stack = '';
    try {
      fail();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toContain(`${join(dir, 'lines.js')}:4:`);
  });

  it('writes a record per file with the files loaded beside it, and compiles from it next time', () => {
    file('a.js', "exports.double = (x) => x * 2; exports.b = require('./b.js');");
    file('b.js', 'exports.three = 3;');
    const first = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    (first.load('a.js') as { double: (x: number) => number }).double(2);
    first.save();
    // Each named by the build and its file's size and modification time, in a folder of this user's only.
    const stamp = (name: string) => {
      const { size, mtimeNs } = statSync(join(dir, name), { bigint: true });
      return { buildId: BUILD, size, mtimeNs };
    };
    expect(records()).toEqual(['a.js', 'b.js'].map((n) => `${n}.${BUILD}.${stamp(n).size}-${stamp(n).mtimeNs}`));
    expect(statSync(cache.folder).mode & 0o777).toBe(0o700);
    const record = (name: string) =>
      decodeRecord(readFileSync(join(cache.folder, records().find((n) => n.startsWith(name)) as string)), stamp(name));
    expect([...(record('a.js')?.loadedWith ?? [])].sort()).toEqual(['a.js', 'b.js']);

    // A second loader takes the records; with no other file loaded, saving makes and writes nothing.
    const written = records().map((n) => readFileSync(join(cache.folder, n)));
    const made = vi.spyOn(Script.prototype, 'createCachedData');
    const second = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    second.load('a.js');
    second.save();
    expect(made).not.toHaveBeenCalled();
    expect(records().map((n) => readFileSync(join(cache.folder, n)))).toEqual(written);
  });

  it("another build's records are not used: the file is compiled afresh and gets its own", () => {
    file('a.js', 'exports.one = 1;');
    const first = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    first.load('a.js');
    first.save();
    const made = vi.spyOn(Script.prototype, 'createCachedData');
    const other = createBundleLoader(dir, requireIn(dir), cache, 'fedcba9876543210');
    other.load('a.js');
    other.save();
    expect(made).toHaveBeenCalledTimes(1);
    expect(records()).toHaveLength(2);
  });
});

describe('the folders the records live in', () => {
  it('a folder on the way that others may write turns the cache off: nothing read, made or written', () => {
    file('a.js', 'exports.one = 1;');
    mkdirSync(join(cache.base, 'ami-wizard'), { recursive: true });
    chmodSync(join(cache.base, 'ami-wizard'), 0o777);
    const made = vi.spyOn(Script.prototype, 'createCachedData');
    const loader = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    loader.load('a.js');
    loader.save();
    expect(made).not.toHaveBeenCalled();
    expect(readdirSync(join(cache.base, 'ami-wizard'))).toEqual([]);
  });

  it('a folder on the way that is a link is never followed: nothing goes where it points', () => {
    file('a.js', 'exports.one = 1;');
    const elsewhere = join(dir, 'elsewhere');
    mkdirSync(elsewhere);
    writeFileSync(join(elsewhere, 'a.js.x.1-1'), 'theirs');
    utimesSync(join(elsewhere, 'a.js.x.1-1'), new Date(0), new Date(0));
    mkdirSync(join(cache.base, 'ami-wizard'), { recursive: true, mode: 0o700 });
    symlinkSync(elsewhere, cache.folder);
    const loader = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    loader.load('a.js');
    loader.save();
    expect(readdirSync(elsewhere)).toEqual(['a.js.x.1-1']);
  });

  it('a folder that cannot be made (a read-only home): V8 makes no code to throw away', () => {
    file('a.js', 'exports.one = 1;');
    writeFileSync(cache.base, 'a file where the cache folder goes');
    const made = vi.spyOn(Script.prototype, 'createCachedData');
    const loader = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    loader.load('a.js');
    loader.save();
    loader.save();
    expect(made).not.toHaveBeenCalled();
  });
});

describe('saving, at exit and when a start is kept', () => {
  it('never throws: a cache that cannot be kept costs the speed-up, never the run', () => {
    file('a.js', 'exports.one = 1;');
    vi.spyOn(Script.prototype, 'createCachedData').mockImplementation(() => {
      throw new Error('out of memory');
    });
    const loader = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    loader.load('a.js');
    expect(() => loader.save()).not.toThrow();
  });
});

describe('keeping the records of a start (the wizard keeps them once its first screen is drawn)', () => {
  it('a later save in the run leaves the files loaded until then as they were written, and records the rest', () => {
    file('start.js', 'exports.atStart = () => 1; exports.later = () => 2;');
    file('rest.js', "exports.run = () => require('./start.js').later();");
    const stamp = (name: string) => {
      const { size, mtimeNs } = statSync(join(dir, name), { bigint: true });
      return { buildId: BUILD, size, mtimeNs };
    };
    const recordOf = (name: string) => {
      const path = join(cache.folder, records().find((n) => n.startsWith(`${name}.`)) as string);
      return { bytes: readFileSync(path), record: decodeRecord(readFileSync(path), stamp(name)) };
    };
    const loader = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    (loader.load('start.js') as { atStart: () => number }).atStart();
    loader.keep();
    const atStart = recordOf('start.js').bytes;
    // The rest of the session: another file, and functions of the first file compiled only now.
    (loader.load('rest.js') as { run: () => number }).run();
    loader.save();
    // Rewritten, the first file's record would name the second file and hold `later`: a larger record for
    // the next start to read, with code it does not run before its first screen.
    expect(recordOf('start.js').bytes.equals(atStart)).toBe(true);
    expect([...(recordOf('start.js').record?.loadedWith ?? [])]).toEqual(['start.js']);
    expect([...(recordOf('rest.js').record?.loadedWith ?? [])].sort()).toEqual(['rest.js', 'start.js']);

    // The next run takes the kept record and writes nothing for it, at its start or at its end.
    const made = vi.spyOn(Script.prototype, 'createCachedData');
    const next = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    (next.load('start.js') as { atStart: () => number }).atStart();
    next.keep();
    (next.load('rest.js') as { run: () => number }).run();
    next.save();
    expect(made).not.toHaveBeenCalled();
    expect(recordOf('start.js').bytes.equals(atStart)).toBe(true);
  });
});

describe('the records of the interactive screens (START_ONLY), made only when a start is kept', () => {
  it('a save at exit writes none for them, however much the run compiled; keep writes one', () => {
    file('screens.js', 'exports.welcome = () => 1; exports.rest = () => 2;');
    file('other.js', 'exports.two = 2;');
    const startOnly = new Set(['screens.js']);
    // A run with no first screen to keep (the wizard with --yes): its screens' code is the whole run's.
    const yes = createBundleLoader(dir, requireIn(dir), cache, BUILD, startOnly);
    (yes.load('screens.js') as { rest: () => number }).rest();
    yes.load('other.js');
    yes.save();
    expect(records().map((n) => n.split('.')[0])).toEqual(['other']);
    // A run that keeps its start writes the screens' record then.
    const start = createBundleLoader(dir, requireIn(dir), cache, BUILD, startOnly);
    (start.load('screens.js') as { welcome: () => number }).welcome();
    start.keep();
    expect(
      records()
        .map((n) => n.split('.')[0])
        .sort(),
    ).toEqual(['other', 'screens']);
  });
});

describe('the records of other builds', () => {
  it('are kept for the last three builds of each file written, and what an interrupted write left goes an hour on', () => {
    file('a.js', 'exports.one = 1;');
    file('b.js', 'exports.two = 2;');
    const first = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    first.load('b.js');
    first.save();
    // Four records of older builds of the first file, one of the second, and the temporary file of an
    // interrupted write of the first.
    const old = (name: string, secondsAgo: number) => {
      writeFileSync(join(cache.folder, name), 'x', { mode: 0o600 });
      const at = new Date(Date.now() - secondsAgo * 1000);
      utimesSync(join(cache.folder, name), at, at);
    };
    old('a.js.1111111111111111.10-1000', 400);
    old('a.js.2222222222222222.10-1000', 300);
    old('a.js.3333333333333333.10-1000', 200);
    old('a.js.4444444444444444.10-1000', 100);
    old('b.js.1111111111111111.10-1000', 500);
    old('a.js.1111111111111111.10-1000.3f2a1b.tmp', 2 * 60 * 60);
    old('a.js.2222222222222222.10-1000.3f2a1c.tmp', 60);
    const second = createBundleLoader(dir, requireIn(dir), cache, BUILD);
    second.load('a.js');
    second.save(); // writes the first file's record only: the second's was made in a run that loaded it alone
    const ofA = records().filter((n) => n.startsWith('a.js.') && !n.endsWith('.tmp'));
    expect(ofA).toHaveLength(3);
    expect(ofA).toEqual(expect.arrayContaining(['a.js.3333333333333333.10-1000', 'a.js.4444444444444444.10-1000']));
    expect(ofA.some((n) => n.startsWith(`a.js.${BUILD}.`))).toBe(true);
    expect(records()).toContain('b.js.1111111111111111.10-1000');
    expect(records()).not.toContain('a.js.1111111111111111.10-1000.3f2a1b.tmp');
    expect(records()).toContain('a.js.2222222222222222.10-1000.3f2a1c.tmp');
  });
});

describe('a record', () => {
  const record = { loadedWith: new Set(['cli-main.js', 'generate.js']), code: Buffer.from('v8 code') };
  const source = { buildId: BUILD, size: 1234n, mtimeNs: 1_765_000_000_123_456_789n };

  it('reads back as written, for the build and the file as it was made from only (its size and time)', () => {
    const bytes = encodeRecord(source, record);
    expect(decodeRecord(bytes, source)).toEqual(record);
    expect(decodeRecord(bytes, { ...source, buildId: 'fedcba9876543210' })).toBeUndefined();
    expect(decodeRecord(bytes, { ...source, size: 1235n })).toBeUndefined();
    expect(decodeRecord(bytes, { ...source, mtimeNs: source.mtimeNs + 1n })).toBeUndefined();
  });

  it('is refused when a byte of its header changed, or it was cut off or added to', () => {
    const bytes = encodeRecord(source, record);
    const headerLength = bytes.length - 'cli-main.js\ngenerate.js'.length - record.code.length;
    for (let i = 0; i < headerLength; i++) {
      const changed = Buffer.from(bytes);
      changed.writeUInt8(changed.readUInt8(i) ^ 0x01, i);
      expect(decodeRecord(changed, source), `byte ${i}`).toBeUndefined();
    }
    for (let length = 0; length < bytes.length; length++)
      expect(decodeRecord(bytes.subarray(0, length), source), `${length} bytes`).toBeUndefined();
    expect(decodeRecord(Buffer.concat([bytes, Buffer.from('x')]), source)).toBeUndefined();
  });
});

describe('the folder of records', () => {
  const node = { version: 'v22.1.0', arch: 'x64', execArgv: [], env: {} };

  it('is one per Node version, architecture and options, below ami-wizard/ in the user cache folder', () => {
    const folders = [
      codeCacheFolder('/c', node),
      codeCacheFolder('/c', { ...node, version: 'v24.0.0' }),
      codeCacheFolder('/c', { ...node, arch: 'arm64' }),
      codeCacheFolder('/c', { ...node, execArgv: ['--cpu-prof'] }),
      codeCacheFolder('/c', { ...node, env: { NODE_OPTIONS: '--max-old-space-size=200' } }),
    ].map((c) => c.folder);
    expect(new Set(folders).size).toBe(folders.length);
    for (const folder of folders) expect(folder.startsWith('/c/ami-wizard/code-cache/')).toBe(true);
  });

  it("and per format of the records: two formats sharing a folder would each write over the other's at every run", () => {
    expect(codeCacheFolder('/c', node, FORMAT).folder).not.toBe(codeCacheFolder('/c', node, FORMAT + 1).folder);
  });
});
