// V8's code cache for the CLI's own files (source/start/code-cache.ts): the first run leaves V8's code of
// each file it loaded in the user's cache folder, with every function the run called, and later runs
// compile from it. Never outside the cache folder, never when NODE_DISABLE_COMPILE_CACHE is set, and
// never from a record that does not check out. `.ci/run` runs this file on Node 22 (the whole suite)
// and 24. The runs use `schema` or `recommend`: `--help` and `--version` alone load nothing.
import {
  chmodSync,
  chownSync,
  existsSync,
  lstatSync,
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
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { NODE_LOADED, START_ONLY } from '../../source/start/code-cache.ts';
import { FORMAT, decodeRecord, encodeRecord } from '../../source/start/code-record.ts';
import { distFiles, loadedWith, mayLoad, readDistFile } from '../support/bundle.ts';
import { cli } from '../support/cli.ts';
import { PTY_KEY, wizardSession } from '../support/pty-session.ts';

const example = join(import.meta.dirname, '../../examples/hybrid.yaml');
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
        .filter((e) => e.isFile() || e.isSymbolicLink())
        .map((e) => join(e.parentPath, e.name))
    : [];

/** Runs the CLI with `home` as HOME and no XDG_CACHE_HOME; the run must succeed. */
function run(home: string, args: string[], env: Record<string, string> = {}): void {
  const result = cli(args, { env: { HOME: home, XDG_CACHE_HOME: '', ...env } });
  expect(result.code, result.stderr).toBe(0);
  expect(result.stderr).toBe('');
}

/** The records of the one folder this Node uses, by the dist file each is of. */
function records(home: string): Map<string, string> {
  const root = join(home, '.cache', 'ami-wizard', 'code-cache', `format-${FORMAT}`);
  const folders = readdirSync(root);
  expect(folders).toHaveLength(1);
  const folder = join(root, folders[0] as string);
  return new Map(readdirSync(folder).map((name) => [name.replace(/\.[\w-]+\.\d+-\d+$/, ''), join(folder, name)]));
}

/** A record's identity on disk: a record written again is a new file (renamed into place). */
const identity = (path: string): string => {
  const stats = statSync(path);
  return `${stats.ino}:${stats.mtimeMs}`;
};

/** The file of dist/ a record is of, as the record names it: its build, size and modification time. */
const stampOf = (path: string) => {
  const [, buildId = '', size = '-1', mtimeNs = '-1'] = /\.([\w-]+)\.(\d+)-(\d+)$/.exec(path) ?? [];
  return { buildId, size: BigInt(size), mtimeNs: BigInt(mtimeNs) };
};
const decoded = (path: string) => decodeRecord(readFileSync(path), stampOf(path));

describe(`the code cache on Node ${process.versions.node}`, () => {
  it('is kept in ~/.cache/ami-wizard, and nowhere else in HOME, readable by its user only', () => {
    const home = freshHome();
    run(home, ['schema']);
    const cache = join(home, '.cache', 'ami-wizard');
    const files = filesUnder(cache);
    expect(files.length).toBeGreaterThan(0);
    expect(filesUnder(home).filter((file) => !file.startsWith(`${cache}/`))).toEqual([]);
    for (const file of files) expect(statSync(file).mode & 0o777, file).toBe(0o600);
    expect(statSync(join(cache, 'code-cache')).mode & 0o777).toBe(0o700);
  });

  it('follows XDG_CACHE_HOME when it is an absolute path, and ignores a relative one', () => {
    const home = freshHome();
    const xdg = join(home, 'xdg');
    expect(cli(['schema'], { env: { HOME: home, XDG_CACHE_HOME: xdg } }).code).toBe(0);
    expect(filesUnder(join(xdg, 'ami-wizard')).length).toBeGreaterThan(0);
    const cwd = freshHome();
    expect(cli(['schema'], { cwd, env: { HOME: home, XDG_CACHE_HOME: 'relative' } }).code).toBe(0);
    expect(filesUnder(cwd)).toEqual([]);
  });

  it('NODE_DISABLE_COMPILE_CACHE turns it off', () => {
    const home = freshHome();
    run(home, ['schema'], { NODE_DISABLE_COMPILE_CACHE: '1' });
    expect(filesUnder(home)).toEqual([]);
  });

  it('keeps a folder per set of Node options (V8 takes code made under the same flags only)', () => {
    const home = freshHome();
    run(home, ['schema']);
    run(home, ['schema'], { NODE_OPTIONS: '--max-old-space-size=200' });
    expect(readdirSync(join(home, '.cache', 'ami-wizard', 'code-cache', `format-${FORMAT}`))).toHaveLength(2);
  });

  it('a later run compiles from the records and writes none again, until a run loads another file', () => {
    const home = freshHome();
    const args = ['recommend', '--answers', example];
    run(home, args);
    const first = records(home);
    expect([...first.keys()]).toEqual(expect.arrayContaining(['cli-main.js', 'recommend.js', 'answers-read.js']));
    const before = new Map([...first].map(([name, path]) => [name, identity(path)]));
    run(home, args);
    expect(new Map([...records(home)].map(([name, path]) => [name, identity(path)]))).toEqual(before);

    // generate loads files recommend did not: the records of the files both load are made again,
    // with generate's files named, and recommend then writes nothing.
    const out = join(home, 'out');
    run(home, ['--answers', example, '--out', out]);
    const after = records(home);
    expect(identity(after.get('cli-main.js') as string)).not.toBe(before.get('cli-main.js'));
    expect([...(decoded(after.get('cli-main.js') as string)?.loadedWith ?? [])]).toEqual(
      expect.arrayContaining(['recommend.js', 'generate.js', 'generators.js']),
    );
    const settled = new Map([...after].map(([name, path]) => [name, identity(path)]));
    run(home, args);
    expect(new Map([...records(home)].map(([name, path]) => [name, identity(path)]))).toEqual(settled);
  });

  it('holds the functions the run called, not only those compiled as the file loaded', () => {
    const home = freshHome();
    run(home, ['--answers', example, '--out', join(home, 'out')]);
    const templates = records(home).get('templates.js') as string;
    // The templates are functions called by name, none as the file loads: compiled as it loads,
    // the file's code is a small part of its size.
    const templatesSource = statSync(join(import.meta.dirname, '../../dist/templates.js')).size;
    expect(decoded(templates)?.code.length).toBeGreaterThan(templatesSource / 2);
  });

  it('a whole wizard session keeps the records its first screen made: the next start reads only what it runs', async () => {
    const home = freshHome();
    const session = wizardSession(join(home, 'web-shop'), [], { env: { HOME: home, XDG_CACHE_HOME: '' } });
    try {
      await session.waitFor('Enter start');
      expect(await session.enterToTheEnd()).toBe(0);
    } finally {
      session.kill();
    }
    const kept = records(home);
    // The end of the session loaded the generators and their templates, which got records of their own.
    expect([...(decoded(kept.get('generators.js') as string)?.loadedWith ?? [])]).toContain('screens.js');
    // Written again at exit, the screens' record named them too and held every screen's code.
    const screens = decoded(kept.get('screens.js') as string);
    expect(screens?.loadedWith.has('screens.js')).toBe(true);
    expect(screens?.loadedWith.has('generators.js')).toBe(false);
    expect(screens?.loadedWith.has('templates.js')).toBe(false);
  });

  it('a wizard run with --yes (no first screen to keep) leaves the screens no record: the next start makes its own', async () => {
    const home = freshHome();
    const env = { HOME: home, XDG_CACHE_HOME: '' };
    const yes = wizardSession(join(home, 'web-shop'), ['--yes', '--dry-run'], { env });
    try {
      expect(await yes.exit).toBe(0);
    } finally {
      yes.kill();
    }
    expect(records(home).has('screens.js')).toBe(false);
    const start = wizardSession(join(home, 'web-shop'), [], { env });
    try {
      await start.waitFor('Enter start');
      // The record is written once the first screen is drawn; Ctrl+C then ends the run.
      await vi.waitUntil(() => records(home).has('screens.js'), { timeout: 10_000, interval: 20 });
      start.write(PTY_KEY.ctrlC);
      expect(await start.exit).toBe(130);
    } finally {
      start.kill();
    }
    const screens = decoded(records(home).get('screens.js') as string);
    expect(screens?.loadedWith.has('screens.js')).toBe(true);
    expect(screens?.loadedWith.has('generators.js')).toBe(false);
  });

  for (const [damage, spoil] of [
    [
      'a record of another format',
      (path: string) => {
        const bytes = readFileSync(path);
        bytes.writeUInt8(bytes.readUInt8(0) ^ 0x20, 0);
        writeFileSync(path, bytes);
      },
    ],
    ['a cut-off record', (path: string) => writeFileSync(path, readFileSync(path).subarray(0, 1000))],
    ['a record others may write', (path: string) => chmodSync(path, 0o666)],
    // Whole, but of another build of the same version, size and time (npm gives every file one time).
    [
      'a record of another build',
      (path: string) => {
        const record = decoded(path);
        if (!record) throw new Error(`${path} is not a record`);
        writeFileSync(path, encodeRecord({ ...stampOf(path), buildId: 'fedcba9876543210' }, record));
      },
    ],
    // Whole, but made from the file as it was at another time.
    [
      'a record made from another version of the file',
      (path: string) => {
        const record = decoded(path);
        if (!record) throw new Error(`${path} is not a record`);
        const stamp = stampOf(path);
        writeFileSync(path, encodeRecord({ ...stamp, mtimeNs: stamp.mtimeNs - 1n }, record));
      },
    ],
  ] as const) {
    it(`${damage} is not used: the run compiles the file afresh and writes the record again`, () => {
      const home = freshHome();
      run(home, ['schema']);
      const path = records(home).get('cli-main.js') as string;
      spoil(path);
      const spoiled = identity(path);
      run(home, ['schema']);
      expect(identity(path)).not.toBe(spoiled);
      expect(statSync(path).mode & 0o777).toBe(0o600);
      expect(decoded(path)?.loadedWith.has('cli-main.js')).toBe(true);
    });
  }

  // Another user's record could hold any code: only root can make one here.
  it.runIf(process.getuid?.() === 0)('a record of another user is not used, and is replaced', () => {
    const home = freshHome();
    run(home, ['schema']);
    const path = records(home).get('cli-main.js') as string;
    chownSync(path, 65534, 65534);
    run(home, ['schema']);
    expect(statSync(path).uid).toBe(0);
  });

  it('a folder of the cache that is a link is never followed: nothing written or removed where it points', () => {
    const home = freshHome();
    run(home, ['schema']);
    const folder = join(records(home).get('cli-main.js') as string, '..');
    const victim = join(home, 'victim');
    mkdirSync(victim);
    // What pruning would remove, were it this folder: an old record of another build.
    const theirs = join(victim, 'cli-main.js.0000000000000000.1-1');
    writeFileSync(theirs, 'theirs', { mode: 0o600 });
    utimesSync(theirs, new Date(0), new Date(0));
    rmSync(folder, { recursive: true });
    symlinkSync(victim, folder);
    run(home, ['schema']);
    expect(readdirSync(victim)).toEqual(['cli-main.js.0000000000000000.1-1']);
  });

  it('a symlink where a record goes is never followed: it is replaced, its target left as it is', () => {
    const home = freshHome();
    run(home, ['schema']);
    const path = records(home).get('cli-main.js') as string;
    const target = join(home, 'elsewhere');
    writeFileSync(target, readFileSync(path));
    chmodSync(target, 0o600);
    rmSync(path);
    symlinkSync(target, path);
    const kept = readFileSync(target);
    run(home, ['schema']);
    expect(lstatSync(path).isFile()).toBe(true);
    expect(readFileSync(target)).toEqual(kept);
    expect(decoded(path)).toBeDefined();
  });
});

describe('the files of dist/', () => {
  it("hold no import(): the loader has no loader for it (Node's, in a vm.Script, is experimental and warns)", () => {
    expect(distFiles().filter((file) => /\bimport\(/.test(readDistFile(file)))).toEqual([]);
  });

  it('are the entry and what it may load: the loader takes every other file and leaves these to Node', () => {
    // A file of both kinds would be loaded twice, two copies of the loader's state.
    expect([...mayLoad('cli.js')].sort()).toEqual([...NODE_LOADED].sort());
    // --help and --version alone: the entry only.
    expect([...loadedWith('cli.js')]).toEqual(['cli.js']);
  });

  it('hold the files whose records only a kept start makes (START_ONLY): a renamed one would be recorded at exit again', () => {
    expect(distFiles()).toEqual(expect.arrayContaining([...START_ONLY]));
  });
});
