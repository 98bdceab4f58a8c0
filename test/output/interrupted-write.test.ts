// A run that dies part-way (here: every file system change after the Nth fails, as if the process
// were killed there) leaves nothing false and nothing temporary: the next run, even a dry run,
// reports no conflict, and the folder ends up exactly as generated.
import { access, mkdir, mkdtemp, readdir, readFile, realpath, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { planFiles, type FilePlan } from '../../source/output/plan.ts';
import { formatPlan } from '../../source/output/plan-text.ts';
import { sha256 } from '../../source/output/manifest.ts';
import { JOURNAL_PATH, MANIFEST_PATH, META_DIR } from '../../source/output/manifest.ts';
import { readOutputState } from '../../source/output/state.ts';
import { applyPlan } from '../../source/output/write.ts';

// Counts every call that changes the file system, in node:fs/promises and in node:fs (the writer's
// own calls are synchronous but for fsync: source/output/safe-path.ts); once `after` of them have
// run, every further one fails, so the run stops exactly as a killed process would, cleanup attempts
// included.
const crash = vi.hoisted(() => {
  const state = { after: Infinity, count: 0 };
  const crashed = () => Object.assign(new Error('simulated crash'), { code: 'ECRASHED' });
  /** True when this change may run; false once `after` changes have run. */
  const allowed = (): boolean => ++state.count <= state.after;
  return { state, crashed, allowed };
});
/** Whether open() `flags` create or write (string or number form). */
const writes = vi.hoisted(
  () =>
    (flags: unknown, O_WRONLY: number, O_RDWR: number, O_CREAT: number): boolean =>
      typeof flags === 'string'
        ? !['r', 'rs', 'sr'].includes(flags)
        : typeof flags === 'number' && (flags & (O_WRONLY | O_RDWR | O_CREAT)) !== 0,
);
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const { O_WRONLY, O_RDWR, O_CREAT } = (await import('node:fs')).constants;
  const gate = (): Promise<never> | undefined => (crash.allowed() ? undefined : Promise.reject(crash.crashed()));
  const guard =
    <A extends unknown[], R>(f: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      gate() ?? f(...args);
  return {
    ...actual,
    open: (path: Parameters<typeof actual.open>[0], flags?: string | number, mode?: number) =>
      (writes(flags, O_WRONLY, O_RDWR, O_CREAT) ? gate() : undefined) ?? actual.open(path, flags, mode),
    rename: guard(actual.rename),
    unlink: guard(actual.unlink),
    rmdir: guard(actual.rmdir),
    mkdir: guard(actual.mkdir),
    rm: guard(actual.rm),
    writeFile: guard(actual.writeFile),
    chmod: guard(actual.chmod),
    symlink: guard(actual.symlink),
    link: guard(actual.link),
  };
});
vi.mock('node:fs', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs')>();
  const { O_WRONLY, O_RDWR, O_CREAT } = actual.constants;
  const guard =
    <A extends unknown[], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      if (!crash.allowed()) throw crash.crashed();
      return f(...args);
    };
  const byPath =
    <A extends [unknown, ...unknown[]], R>(f: (...args: A) => R) =>
    (...args: A): R => {
      if (typeof args[0] !== 'number' && !crash.allowed()) throw crash.crashed();
      return f(...args);
    };
  const mocked = {
    ...actual,
    openSync: (...args: Parameters<typeof actual.openSync>) => {
      if (writes(args[1], O_WRONLY, O_RDWR, O_CREAT) && !crash.allowed()) throw crash.crashed();
      return actual.openSync(...args);
    },
    renameSync: guard(actual.renameSync),
    unlinkSync: guard(actual.unlinkSync),
    rmdirSync: guard(actual.rmdirSync),
    mkdirSync: guard(actual.mkdirSync),
    mkdtempSync: guard(actual.mkdtempSync),
    rmSync: guard(actual.rmSync),
    chmodSync: guard(actual.chmodSync),
    symlinkSync: guard(actual.symlinkSync),
    linkSync: guard(actual.linkSync),
    copyFileSync: guard(actual.copyFileSync),
    cpSync: guard(actual.cpSync),
    // By path (a file written into a descriptor the writer opened was counted at the open).
    writeFileSync: byPath(actual.writeFileSync),
    appendFileSync: byPath(actual.appendFileSync),
    truncateSync: byPath(actual.truncateSync),
  };
  return { ...mocked, default: mocked };
});

const GENERATOR = 'ami-wizard@0.1.0';
const file = (path: string, contents: string, mode = 0o644): GeneratedFile => ({ path, contents, mode });
// v1 -> v2 (the run that dies: updates, a removal, a new folder) -> v3 (the answers changed again).
const v1 = (): GeneratedFile[] => [
  file('packer/base.pkr.hcl', 'base v1\n'),
  file('packer/variables.pkr.hcl', 'variables v1\n'),
  file('bootstrap/ami-bootstrap.sh', '#!/bin/sh\necho v1\n', 0o755),
  file('README.md', '# v1\n'),
];
const v2 = (): GeneratedFile[] => [
  file('packer/base.pkr.hcl', 'base v1\n'),
  file('packer/variables.pkr.hcl', 'variables v2\n'),
  file('README.md', '# v2\n'),
  file('config/guide.md', 'guide v2\n'),
];
const v3 = (): GeneratedFile[] => [
  file('packer/base.pkr.hcl', 'base v3\n'),
  file('packer/variables.pkr.hcl', 'variables v3\n'),
  file('README.md', '# v3\n'),
  file('config/guide.md', 'guide v3\n'),
];

