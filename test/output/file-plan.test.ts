import * as fs from 'node:fs';
import { chmod, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { FailureError, InputError } from '../../source/errors.ts';
import { NOT_A_FILE, planFiles, type FilePlan } from '../../source/output/plan.ts';
import { formatPlan } from '../../source/output/plan-text.ts';
import { sha256 } from '../../source/output/manifest.ts';
import { MANIFEST_PATH, type Manifest } from '../../source/output/manifest.ts';
import { readOutputState } from '../../source/output/state.ts';
import { applyPlan } from '../../source/output/write.ts';

// Passes through to the real rename (the writer's is synchronous: source/output/safe-path.ts), so
// one test can make a single rename fail mid-write.
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const mocked = { ...actual, renameSync: vi.fn(actual.renameSync) };
  return { ...mocked, default: mocked };
});

const GENERATOR = 'ami-wizard@0.1.0';
const base = (): GeneratedFile[] => [
  { path: 'packer/base.pkr.hcl', contents: 'source "amazon-ebs" "base" {}\n', mode: 0o644 },
  { path: 'bootstrap/bootstrap.sh', contents: '#!/bin/sh\necho bootstrap\n', mode: 0o755 },
  { path: 'README.md', contents: '# AMI plan\n', mode: 0o644 },
];
const withContents = (files: GeneratedFile[], path: string, contents: string): GeneratedFile[] =>
  files.map((f) => (f.path === path ? { ...f, contents } : f));

let root: string;
let out: string;
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'ami-wizard-plan-'));
  out = join(root, 'out');
});
afterEach(async () => {
  await chmod(root, 0o700).catch(() => undefined);
  await rm(root, { recursive: true, force: true });
});

async function run(files: GeneratedFile[], force = false, outDir = out): Promise<FilePlan> {
  const state = await readOutputState(
    outDir,
    files.map((f) => f.path),
    { force },
  );
  const plan = planFiles(state, files, { force, generator: GENERATOR });
  await applyPlan(plan);
  return plan;
}
const actions = (plan: FilePlan): Record<string, string> =>
  Object.fromEntries(plan.entries.map((e) => [e.path, e.action]));
const read = (path: string): Promise<string> => readFile(join(out, path), 'utf8');
const readManifest = async (): Promise<Manifest> => JSON.parse(await read(MANIFEST_PATH)) as Manifest;

/** Every file below `dir`, relative, so tests can assert no temp file is left behind. */
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('first and repeated runs', () => {
  it('creates every file, applies modes and writes the manifest', async () => {
    const plan = await run(base());
    expect(actions(plan)).toEqual({
      'README.md': 'create',
      'packer/base.pkr.hcl': 'create',
      'bootstrap/bootstrap.sh': 'create',
    });
    for (const f of base()) {
      expect(await read(f.path)).toBe(f.contents);
      expect((await stat(join(out, f.path))).mode & 0o777).toBe(f.mode);
    }
    expect(await readManifest()).toEqual({
      version: 1,
      generator: GENERATOR,
      files: Object.fromEntries(base().map((f) => [f.path, sha256(f.contents)])),
    });
    expect(await listFiles(out)).toEqual([
      '.ami-wizard/.gitignore',
      MANIFEST_PATH,
      'README.md',
      'bootstrap/bootstrap.sh',
      'packer/base.pkr.hcl',
    ]);
  });

  it('leaves everything untouched when nothing changed', async () => {
    await run(base());
    const paths = [...base().map((f) => f.path), MANIFEST_PATH];
    const before = await Promise.all(paths.map((p) => stat(join(out, p))));
    await new Promise((resolve) => setTimeout(resolve, 20)); // so a rewrite would show in mtime
    const plan = await run(base());
    expect(new Set(Object.values(actions(plan)))).toEqual(new Set(['unchanged']));
    const after = await Promise.all(paths.map((p) => stat(join(out, p))));
    after.forEach((s, i) => {
      expect(s.ino).toBe(before[i]?.ino);
      expect(s.mtimeMs).toBe(before[i]?.mtimeMs);
    });
    expect(formatPlan(plan)).toContain('3 unchanged');
  });

  it('updates a file the user did not touch when the output changes', async () => {
    await run(base());
    const next = withContents(base(), 'README.md', '# AMI plan v2\n');
    const plan = await run(next);
    expect(actions(plan)['README.md']).toBe('update');
    expect(await read('README.md')).toBe('# AMI plan v2\n');
    expect((await readManifest()).files['README.md']).toBe(sha256('# AMI plan v2\n'));
    expect(formatPlan(plan)).toContain('  update     README.md');
  });
});

