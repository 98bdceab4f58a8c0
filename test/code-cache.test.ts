// The loader of dist/'s files (source/start/code-cache.ts), on files of a temporary folder: each file
// evaluated once, siblings through the loader and everything else through Node, a file that throws
// evaluated again, import() as in a module Node loaded, and line numbers as in the file. Its records,
// as the built CLI leaves them, are tested in test/e2e/code-cache.test.ts.
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FORMAT, codeCacheFolder, createBundleLoader, decodeRecord, encodeRecord } from '../source/start/code-cache.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ami-wizard-loader-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const file = (name: string, text: string) => writeFileSync(join(dir, name), text);

describe('the bundle loader', () => {
  it('evaluates each file once; a file requires its siblings through the loader, anything else through Node', () => {
    file(
      'a.js',
      "globalThis.__loads = (globalThis.__loads ?? 0) + 1; exports.b = require('./b.js'); exports.path = require('node:path').sep;",
    );
    file('b.js', "module.exports = { a: () => require('./a.js') };");
    const loader = createBundleLoader(dir, undefined);
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
    expect(createBundleLoader(dir, undefined).load('a.js')).toBe(viaNode);
  });

  it('a file that throws as it loads is evaluated again by the next require, as Node does', () => {
    file(
      'flaky.js',
      "globalThis.__tries = (globalThis.__tries ?? 0) + 1; if (globalThis.__tries === 1) throw new Error('first');",
    );
    const loader = createBundleLoader(dir, undefined);
    expect(() => loader.load('flaky.js')).toThrow('first');
    expect(() => loader.load('flaky.js')).not.toThrow();
  });

  it('import() in a file works as in a module Node loaded', async () => {
    file('dynamic.js', "module.exports = () => import('node:path');");
    const load = createBundleLoader(dir, undefined).load('dynamic.js') as () => Promise<{ sep: string }>;
    expect((await load()).sep).toBe('/');
  });

  it('an error names the file and its own line', () => {
    file('lines.js', '"use strict";\n\nexports.fail = () => {\n  throw new Error("here");\n};\n');
    const { fail } = createBundleLoader(dir, undefined).load('lines.js') as { fail: () => void };
    let stack = '';
    try {
      fail();
    } catch (error) {
      stack = (error as Error).stack ?? '';
    }
    expect(stack).toContain(`${join(dir, 'lines.js')}:4:`);
  });

  it('writes a record per file with the files loaded beside it, and compiles from it next time', () => {
    const cache = join(dir, 'cache');
    file('a.js', "exports.double = (x) => x * 2; exports.b = require('./b.js');");
    file('b.js', 'exports.three = 3;');
    const first = createBundleLoader(dir, cache);
    (first.load('a.js') as { double: (x: number) => number }).double(2);
    first.save();
    const names = readdirSync(cache).sort();
    // Each named by its file's size and modification time.
    const stamp = (name: string) => statSync(join(dir, name), { bigint: true });
    expect(names).toEqual(['a.js', 'b.js'].map((n) => `${n}.${stamp(n).size}-${stamp(n).mtimeNs}`));
    const record = (name: string) =>
      decodeRecord(readFileSync(join(cache, names.find((n) => n.startsWith(name)) as string)), stamp(name));
    expect([...(record('a.js')?.loadedWith ?? [])].sort()).toEqual(['a.js', 'b.js']);

    // A second loader takes the records; with no other file loaded, saving writes nothing.
    const written = readdirSync(cache).map((n) => readFileSync(join(cache, n)));
    const second = createBundleLoader(dir, cache);
    second.load('a.js');
    second.save();
    expect(readdirSync(cache).map((n) => readFileSync(join(cache, n)))).toEqual(written);
  });
});

describe('the records of other builds', () => {
  it('of a file just written are removed once an hour old, with what an interrupted write left', () => {
    const cache = join(dir, 'cache');
    file('a.js', 'exports.one = 1;');
    file('b.js', 'exports.two = 2;');
    const loader = createBundleLoader(dir, cache);
    loader.load('b.js');
    loader.save();
    // An hour-old record of another build of a.js and of b.js, a recent one of a.js, and the
    // temporary file of an interrupted write of a.js.
    const anHourAgo = new Date(Date.now() - 61 * 60 * 1000);
    for (const [name, old] of [
      ['a.js.10-1000', true],
      ['a.js.10-1000.4321.tmp', true],
      ['b.js.10-1000', true],
      ['a.js.11-2000', false],
    ] as const) {
      writeFileSync(join(cache, name), 'x');
      if (old) utimesSync(join(cache, name), anHourAgo, anHourAgo);
    }
    const second = createBundleLoader(dir, cache);
    second.load('a.js');
    second.save(); // writes a.js's record only: b.js's was made in a run that loaded b.js alone
    const left = readdirSync(cache);
    expect(left).not.toContain('a.js.10-1000');
    expect(left).not.toContain('a.js.10-1000.4321.tmp');
    // Another build's recent record stays (two builds side by side), and so do other files' records.
    expect(left).toEqual(expect.arrayContaining(['a.js.11-2000', 'b.js.10-1000']));
    expect(left.filter((n) => /^[ab]\.js\.\d+-\d+$/.test(n))).toHaveLength(4);
  });
});

describe('a record', () => {
  const record = { loadedWith: new Set(['cli-main.js', 'generate.js']), code: Buffer.from('v8 code') };

  const source = { size: 1234n, mtimeNs: 1_765_000_000_123_456_789n };

  it('reads back as written, for the file as it was made from only (its size and time)', () => {
    const bytes = encodeRecord(source, record);
    expect(decodeRecord(bytes, source)).toEqual(record);
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

  it('is one per Node version, architecture and options', () => {
    const folders = [
      codeCacheFolder('/c', node),
      codeCacheFolder('/c', { ...node, version: 'v24.0.0' }),
      codeCacheFolder('/c', { ...node, arch: 'arm64' }),
      codeCacheFolder('/c', { ...node, execArgv: ['--cpu-prof'] }),
      codeCacheFolder('/c', { ...node, env: { NODE_OPTIONS: '--max-old-space-size=200' } }),
    ];
    expect(new Set(folders).size).toBe(folders.length);
  });

  it("and per format of the records and ami-wizard version: two versions never use or write over each other's", () => {
    // npm gives every file of a package one modification time: a file of another version with the
    // same size would pass for this one's. And sharing a folder, two formats would each refuse the
    // other's record and write their own at every run.
    expect(codeCacheFolder('/c', node, FORMAT, '1.0.0')).not.toBe(codeCacheFolder('/c', node, FORMAT, '1.0.1'));
    expect(codeCacheFolder('/c', node, FORMAT)).not.toBe(codeCacheFolder('/c', node, FORMAT + 1));
  });
});
