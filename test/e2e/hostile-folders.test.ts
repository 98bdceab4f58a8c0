// The built CLI against output folders that try to lead it astray: symlinks inside --out, a tampered
// manifest, a hand-made file, runs killed part-way, and --out paths that cannot work (a dangling
// link, a read-only mount, a path too long, a pseudo file system).
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { MINIMAL_YAML, minimalAnswers, tempDir, writeAnswers } from '../support/answers.ts';
import { CLI, assertBuilt, cli } from '../support/cli.ts';
import { toolMissing } from '../support/tools.ts';

// Mounting a file system inside --out needs root, as .ci/run runs; as anyone else those tests skip.
const asRoot = process.getuid?.() === 0;
if (!asRoot)
  toolMissing('root', 'not running as root, so the mount checks inside --out (tmpfs, bind, read-only) do not run');

let dir: string;
let cleanup: () => void;
let outside: string;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  outside = join(dir, 'outside');
  mkdirSync(outside);
  writeFileSync(join(outside, 'precious.txt'), 'precious\n');
});
afterEach(() => cleanup());

/** Every file, folder and link below `root`, relative and sorted. */
const listAll = (root: string): string[] => (readdirSync(root, { recursive: true }) as string[]).map(String).sort();
const expectOutsideUntouched = (): void => {
  expect(listAll(outside)).toEqual(['precious.txt']);
  expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('precious\n');
};
/** No stack, no raw Node error, no "failed unexpectedly". */
const expectCleanError = (stderr: string): void => {
  expect(stderr).toMatch(/^ami-wizard: /);
  expect(stderr).not.toMatch(/unexpectedly|\n\s+at |E[A-Z]{3,}:/);
};
const answersWith = (patch: (a: Record<string, any>) => void, name: string): string => {
  const a = minimalAnswers();
  patch(a);
  return writeAnswers(dir, stringify(a), name);
};

describe('symlinks inside --out', () => {
  it('a symlinked folder is a conflict; --force replaces the link, never writing into its target', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(outside, join(out, 'packer'));
    const refused = cli(['--answers', answers, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain('conflict   packer/base.pkr.hcl (packer is a symlink; never followed)');
    expect(refused.stdout).toMatch(/--force/);
    expect(refused.stderr).toBe('');
    expectOutsideUntouched();

    const forced = cli(['--answers', answers, '--out', out, '--force', '--json']);
    expect(forced.code, forced.stderr).toBe(0);
    expect(JSON.parse(forced.stdout).plan).toContainEqual({
      path: 'packer/base.pkr.hcl',
      action: 'replace',
      symlink: 'packer',
    });
    expectOutsideUntouched();
    expect(lstatSync(join(out, 'packer')).isDirectory()).toBe(true);
    expect(existsSync(join(out, 'packer/base.pkr.hcl'))).toBe(true);
  });

  it('a symlinked .ami-wizard never receives the manifest', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const out = join(dir, 'out');
    mkdirSync(out);
    symlinkSync(outside, join(out, '.ami-wizard'));
    const refused = cli(['--answers', answers, '--out', out]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/\.ami-wizard is a symlink/);
    expectCleanError(refused.stderr);
    expectOutsideUntouched();
    expect(cli(['--answers', answers, '--out', out, '--force']).code).toBe(0);
    expectOutsideUntouched();
    expect(existsSync(join(out, '.ami-wizard/manifest.json'))).toBe(true);
  });

  it('a tampered manifest cannot make a re-run delete a file outside --out', () => {
    const answers = writeAnswers(dir, MINIMAL_YAML);
    const out = join(dir, 'out');
    expect(cli(['--answers', answers, '--out', out]).code).toBe(0);
    symlinkSync(outside, join(out, 'link'));
    const manifestFile = join(out, '.ami-wizard/manifest.json');
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    manifest.files['link/precious.txt'] = createHash('sha256').update('precious\n').digest('hex');
    writeFileSync(manifestFile, JSON.stringify(manifest));
    const again = cli(['--answers', answers, '--out', out, '--force']);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('keep       link/precious.txt (link is a symlink; never followed)');
    expectOutsideUntouched();
  });
});