describe('files edited by the user', () => {
  it('reports a conflict and does not write it', async () => {
    await run(base());
    await writeFile(join(out, 'README.md'), '# my notes\n');
    const plan = await run(withContents(base(), 'README.md', '# AMI plan v2\n'));
    expect(actions(plan)['README.md']).toBe('conflict');
    expect(plan.conflicts).toBe(1);
    expect(await read('README.md')).toBe('# my notes\n');
    // The old hash stays, so the next run still knows the file was edited.
    expect((await readManifest()).files['README.md']).toBe(sha256('# AMI plan\n'));
    expect((await run(withContents(base(), 'README.md', '# AMI plan v2\n'))).conflicts).toBe(1);

    const text = formatPlan(plan);
    expect(text).toContain('  conflict   README.md');
    expect(text).toContain('2 unchanged, 1 conflict');
    expect(text).toContain(
      'edited since the last run; left as is. Re-run with --force to overwrite it (yours is kept as NAME.orig).',
    );
  });

  it('treats a file that was there before the first run as a conflict', async () => {
    await mkdir(out);
    await writeFile(join(out, 'README.md'), '# mine\n');
    const plan = await run(base());
    expect(actions(plan)['README.md']).toBe('conflict');
    expect(await read('README.md')).toBe('# mine\n');
    expect((await readManifest()).files).not.toHaveProperty('README.md');
  });

  it('overwrites a conflict with --force', async () => {
    await run(base());
    await writeFile(join(out, 'README.md'), '# my notes\n');
    const plan = await run(base(), true);
    expect(actions(plan)['README.md']).toBe('overwrite');
    expect(plan.conflicts).toBe(0);
    expect(await read('README.md')).toBe('# AMI plan\n');
    expect(await read('README.md.orig')).toBe('# my notes\n');
    expect(actions(await run(base()))['README.md']).toBe('unchanged');
  });
});

describe('files no longer generated', () => {
  it('removes an untouched one and prunes its empty folder', async () => {
    await run(base());
    const plan = await run(base().filter((f) => f.path !== 'bootstrap/bootstrap.sh'));
    expect(actions(plan)['bootstrap/bootstrap.sh']).toBe('remove');
    await expect(stat(join(out, 'bootstrap'))).rejects.toMatchObject({ code: 'ENOENT' });
    expect((await readManifest()).files).not.toHaveProperty('bootstrap/bootstrap.sh');
    expect(formatPlan(plan)).toContain('1 to remove');
  });

  it('keeps an edited one', async () => {
    await run(base());
    await writeFile(join(out, 'bootstrap/bootstrap.sh'), '#!/bin/sh\necho mine\n');
    const plan = await run(
      base().filter((f) => f.path !== 'bootstrap/bootstrap.sh'),
      true,
    );
    expect(actions(plan)['bootstrap/bootstrap.sh']).toBe('keep');
    expect(await read('bootstrap/bootstrap.sh')).toBe('#!/bin/sh\necho mine\n');
    expect((await readManifest()).files).not.toHaveProperty('bootstrap/bootstrap.sh');
  });
});

