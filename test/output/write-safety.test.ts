// The writer never leaves --out: symlinks at or above a generated path are conflicts (never followed),
// --force replaces the link and never its target, the manifest is untrusted input, and a file
// ami-wizard never wrote (or that differs from what the manifest records) is kept as NAME.orig under --force.
import { lstat, mkdir, mkdtemp, readdir, readFile, readlink, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { FailureError, InputError } from '../../source/errors.ts';
import { planFiles, type FilePlan } from '../../source/output/plan.ts';
import { formatPlan } from '../../source/output/plan-text.ts';
import { sha256 } from '../../source/output/manifest.ts';
import { MANIFEST_PATH } from '../../source/output/manifest.ts';
import { readOutputState } from '../../source/output/state.ts';
import { applyPlan } from '../../source/output/write.ts';
import { mountPointsBelow } from '../../source/output/mount-points.ts';

const GENERATOR = 'ami-wizard@0.1.0';
const base = (): GeneratedFile[] => [
  { path: 'packer/base.pkr.hcl', contents: 'source "amazon-ebs" "base" {}\n', mode: 0o644 },
  { path: 'packer/variables.pkr.hcl', contents: 'variable "region" {}\n', mode: 0o644 },
  { path: 'bootstrap/bootstrap.sh', contents: '#!/bin/sh\necho bootstrap\n', mode: 0o755 },
  { path: 'README.md', contents: '# AMI plan\n', mode: 0o644 },
];

let root: string;
let out: string;
let outside: string;
beforeEach(async () => {
  root = await realpath(await mkdtemp(join(tmpdir(), 'ami-wizard-safety-')));
  out = join(root, 'out');
  outside = join(root, 'outside');
  await mkdir(outside);
  await writeFile(join(outside, 'precious.txt'), 'precious\n');
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function plan(files: GeneratedFile[], force = false, outDir = out): Promise<FilePlan> {
  const state = await readOutputState(
    outDir,
    files.map((f) => f.path),
    { force },
  );
  return planFiles(state, files, { force, generator: GENERATOR });
}
async function run(files: GeneratedFile[], force = false, outDir = out): Promise<FilePlan> {
  const p = await plan(files, force, outDir);
  await applyPlan(p);
  return p;
}
const actions = (p: FilePlan): Record<string, string> => Object.fromEntries(p.entries.map((e) => [e.path, e.action]));
const entry = (p: FilePlan, path: string) => p.entries.find((e) => e.path === path);
const read = (path: string): Promise<string> => readFile(join(out, path), 'utf8');

/** Every entry below `dir` (files, folders and links), so a test can assert nothing changed there. */
async function listAll(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.map((e) => join(e.parentPath, e.name).slice(dir.length + 1)).sort();
}
const outsideUntouched = async (): Promise<void> => {
  expect(await listAll(outside)).toEqual(['precious.txt']);
  expect(await readFile(join(outside, 'precious.txt'), 'utf8')).toBe('precious\n');
};
const isLink = async (path: string): Promise<boolean> => (await lstat(path)).isSymbolicLink();

describe('a symlinked folder inside --out', () => {
  beforeEach(async () => {
    await mkdir(out);
    await symlink(outside, join(out, 'packer'));
  });

  it('is a conflict, never written through', async () => {
    const p = await run(base());
    expect(actions(p)['packer/base.pkr.hcl']).toBe('conflict');
    expect(entry(p, 'packer/base.pkr.hcl')?.symlink).toBe('packer');
    expect(p.conflicts).toBe(2);
    expect(formatPlan(p)).toContain('  conflict   packer/base.pkr.hcl (packer is a symlink; never followed)');
    expect(formatPlan(p)).toMatch(/symlink .*--force/);
    await outsideUntouched();
    expect(await isLink(join(out, 'packer'))).toBe(true);
    expect(await read('README.md')).toBe('# AMI plan\n'); // the rest is still written
  });

  it('--force replaces the link with a real folder and leaves its target alone', async () => {
    const p = await run(base(), true);
    expect(actions(p)['packer/base.pkr.hcl']).toBe('replace');
    expect(formatPlan(p)).toContain('  replace    packer/base.pkr.hcl (symlink packer removed, target untouched)');
    expect(p.conflicts).toBe(0);
    await outsideUntouched();
    expect(await isLink(join(out, 'packer'))).toBe(false);
    expect(await read('packer/base.pkr.hcl')).toBe('source "amazon-ebs" "base" {}\n');
    expect(actions(await run(base()))['packer/base.pkr.hcl']).toBe('unchanged');
  });
});

describe('a symlink at a generated file', () => {
  it('is a conflict; --force replaces the link, not the file it points to', async () => {
    await mkdir(out);
    await symlink(join(outside, 'precious.txt'), join(out, 'README.md'));
    const p = await run(base());
    expect(actions(p)['README.md']).toBe('conflict');
    expect(formatPlan(p)).toContain('  conflict   README.md (README.md is a symlink; never followed)');
    expect(await readlink(join(out, 'README.md'))).toBe(join(outside, 'precious.txt'));
    await run(base(), true);
    await outsideUntouched();
    expect(await isLink(join(out, 'README.md'))).toBe(false);
    expect(await read('README.md')).toBe('# AMI plan\n');
  });
});

describe('the manifest folder', () => {
  it('a symlinked .ami-wizard is refused (the manifest never lands outside); --force replaces the link', async () => {
    await mkdir(out);
    await symlink(outside, join(out, '.ami-wizard'));
    const error = await run(base()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(/\.ami-wizard is a symlink.*\n.*--force/);
    await outsideUntouched();
    const p = await run(base(), true);
    expect(actions(p)['.ami-wizard']).toBe('replace');
    await outsideUntouched();
    expect(await isLink(join(out, '.ami-wizard'))).toBe(false);
    expect(JSON.parse(await read(MANIFEST_PATH)).files['README.md']).toBe(sha256('# AMI plan\n'));
  });

  it('a symlinked manifest is never read or written through', async () => {
    await run(base());
    const manifest = await read(MANIFEST_PATH);
    await writeFile(join(outside, 'manifest.json'), manifest);
    await rm(join(out, MANIFEST_PATH));
    await symlink(join(outside, 'manifest.json'), join(out, MANIFEST_PATH));
    await expect(run(base())).rejects.toThrow(/manifest\.json is a symlink/);
    await run(base(), true);
    expect(await readFile(join(outside, 'manifest.json'), 'utf8')).toBe(manifest);
    expect(await isLink(join(out, MANIFEST_PATH))).toBe(false);
  });
});

describe('links where an interrupted run keeps its journal and staged files', () => {
  it('are refused; --force removes them and still trusts the manifest beside them', async () => {
    await run(base());
    await symlink(outside, join(out, '.ami-wizard/staging'));
    await symlink(join(outside, 'precious.txt'), join(out, '.ami-wizard/journal.json'));
    await expect(run(base())).rejects.toThrow(/journal\.json is a symlink/);
    const next = base().map((f) => (f.path === 'README.md' ? { ...f, contents: '# v2\n' } : f));
    const p = await run(next, true);
    expect(actions(p)['README.md']).toBe('update'); // not a file of unknown origin: the manifest was read
    await outsideUntouched();
    expect(await listAll(join(out, '.ami-wizard'))).toEqual(['.gitignore', 'manifest.json']);
  });
});

describe('the manifest is untrusted input', () => {
  it('an entry behind a symlinked folder is never deleted', async () => {
    await run(base());
    await symlink(outside, join(out, 'link'));
    const manifest = JSON.parse(await read(MANIFEST_PATH));
    manifest.files['link/precious.txt'] = sha256('precious\n');
    await writeFile(join(out, MANIFEST_PATH), JSON.stringify(manifest));
    const p = await run(base(), true);
    expect(actions(p)['link/precious.txt']).toBe('keep');
    expect(formatPlan(p)).toContain('  keep       link/precious.txt (link is a symlink; never followed)');
    await outsideUntouched();
  });

  it('a folder swapped for a symlink after planning is re-checked before deleting', async () => {
    await run(base());
    const p = await plan(base().filter((f) => f.path !== 'bootstrap/bootstrap.sh'));
    expect(actions(p)['bootstrap/bootstrap.sh']).toBe('remove');
    // Between planning and writing, scripts/ becomes a link to a folder holding the same file.
    await rm(join(out, 'bootstrap'), { recursive: true });
    await writeFile(join(outside, 'bootstrap.sh'), '#!/bin/sh\necho bootstrap\n');
    await symlink(outside, join(out, 'bootstrap'));
    await applyPlan(p).catch(() => undefined);
    expect(await readFile(join(outside, 'bootstrap.sh'), 'utf8')).toBe('#!/bin/sh\necho bootstrap\n');
  });

  it('a folder swapped for a symlink after planning is never written through', async () => {
    const p = await plan(base());
    await mkdir(out, { recursive: true });
    await symlink(outside, join(out, 'packer'));
    await applyPlan(p).catch(() => undefined);
    await outsideUntouched();
  });

  it('refuses a manifest with too many entries or too long a path', async () => {
    await run(base());
    const manifest = JSON.parse(await read(MANIFEST_PATH));
    const many = {
      ...manifest,
      files: Object.fromEntries(Array.from({ length: 100_001 }, (_, i) => [`f${i}`, sha256('x')])),
    };
    await writeFile(join(out, MANIFEST_PATH), JSON.stringify(many));
    await expect(plan(base())).rejects.toThrow(/too many entries/);
    const long = { ...manifest, files: { [`${'a/'.repeat(3000)}b`]: sha256('x') } };
    await writeFile(join(out, MANIFEST_PATH), JSON.stringify(long));
    const error = await plan(base()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/too long/);
    expect((error as Error).message.length).toBeLessThan(600);
  });
});

describe('--out itself', () => {
  it('may be a symlink the user chose: the files land in the real folder', async () => {
    const real = join(root, 'real');
    await mkdir(real);
    await symlink(real, out);
    const p = await run(base());
    expect(p.outDir).toBe(real);
    expect(await readFile(join(real, 'README.md'), 'utf8')).toBe('# AMI plan\n');
    expect(actions(await run(base()))['README.md']).toBe('unchanged');
  });

  it('a dangling symlink is bad input that says the link points nowhere', async () => {
    await symlink(join(root, 'missing'), out);
    const error = await plan(base()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
    expect((error as Error).message).toMatch(/points nowhere/);
  });
});

describe('a file ami-wizard never wrote', () => {
  beforeEach(async () => {
    await mkdir(out);
    await writeFile(join(out, 'README.md'), '# my own notes\n');
  });

  it('is a conflict without --force', async () => {
    const p = await run(base());
    expect(actions(p)['README.md']).toBe('conflict');
    expect(formatPlan(p)).toContain('  conflict   README.md (not written by ami-wizard)');
    expect(await read('README.md')).toBe('# my own notes\n');
  });

  it('is kept as NAME.orig with --force, and the plan says so', async () => {
    const p = await run(base(), true);
    expect(entry(p, 'README.md')).toMatchObject({ action: 'replace', keptAs: 'README.md.orig' });
    expect(formatPlan(p)).toContain('  replace    README.md (yours kept as README.md.orig)');
    expect(formatPlan(p)).toContain('1 to replace');
    expect(await read('README.md')).toBe('# AMI plan\n');
    expect(await read('README.md.orig')).toBe('# my own notes\n');
    expect(actions(await run(base(), true))['README.md']).toBe('unchanged');
  });

  it('takes the first free name: NAME.orig, NAME.orig.1, ...', async () => {
    await writeFile(join(out, 'README.md.orig'), 'older\n');
    const p = await run(base(), true);
    expect(entry(p, 'README.md')?.keptAs).toBe('README.md.orig.1');
    expect(await read('README.md.orig')).toBe('older\n');
    expect(await read('README.md.orig.1')).toBe('# my own notes\n');
  });

  it('is unchanged when it already holds what would be generated', async () => {
    await writeFile(join(out, 'README.md'), '# AMI plan\n');
    expect(actions(await run(base(), true))['README.md']).toBe('unchanged');
    expect(await readdir(out)).not.toContain('README.md.orig');
  });

  // The manifest cannot tell an edit from a file it claims falsely, so --force sets both aside.
  it('an edited generated file is overwritten by --force, and the edit kept as NAME.orig', async () => {
    await rm(join(out, 'README.md'));
    await run(base());
    await writeFile(join(out, 'README.md'), '# edited\n');
    const p = await run(base(), true);
    expect(entry(p, 'README.md')).toMatchObject({ action: 'overwrite', keptAs: 'README.md.orig' });
    expect(formatPlan(p)).toContain('  overwrite  README.md (yours kept as README.md.orig)');
    expect(await read('README.md')).toBe('# AMI plan\n');
    expect(await read('README.md.orig')).toBe('# edited\n');
  });
});

describe('mount points inside --out, as /proc/self/mountinfo lists them', () => {
  // Field 5 is the mount point, with space, tab, newline and backslash written as octal escapes.
  const mountinfo = [
    '22 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '40 22 8:1 /srv/x /work/my\\040out/packer rw,relatime shared:1 - ext4 /dev/sda1 rw',
    '41 22 0:50 / /work/my\\040out/.ami-wizard/staging rw - tmpfs tmpfs rw',
    '42 22 0:51 / /work/my\\040outside rw - tmpfs tmpfs rw',
    '43 22 0:52 / /work/my\\040out rw - tmpfs tmpfs rw',
    '',
  ].join('\n');

  it('are found below the real folder, never beside or above it', () => {
    expect(mountPointsBelow(mountinfo, '/work/my out')).toEqual(['.ami-wizard/staging', 'packer']);
    expect(mountPointsBelow(mountinfo, '/work')).toEqual([
      'my out',
      'my out/.ami-wizard/staging',
      'my out/packer',
      'my outside',
    ]);
    expect(mountPointsBelow('', '/work/my out')).toEqual([]);
  });
});