it('--force keeps a hand-made file as NAME.orig and says so, in text and JSON', () => {
  const answers = writeAnswers(dir, MINIMAL_YAML);
  const out = join(dir, 'out');
  mkdirSync(out);
  writeFileSync(join(out, 'README.md'), '# ours\n');
  const refused = cli(['--answers', answers, '--out', out]);
  expect(refused.code).toBe(1);
  expect(refused.stdout).toContain('conflict   README.md (not written by ami-wizard)');
  const text = cli(['--answers', answers, '--out', out, '--force', '--dry-run']);
  expect(text.stdout).toContain('replace    README.md (yours kept as README.md.orig)');
  const forced = cli(['--answers', answers, '--out', out, '--force', '--json']);
  expect(forced.code, forced.stderr).toBe(0);
  expect(JSON.parse(forced.stdout).plan).toContainEqual({
    path: 'README.md',
    action: 'replace',
    keptAs: 'README.md.orig',
  });
  expect(readFileSync(join(out, 'README.md.orig'), 'utf8')).toBe('# ours\n');
  expect(readFileSync(join(out, 'README.md'), 'utf8')).toMatch(/^# /);
  expect(readFileSync(join(out, 'README.md'), 'utf8')).not.toBe('# ours\n');
});

describe('a run killed part-way', () => {
  // A: the first run. B: the run that is killed (another design, so files change, go and come).
  // C: the answers changed again; it must see no conflict and end exactly as a clean run of C.
  let a: string;
  let b: string;
  let c: string;
  let afterA: string;
  let cleanC: string;
  beforeEach(() => {
    a = writeAnswers(dir, MINIMAL_YAML, 'a.yaml');
    b = answersWith((x) => ((x.project.costCenter = '999'), (x.strategy = 'jeos')), 'b.yaml');
    c = answersWith((x) => (x.project.costCenter = '777'), 'c.yaml');
    afterA = join(dir, 'after-a');
    cleanC = join(dir, 'clean-c');
    expect(cli(['--answers', a, '--out', afterA]).code).toBe(0);
    expect(cli(['--answers', c, '--out', cleanC]).code).toBe(0);
  });

  const inode = (file: string): number | undefined => {
    try {
      return statSync(file).ino;
    } catch {
      return undefined;
    }
  };

  interface Moment {
    what: string;
    /** Polled once a millisecond or so; otherwise as fast as the test can. */
    paced: boolean;
    holds: (polls: number) => boolean;
  }

  /** Runs B in a copy of A's folder and kills it with `signal` once `moment` holds. True when the signal ended it. */
  async function killB(out: string, signal: NodeJS.Signals, moment: Moment): Promise<boolean> {
    assertBuilt();
    rmSync(out, { recursive: true, force: true });
    cpSync(afterA, out, { recursive: true });
    const child = spawn(process.execPath, [CLI, '--answers', b, '--out', out], { stdio: 'ignore' });
    const done = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve) => child.on('spawn', resolve));
    for (let polls = 0; polls < 5_000_000; polls++) {
      if (child.exitCode !== null || child.signalCode !== null) break;
      if (moment.holds(polls)) {
        child.kill(signal);
        break;
      }
      if (moment.paced) await new Promise((resolve) => setTimeout(resolve, 1));
      else if (polls % 1000 === 999) await new Promise((resolve) => setImmediate(resolve)); // lets 'exit' arrive
    }
    await done;
    return child.signalCode === signal;
  }

  function expectRecovered(out: string, what: string): void {
    const dry = cli(['--answers', c, '--out', out, '--dry-run', '--json']);
    expect(dry.code, `${what}: dry run: ${dry.stderr}`).toBe(0);
    expect(
      JSON.parse(dry.stdout).plan.filter((p: { action: string }) => p.action === 'conflict'),
      `${what}: dry run`,
    ).toEqual([]);
    const next = cli(['--answers', c, '--out', out]);
    expect(next.code, `${what}: ${next.stdout}${next.stderr}`).toBe(0);
    expect(next.stdout, what).not.toMatch(/conflict/);
    // Exactly the files of a clean run: no temp, staging or journal file left, nothing stale.
    expect(listAll(out), what).toEqual(listAll(cleanC));
    for (const file of listAll(cleanC)) {
      if (statSync(join(cleanC, file)).isFile())
        expect(readFileSync(join(out, file), 'utf8'), `${what}: ${file}`).toBe(
          readFileSync(join(cleanC, file), 'utf8'),
        );
    }
  }

  // Moments that do not depend on how the writer works: after some number of polls (from the start
  // to past the end of a run), and right after each file B changes is replaced on disk.
  const changedByB = [
    'ami-wizard.yaml',
    'decision.md',
    'packer/locals.pkr.hcl',
    'packer/variables.pkr.hcl',
    'tagging/tag-policy.json',
  ];

  for (const signal of ['SIGKILL', 'SIGINT'] as const) {
    it(`${signal} at many moments: the next run sees no conflict and leaves nothing behind`, async () => {
      const out = join(dir, 'out');
      let kills = 0;
      const moments: Moment[] = [];
      const steps = signal === 'SIGKILL' ? 24 : 8;
      for (let i = 0; i < steps; i++) {
        const n = Math.round((i * 24 * 12) / steps);
        moments.push({ what: `after ${n} paced polls`, paced: true, holds: (polls) => polls >= n });
      }
      for (const file of changedByB) {
        let before: number | undefined;
        moments.push({
          what: `right after ${file} is replaced`,
          paced: false,
          holds: (polls) => {
            if (polls === 0) before = inode(join(out, file));
            return inode(join(out, file)) !== before;
          },
        });
      }
      for (const moment of moments) {
        if (await killB(out, signal, moment)) kills++;
        expectRecovered(out, `${signal} ${moment.what}`);
      }
      // The moments must really interrupt runs, or this test proves nothing.
      expect(kills).toBeGreaterThanOrEqual(Math.ceil(moments.length / 3));
    }, 240_000);
  }
});