describe('bad output locations', () => {
  it('rejects --out naming a file as InputError', async () => {
    await writeFile(out, 'not a folder');
    const error = await readOutputState(out, ['README.md']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toBe(`--out DIR names a file, not a folder: ${out}\nChoose a folder path.`);
  });

  it('rejects a malformed manifest unless --force', async () => {
    await mkdir(join(out, '.ami-wizard'), { recursive: true });
    await writeFile(join(out, MANIFEST_PATH), '{"version": 1, "files": {"../../etc/passwd": "x"}}');
    const error = await readOutputState(out, ['README.md']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/Delete \.ami-wizard\/manifest\.json .* --force/);
    expect(actions(await run(base(), true))['README.md']).toBe('create');
    expect((await readManifest()).generator).toBe(GENERATOR);
  });

  it('reports an unwritable folder clearly', async () => {
    await mkdir(out);
    await chmod(out, 0o500);
    // root ignores 0o500; a path below a regular file fails for everyone.
    const probe = join(out, '.probe');
    const rootIgnoresModes = await writeFile(probe, '').then(
      () => true,
      () => false,
    );
    let target = out;
    if (rootIgnoresModes) {
      await rm(probe);
      const blocker = join(root, 'blocker');
      await writeFile(blocker, '');
      target = join(blocker, 'sub');
    }
    const error = await run(base(), false, target).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(
      rootIgnoresModes
        ? /^Cannot write to .*blocker\/sub: part of that path is a file, not a folder\.\nChoose another --out folder/
        : /^Cannot write to .*out: permission denied\.\nChoose another --out folder or fix its permissions\.$/,
    );
  });
});

describe('atomic writes', () => {
  it('keeps the original file and no temp file when rename fails', async () => {
    await run(base());
    vi.mocked(fs.renameSync).mockImplementationOnce(() => {
      throw Object.assign(new Error('EIO: i/o error, rename'), { code: 'EIO' });
    });
    await expect(run(withContents(base(), 'README.md', '# AMI plan v2\n'))).rejects.toThrow('EIO');
    expect(await read('README.md')).toBe('# AMI plan\n');
    expect((await readManifest()).files['README.md']).toBe(sha256('# AMI plan\n'));
    expect(await listFiles(out)).toEqual([
      '.ami-wizard/.gitignore',
      MANIFEST_PATH,
      'README.md',
      'bootstrap/bootstrap.sh',
      'packer/base.pkr.hcl',
    ]);
  });

  it('a folder where a file goes is a conflict; --force keeps it as NAME.orig', async () => {
    await run(base());
    await rm(join(out, 'bootstrap/bootstrap.sh'));
    await mkdir(join(out, 'bootstrap/bootstrap.sh/keep'), { recursive: true });
    const state = await readOutputState(
      out,
      base().map((f) => f.path),
    );
    expect(state.disk.get('bootstrap/bootstrap.sh')).toBe(NOT_A_FILE);
    const plan = await run(base());
    expect(actions(plan)['bootstrap/bootstrap.sh']).toBe('conflict');
    expect(formatPlan(plan)).toContain('  conflict   bootstrap/bootstrap.sh (a folder or special file is in the way)');
    expect(plan.entries.find((e) => e.path === 'bootstrap/bootstrap.sh')).toMatchObject({ action: 'conflict' });
    const forced = await run(base(), true);
    expect(forced.entries.find((e) => e.path === 'bootstrap/bootstrap.sh')).toMatchObject({
      action: 'replace',
      keptAs: 'bootstrap/bootstrap.sh.orig',
    });
    expect((await stat(join(out, 'bootstrap/bootstrap.sh.orig/keep'))).isDirectory()).toBe(true);
    expect(await read('bootstrap/bootstrap.sh')).toBe('#!/bin/sh\necho bootstrap\n');
    expect(await readdir(join(out, 'bootstrap'))).toEqual(['bootstrap.sh', 'bootstrap.sh.orig']);
  });
});

describe('planning rules', () => {
  it('rejects paths that leave the output folder', async () => {
    for (const path of ['../escape.txt', 'a/../../b', '/etc/passwd', 'a//b', '.ami-wizard/x']) {
      await expect(readOutputState(out, [path])).rejects.toThrow(/is not allowed/);
      const state = { outDir: out, previous: null, disk: new Map([[path, null]]) };
      expect(() =>
        planFiles(state, [{ path, contents: '', mode: 0o644 }], { force: false, generator: GENERATOR }),
      ).toThrow(/is not allowed/);
    }
    await expect(readOutputState(out, ['../x'])).rejects.not.toBeInstanceOf(InputError);
  });

  it('plans from a hand-made snapshot and formats it', () => {
    const file = (path: string, contents: string): GeneratedFile => ({ path, contents, mode: 0o644 });
    const state = {
      outDir: out,
      previous: {
        version: 1 as const,
        generator: 'ami-wizard@0.0.9',
        files: { 'config/a.txt': sha256('a'), 'config/old.txt': sha256('o') },
      },
      disk: new Map<string, string | null>([
        ['config/a.txt', sha256('a')],
        ['config/b.txt', null],
        ['config/c.txt', sha256('mine')],
        ['config/old.txt', sha256('o')],
      ]),
    };
    const plan = planFiles(state, [file('config/c.txt', 'c'), file('config/b.txt', 'b'), file('config/a.txt', 'a2')], {
      force: false,
      generator: GENERATOR,
    });
    expect(formatPlan(plan)).toBe(
      [
        '  update     config/a.txt',
        '  create     config/b.txt',
        '  conflict   config/c.txt (not written by ami-wizard)',
        '  remove     config/old.txt',
        '1 to create, 1 to update, 1 to remove, 1 conflict',
        'A file ami-wizard did not write is in the way; left as is. Re-run with --force to keep it as NAME.orig and write the new one.',
      ].join('\n'),
    );
    expect(plan.manifest).toEqual({
      version: 1,
      generator: GENERATOR,
      files: { 'config/a.txt': sha256('a2'), 'config/b.txt': sha256('b') },
    });
    expect(() => planFiles(state, [file('config/d.txt', 'd')], { force: false, generator: GENERATOR })).toThrow(
      /missing/,
    );
  });
});

describe('paths from the manifest', () => {
  const file = (path: string, contents: string): GeneratedFile => ({ path, contents, mode: 0o644 });

  it('a generated path outside the folders ami-wizard generates is a bug in a generator: refused', () => {
    const state = { outDir: out, previous: null, disk: new Map([['scripts/x.sh', null]]) };
    expect(() => planFiles(state, [file('scripts/x.sh', '')], { force: false, generator: GENERATOR })).toThrow(
      /outside the paths ami-wizard generates/,
    );
  });

  it('an entry ami-wizard never generates is kept, never removed, whatever its hash', () => {
    const state = {
      outDir: out,
      previous: {
        version: 1 as const,
        generator: GENERATOR,
        files: { 'src/main.c': sha256('c'), 'packer/old.pkr.hcl': sha256('o') },
      },
      disk: new Map<string, string | null>([
        ['README.md', null],
        ['src/main.c', sha256('c')],
        ['packer/old.pkr.hcl', sha256('o')],
      ]),
    };
    for (const force of [false, true]) {
      const plan = planFiles(state, [file('README.md', '# r\n')], { force, generator: GENERATOR });
      expect(actions(plan)).toEqual({ 'README.md': 'create', 'packer/old.pkr.hcl': 'remove', 'src/main.c': 'keep' });
      expect(formatPlan(plan)).toContain('  keep       src/main.c (ami-wizard never generates this path; left alone)');
      expect(plan.manifest.files).toEqual({ 'README.md': sha256('# r\n') });
    }
  });

  it('prints every path on its own line, control characters escaped', () => {
    const hostile = [
      'config/zz\n  remove     README.md\nNothing to generate.',
      'config/\u001b]0;owned\u0007',
      'config/\u202eevil',
    ];
    const state = {
      outDir: out,
      previous: {
        version: 1 as const,
        generator: GENERATOR,
        files: Object.fromEntries(hostile.map((p) => [p, sha256('x')])),
      },
      disk: new Map<string, string | null>([
        ['README.md', null],
        ...hostile.map((p): [string, string] => [p, sha256('x')]),
      ]),
    };
    const text = formatPlan(planFiles(state, [file('README.md', '# r\n')], { force: false, generator: GENERATOR }));
    expect(text.split('\n')).toEqual([
      '  create     README.md',
      '  remove     config/\\x1b]0;owned\\x07',
      '  remove     config/zz\\x0a  remove     README.md\\x0aNothing to generate.',
      '  remove     config/\\u202eevil',
      '1 to create, 3 to remove',
    ]);
  });

  it('a manifest whose paths hold control characters or name a version-control folder is refused', async () => {
    for (const path of ['config/a\nb', 'config/a\u202eb', '.git/HEAD', 'packer/.Hg/x', 'config/.SVN']) {
      await rm(out, { recursive: true, force: true });
      await mkdir(join(out, '.ami-wizard'), { recursive: true });
      await writeFile(
        join(out, MANIFEST_PATH),
        JSON.stringify({ version: 1, generator: GENERATOR, files: { [path]: sha256('x') } }),
      );
      const error = await readOutputState(out, ['README.md']).catch((e: unknown) => e);
      expect(error, JSON.stringify(path)).toBeInstanceOf(InputError);
      expect((error as Error).message).toMatch(/control character|version control/);
    }
  });
});