let out: string;
beforeEach(async () => {
  crash.state.after = Infinity;
  out = join(await realpath(await mkdtemp(join(tmpdir(), 'ami-wizard-crash-'))), 'out');
});
afterEach(async () => {
  crash.state.after = Infinity;
  await rm(join(out, '..'), { recursive: true, force: true });
});

async function plan(files: GeneratedFile[], force = false): Promise<FilePlan> {
  const state = await readOutputState(
    out,
    files.map((f) => f.path),
    { force },
  );
  return planFiles(state, files, { force, generator: GENERATOR });
}
async function run(files: GeneratedFile[], force = false): Promise<FilePlan> {
  const p = await plan(files, force);
  await applyPlan(p);
  return p;
}
/** Runs with every file system change after the first `after` failing; true when the run got that far. */
async function runKilledAfter(after: number, files: GeneratedFile[], force = false): Promise<boolean> {
  crash.state.count = 0;
  crash.state.after = after;
  try {
    await run(files, force);
  } catch (error) {
    if (
      (error as NodeJS.ErrnoException).code !== 'ECRASHED' &&
      !/simulated crash/.test(String((error as Error).message))
    )
      throw error;
  } finally {
    crash.state.after = Infinity;
  }
  return crash.state.count <= after;
}
async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => !e.isDirectory())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}
const conflicts = (p: FilePlan): string[] => p.entries.filter((e) => e.action === 'conflict').map((e) => e.path);

async function expectExactly(files: GeneratedFile[], extra: Record<string, string> = {}): Promise<void> {
  const expected = [...files.map((f) => f.path), ...Object.keys(extra), MANIFEST_PATH, `${META_DIR}/.gitignore`].sort();
  expect(await listFiles(out)).toEqual(expected);
  for (const f of files) expect(await readFile(join(out, f.path), 'utf8')).toBe(f.contents);
  for (const [path, contents] of Object.entries(extra)) expect(await readFile(join(out, path), 'utf8')).toBe(contents);
  const manifest = JSON.parse(await readFile(join(out, MANIFEST_PATH), 'utf8'));
  expect(manifest.files).toEqual(Object.fromEntries(files.map((f) => [f.path, sha256(f.contents)])));
}

describe('a run killed at any step', () => {
  it('of a re-run: the next run (and a dry run before it) sees no conflict and nothing is left over', async () => {
    let journals = 0;
    for (let after = 0; ; after++) {
      await rm(out, { recursive: true, force: true });
      await run(v1());
      const finished = await runKilledAfter(after, v2());

      const dry = await plan(v3());
      expect(conflicts(dry), `killed after ${after} changes: dry run`).toEqual([]);
      // The plan says so whenever a journal is there to finish, and only then.
      const journalled = await access(join(out, JOURNAL_PATH)).then(
        () => true,
        () => false,
      );
      expect(formatPlan(dry).includes('An interrupted run is finished first'), `killed after ${after} changes`).toBe(
        journalled,
      );
      if (journalled) journals++;
      const next = await run(v3());
      expect(conflicts(next), `killed after ${after} changes`).toEqual([]);
      await expectExactly(v3());
      expect((await plan(v3())).entries.every((e) => e.action === 'unchanged')).toBe(true);
      if (finished) break;
    }
    expect(journals).toBeGreaterThan(0); // some kills left a journal, or the check above proves nothing
  });

  it('of a first run: the next run finishes it', async () => {
    for (let after = 0; ; after++) {
      await rm(out, { recursive: true, force: true });
      const finished = await runKilledAfter(after, v2());
      const next = await run(v3());
      expect(conflicts(next), `killed after ${after} changes`).toEqual([]);
      await expectExactly(v3());
      if (finished) break;
    }
  });

  it('of a --force run that keeps a hand-made file: it is kept exactly once, as NAME.orig', async () => {
    for (let after = 0; ; after++) {
      await rm(out, { recursive: true, force: true });
      await run(v1());
      await mkdir(join(out, 'config'));
      await writeFile(join(out, 'config/guide.md'), 'my guide\n');
      const finished = await runKilledAfter(after, v2(), true);
      const next = await run(v3(), true);
      expect(conflicts(next), `killed after ${after} changes`).toEqual([]);
      await expectExactly(v3(), { 'config/guide.md.orig': 'my guide\n' });
      if (finished) break;
    }
  });

  it('of a --force run that overwrites an edited file: the edit is kept exactly once, as NAME.orig', async () => {
    for (let after = 0; ; after++) {
      await rm(out, { recursive: true, force: true });
      await run(v1());
      await writeFile(join(out, 'README.md'), '# mine\n');
      const finished = await runKilledAfter(after, v2(), true);
      const next = await run(v3(), true);
      expect(conflicts(next), `killed after ${after} changes`).toEqual([]);
      await expectExactly(v3(), { 'README.md.orig': '# mine\n' });
      if (finished) break;
    }
  });

  it('never loses an edit made after the interrupted run', async () => {
    for (let after = 0; ; after++) {
      await rm(out, { recursive: true, force: true });
      await run(v1());
      const finished = await runKilledAfter(after, v2());
      await writeFile(join(out, 'README.md'), '# mine\n');
      const next = await run(v3());
      expect(conflicts(next), `killed after ${after} changes`).toEqual(['README.md']);
      expect(await readFile(join(out, 'README.md'), 'utf8')).toBe('# mine\n');
      if (finished) break;
    }
  });
});

it('the crash simulation sees the writer’s changes (or the loops above would stop after one pass)', async () => {
  crash.state.count = 0;
  await run(v1());
  expect(crash.state.count).toBeGreaterThan(v1().length * 2);
});