describe('--out folders that cannot work', () => {
  const run = (out: string) => cli(['--answers', writeAnswers(dir, MINIMAL_YAML), '--out', out]);

  it('a dangling symlink: exit 2, says the link points nowhere', () => {
    const out = join(dir, 'out');
    symlinkSync(join(dir, 'missing'), out);
    const result = run(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/points nowhere/);
    expectCleanError(result.stderr);
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });

  it('a path of 100,000 characters: exit 2, says it is too long without echoing it', () => {
    const result = run(join(dir, 'a'.repeat(100_000)));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/too long/);
    expect(result.stderr.length).toBeLessThan(400);
    expectCleanError(result.stderr);
  });

  it('a path that fits but whose files would not: exit 2 before anything is created', () => {
    const out = join(
      dir,
      ...Array.from({ length: 19 }, () => 'd'.repeat(200)),
      'x'.repeat(4070 - dir.length - 19 * 201 - 1),
    );
    const result = run(out);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/too long/);
    expect(result.stderr.length).toBeLessThan(400);
    expectCleanError(result.stderr);
    expect(existsSync(out)).toBe(false);
  });

  it('inside /proc or /sys: exit 2, refused before anything spins', () => {
    for (const out of ['/proc/1/out', '/proc/self/ami', '/sys/kernel/ami-wizard-out']) {
      const result = spawnSync(process.execPath, [CLI, '--answers', writeAnswers(dir, MINIMAL_YAML), '--out', out], {
        encoding: 'utf8',
        timeout: 30_000,
      });
      expect(result.status, `${out}: ${result.stderr}`).toBe(2);
      expect(result.stderr).toMatch(/pseudo file system/);
      expectCleanError(result.stderr);
    }
  });

  /** Every file with its text, and every folder (as null): what a user would find. */
  const snapshot = (out: string): Record<string, string | null> =>
    Object.fromEntries(
      listAll(out).map((f) => [f, statSync(join(out, f)).isFile() ? readFileSync(join(out, f), 'utf8') : null]),
    );

  // The mount is made in a private mount namespace (it vanishes with the process), after the first
  // run; the second run has changed answers, so it has files to write below the mount point.
  const mountedRun = (out: string, mount: string) => {
    expect(cli(['--answers', writeAnswers(dir, MINIMAL_YAML), '--out', out]).code).toBe(0);
    const before = snapshot(out);
    const changed = answersWith((x) => (x.project.costCenter = '999'), 'changed.yaml');
    const result = spawnSync(
      'unshare',
      [
        '--mount',
        '--fork',
        'sh',
        '-c',
        `${mount} || exit 99; exec "$2" "$3" --answers "$4" --out "$5"`,
        'sh',
        join(out, 'packer'),
        process.execPath,
        CLI,
        changed,
        out,
        join(dir, 'elsewhere'),
      ],
      { encoding: 'utf8' },
    );
    expect(result.status, `could not mount: ${result.stderr}`).not.toBe(99);
    return { result, before };
  };

  it.runIf(asRoot)('a mount point inside --out: exit 1 before anything changes, says it is another file system', () => {
    const out = join(dir, 'out');
    const { result, before } = mountedRun(out, 'mount -t tmpfs tmpfs "$1"');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/another file system/);
    expectCleanError(result.stderr);
    expect(snapshot(out)).toEqual(before); // no file changed, and no staging folder left behind
  });

  it.runIf(asRoot)('a bind mount from the same disk inside --out: exit 1 before anything changes', () => {
    const out = join(dir, 'out');
    mkdirSync(join(dir, 'elsewhere'));
    const { result, before } = mountedRun(out, 'mount --bind "$6" "$1"');
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/packer is a mount point/);
    expectCleanError(result.stderr);
    expect(snapshot(out)).toEqual(before);
    expect(listAll(join(dir, 'elsewhere'))).toEqual([]);
  });

  it.runIf(asRoot)('a read-only mount: exit 1, says the file system is read-only', () => {
    const ro = join(dir, 'ro');
    mkdirSync(join(ro, 'existing'), { recursive: true });
    const answers = writeAnswers(dir, MINIMAL_YAML);
    for (const out of [join(ro, 'existing'), join(ro, 'new')]) {
      // A private mount namespace, so the read-only bind mount vanishes with the process.
      const result = spawnSync(
        'unshare',
        [
          '--mount',
          '--fork',
          'sh',
          '-c',
          'mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" "$1" || exit 99; exec "$2" "$3" --answers "$4" --out "$5"',
          'sh',
          ro,
          process.execPath,
          CLI,
          answers,
          out,
        ],
        { encoding: 'utf8' },
      );
      expect(result.status, `could not set up the read-only mount: ${result.stderr}`).not.toBe(99);
      expect(result.status, result.stderr).toBe(1);
      expect(result.stderr).toMatch(/read-only file system/);
      expectCleanError(result.stderr);
    }
    expect(listAll(ro)).toEqual(['existing']);
  });
});

// A journal exists only while a run writes or after one was killed; committed with the folder (the
// README's own `--out .` regenerates a repository), it is input from whoever made the commit.
describe('a journal and staged files committed with the folder', () => {
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  const STAGED = 'ab'.repeat(12);
  let repo: string;
  let answers: string;
  const regenerate = (...extra: string[]) => cli(['--answers', answers, '--out', '.', ...extra], { cwd: repo });
  beforeEach(() => {
    repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git/hooks'), { recursive: true });
    writeFileSync(join(repo, '.git/HEAD'), 'ref: refs/heads/main\n');
    answers = writeAnswers(dir, MINIMAL_YAML);
  });
  const manifestFiles = (): Record<string, string> =>
    JSON.parse(readFileSync(join(repo, '.ami-wizard/manifest.json'), 'utf8')).files;

  /** One journalled write of `contents` to `path`, staged, with the manifest that claims it. */
  function plantJournal(
    write: {
      path: string;
      contents: string;
      from?: string | null;
      keep?: boolean;
      staged?: string;
      unclaimed?: boolean;
    },
    removals: Array<{ path: string; hash: string }> = [],
  ): void {
    const files = existsSync(join(repo, '.ami-wizard/manifest.json')) ? manifestFiles() : {};
    const journal = {
      version: 1,
      writes: [
        {
          path: write.path,
          staged: STAGED,
          from: write.from ?? null,
          to: sha(write.contents),
          keep: write.keep ?? false,
          last: files[write.path] ?? null,
        },
      ],
      removals,
      // Unclaimed, the file is not in the manifest either, so the same run does not remove it again.
      manifest: {
        version: 1,
        generator: 'ami-wizard@0.1.0',
        files: write.unclaimed ? files : { ...files, [write.path]: sha(write.contents) },
      },
    };
    mkdirSync(join(repo, '.ami-wizard/staging'), { recursive: true });
    writeFileSync(join(repo, '.ami-wizard/staging', STAGED), write.staged ?? write.contents, { mode: 0o755 });
    writeFileSync(join(repo, '.ami-wizard/journal.json'), JSON.stringify(journal));
  }
  const leftovers = (): string[] =>
    listAll(join(repo, '.ami-wizard')).filter((f) => f !== 'manifest.json' && f !== '.gitignore');

  it('cannot write into .git: refused (exit 2) with nothing written; --force discards it and says so', () => {
    expect(regenerate().code).toBe(0);
    plantJournal({ path: '.git/hooks/pre-commit', contents: '#!/bin/sh\ntouch pwned\n', unclaimed: true });
    const refused = regenerate();
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toMatch(/journal of an interrupted run.*not valid/);
    expectCleanError(refused.stderr);
    expect(existsSync(join(repo, '.git/hooks/pre-commit'))).toBe(false);

    const forced = regenerate('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toMatch(/journal of an interrupted run .* discarded/);
    expect(existsSync(join(repo, '.git/hooks/pre-commit'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('cannot write a file this run does not generate, inside a generated folder or not', () => {
    expect(regenerate().code).toBe(0);
    for (const path of ['Makefile', 'packer/scripts/evil.sh']) {
      plantJournal({ path, contents: '#!/bin/sh\ntouch pwned\n' });
      const refused = regenerate();
      expect(refused.code, `${path}: ${refused.stdout}`).toBe(2);
      expect(refused.stderr).toContain(`it writes ${path}, which this run does not generate`);
      expect(existsSync(join(repo, path)), path).toBe(false);
    }
  });

  it('cannot leave content other than its own staged claim: a staged file that differs is refused', () => {
    expect(regenerate().code).toBe(0);
    const before = readFileSync(join(repo, 'packer/base.pkr.hcl'), 'utf8');
    const path = 'packer/base.pkr.hcl';
    plantJournal({ path, contents: 'claimed\n', from: manifestFiles()[path], staged: 'source "evil" {}\n' });
    const refused = regenerate();
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toContain(`the staged file for ${path} does not hold what the journal says`);
    expect(readFileSync(join(repo, path), 'utf8')).toBe(before);
  });

  it('cannot replace a hand-made file, nor set it aside as NAME.orig without --force', () => {
    writeFileSync(join(repo, 'README.md'), '# our project\n');
    expect(regenerate().code).toBe(1); // a conflict: the manifest does not own README.md
    plantJournal({ path: 'README.md', contents: '# evil\n', from: sha('# our project\n') });
    const refused = regenerate();
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toContain('it overwrites README.md, which is not what the last run wrote');
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# our project\n');

    plantJournal({ path: 'README.md', contents: '# evil\n', from: sha('# our project\n'), keep: true });
    const kept = regenerate();
    expect(kept.code, kept.stderr).toBe(1);
    expect(kept.stdout).toContain('conflict   README.md (not written by ami-wizard)');
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toBe('# our project\n');
    expect(existsSync(join(repo, 'README.md.orig'))).toBe(false);
    expect(leftovers()).toEqual([]);
  });

  it('removes nothing the last manifest does not hold with that hash', () => {
    expect(regenerate().code).toBe(0);
    writeFileSync(join(repo, 'notes.txt'), 'ours\n');
    for (const removal of [
      { path: 'notes.txt', hash: sha('ours\n') },
      { path: '.git/HEAD', hash: sha('ref: refs/heads/main\n') },
    ]) {
      const path = 'packer/base.pkr.hcl';
      plantJournal({ path, contents: readFileSync(join(repo, path), 'utf8'), from: manifestFiles()[path] }, [removal]);
      const refused = regenerate();
      expect(refused.code, `${removal.path}: ${refused.stdout}`).toBe(2);
      expect(existsSync(join(repo, removal.path)), removal.path).toBe(true);
    }
  });

  it('a run writes the planned files, the manifest and .ami-wizard/.gitignore, nothing else', () => {
    const result = regenerate('--json');
    expect(result.code, result.stderr).toBe(0);
    const planned = JSON.parse(result.stdout).plan.map((p: { path: string }) => p.path);
    const files = listAll(repo).filter((f) => statSync(join(repo, f)).isFile() && !f.startsWith('.git/'));
    expect(files).toEqual([...planned, '.ami-wizard/.gitignore', '.ami-wizard/manifest.json'].sort());
    expect(Object.keys(manifestFiles()).sort()).toEqual([...planned].sort());
  });

  it('.ami-wizard/.gitignore keeps a killed run’s journal and staged files out of git', () => {
    expect(spawnSync('git', ['init', '-q', repo]).status).toBe(0);
    expect(regenerate().code).toBe(0);
    mkdirSync(join(repo, '.ami-wizard/staging'));
    writeFileSync(join(repo, '.ami-wizard/staging', STAGED), 'x\n');
    writeFileSync(join(repo, '.ami-wizard/journal.json'), '{}\n');
    const status = spawnSync('git', ['status', '--porcelain', '--untracked-files=all'], {
      cwd: repo,
      encoding: 'utf8',
    });
    const untracked = status.stdout
      .split('\n')
      .filter((l) => l.startsWith('?? .ami-wizard/'))
      .map((l) => l.slice(3))
      .sort();
    expect(untracked).toEqual(['.ami-wizard/.gitignore', '.ami-wizard/manifest.json']);
  });
});

describe('a tampered manifest', () => {
  const sha = (text: string): string => createHash('sha256').update(text).digest('hex');
  let repo: string;
  let answers: string;
  const regenerate = (...extra: string[]) => cli(['--answers', answers, '--out', '.', ...extra], { cwd: repo });
  const manifestFile = (): string => join(repo, '.ami-wizard/manifest.json');
  const tamper = (patch: (files: Record<string, string>) => void): void => {
    const manifest = JSON.parse(readFileSync(manifestFile(), 'utf8'));
    patch(manifest.files);
    writeFileSync(manifestFile(), JSON.stringify(manifest));
  };
  beforeEach(() => {
    repo = join(dir, 'repo');
    mkdirSync(join(repo, '.git'), { recursive: true });
    writeFileSync(join(repo, '.git/HEAD'), 'ref: refs/heads/main\n');
    answers = writeAnswers(dir, MINIMAL_YAML);
    expect(regenerate().code).toBe(0);
  });

  it('naming .git/HEAD (any case) is refused, and .git/HEAD stays, with --force too', () => {
    for (const path of ['.git/HEAD', '.GIT/HEAD']) {
      tamper((files) => (files[path] = sha('ref: refs/heads/main\n')));
      const refused = regenerate();
      expect(refused.code, refused.stdout).toBe(2);
      expect(refused.stderr).toMatch(/manifest .* is not valid: .*version control/);
      expect(regenerate('--force').code).toBe(0);
      expect(readFileSync(join(repo, '.git/HEAD'), 'utf8')).toBe('ref: refs/heads/main\n');
    }
  });

  it('an entry ami-wizard never generates is never removed: kept and dropped from the manifest', () => {
    mkdirSync(join(repo, 'src'));
    writeFileSync(join(repo, 'src/main.c'), 'int main(void) { return 0; }\n');
    tamper((files) => (files['src/main.c'] = sha('int main(void) { return 0; }\n')));
    const again = regenerate();
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('  keep       src/main.c (ami-wizard never generates this path; left alone)');
    expect(readFileSync(join(repo, 'src/main.c'), 'utf8')).toBe('int main(void) { return 0; }\n');
    expect(JSON.parse(readFileSync(manifestFile(), 'utf8')).files).not.toHaveProperty('src/main.c');
  });

  it('--force keeps a file the manifest claims with a made-up hash as NAME.orig', () => {
    writeFileSync(join(repo, 'decision.md'), '# our decision record\n');
    tamper((files) => (files['decision.md'] = sha('anything')));
    const forced = regenerate('--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stdout).toContain('  overwrite  decision.md (yours kept as decision.md.orig)');
    expect(readFileSync(join(repo, 'decision.md.orig'), 'utf8')).toBe('# our decision record\n');
  });

  it('a path with a line break cannot print plan lines of its own', () => {
    const path = 'zz\n  remove     README.md\nNothing to generate.';
    writeFileSync(join(repo, path), 'x\n');
    tamper((files) => (files[path] = sha('x\n')));
    for (const result of [regenerate('--dry-run'), regenerate('--dry-run', '--force')]) {
      const lines = `${result.stdout}\n${result.stderr}`.split('\n');
      expect(lines).not.toContain('  remove     README.md');
      expect(lines).not.toContain('Nothing to generate.');
    }
    const refused = regenerate();
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/control character/);
    expect(existsSync(join(repo, path))).toBe(true);
  });
});

// Issue 21: while another process swapped folders under --out, some runs ended with "ami-wizard failed
// unexpectedly: ENOENT ... rename" instead of saying the folder changed.
describe('another process swapping folders under --out', () => {
  it('every run ends with a named outcome: written, a conflict, or "the folder changed"; never "failed unexpectedly"', async () => {
    assertBuilt();
    const out = join(dir, 'out');
    const answers = writeAnswers(dir, MINIMAL_YAML, 'ami-wizard.yaml');
    expect(cli(['--answers', answers, '--out', out]).code).toBe(0);
    // Moves folders the run writes into out of place and back, as fast as it can, for the whole test
    // (a rename into one then finds its folder gone). test/output/disk-errors.test.ts holds the
    // deterministic case; this one proves the whole run names it.
    const swapper = spawn(
      'sh',
      [
        '-c',
        'cd "$1" && while :; do mv packer/scripts s.tmp 2>/dev/null; mv s.tmp packer/scripts 2>/dev/null; mv config c.tmp 2>/dev/null; mv c.tmp config 2>/dev/null; done',
        'sh',
        out,
      ],
      { stdio: 'ignore', detached: true },
    );
    const swapperDone = new Promise((done) => swapper.on('exit', done));
    const outcomes: string[] = [];
    try {
      for (let run = 0; run < 20; run++) {
        const result = await new Promise<{ code: number | null; stderr: string }>((done) => {
          const child = spawn(process.execPath, [CLI, '--answers', answers, '--out', out, '--force'], {
            stdio: ['ignore', 'ignore', 'pipe'],
          });
          let stderr = '';
          child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
          child.on('close', (code) => done({ code, stderr }));
        });
        outcomes.push(`${result.code}: ${result.stderr.split('\n')[0]}`);
        expect(result.stderr, `run ${run}`).not.toMatch(/unexpectedly|\n\s+at /);
      }
    } finally {
      // The loop and the mv it is running: the whole group, then wait, so nothing moves during cleanup.
      process.kill(-swapper.pid!, 'SIGKILL');
      await swapperDone;
    }
    expect(outcomes.length).toBe(20);
  }, 120_000);
});
