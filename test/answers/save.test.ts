// Saving the answers file from the workshop board: atomic, never through a symlink, and an
// interrupted save leaves no temporary file behind for long.
import { chmod, lstat, mkdtemp, readdir, readFile, realpath, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultGuidance } from '../../questionnaire/questions.ts';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { FailureError } from '../../source/errors.ts';
import { saveGuidance } from '../../source/answers/save.ts';

const guidance = { ...defaultGuidance(), automationExperience: 'new' } as GuidanceAnswers;
let dir: string;
beforeEach(async () => {
  dir = await realpath(await mkdtemp(join(tmpdir(), 'ami-wizard-save-')));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe('saving the answers file', () => {
  it('never writes through a symlink: the file it points to stays as it was', async () => {
    const target = join(dir, 'precious.yaml');
    await writeFile(target, 'version: 1\nproject:\n  name: precious\n');
    const file = join(dir, 'ami-wizard.yaml');
    await symlink(target, file);
    const error = await saveGuidance(file, guidance, 'shop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(/symlink/);
    expect(await readFile(target, 'utf8')).toBe('version: 1\nproject:\n  name: precious\n');
    expect((await lstat(file)).isSymbolicLink()).toBe(true);
  });

  it('clears what an interrupted save left, and leaves nothing itself', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    await writeFile(join(dir, '.ami-wizard.yaml.0123456789ab.tmp'), 'half a save');
    await writeFile(join(dir, '.other.yaml.0123456789ab.tmp'), 'not ours to judge');
    await saveGuidance(file, guidance, 'shop');
    expect((await readdir(dir)).sort()).toEqual(['.other.yaml.0123456789ab.tmp', 'ami-wizard.yaml']);
  });

  it('keeps the file’s permissions', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    await writeFile(file, 'version: 1\nproject:\n  name: shop\n');
    await chmod(file, 0o600);
    await saveGuidance(file, guidance, 'shop');
    expect((await lstat(file)).mode & 0o777).toBe(0o600);
    expect(await readFile(file, 'utf8')).toContain('automationExperience: new');
  });
});

// Issue 21: the workshop's save read whatever was at the path, however large, and waited for ever on a
// FIFO; the tool then refused the file it had written. Saving applies the bounds loading does.
describe('saving applies the bounds of loading', () => {
  it('a FIFO at the path is refused at once, not read', async () => {
    const { spawnSync } = await import('node:child_process');
    const file = join(dir, 'ami-wizard.yaml');
    expect(spawnSync('mkfifo', [file]).status).toBe(0);
    const error = await saveGuidance(file, guidance, 'shop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(/Cannot save .*ami-wizard\.yaml: it is not a regular file/);
    expect((await lstat(file)).isFIFO()).toBe(true);
  }, 10_000);

  it('a file larger than an answers file may be is refused and left as it is', async () => {
    const file = join(dir, 'ami-wizard.yaml');
    const big = `version: 1\nproject:\n  name: big\n# ${'x'.repeat(300 * 1024)}\n`;
    await writeFile(file, big);
    const error = await saveGuidance(file, guidance, 'shop').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(/holds more than 262144 bytes/);
    expect(await readFile(file, 'utf8')).toBe(big);
  });

  it('the --answers file it starts from is bounded the same way', async () => {
    const base = join(dir, 'team.yaml');
    await writeFile(base, `version: 1\nproject:\n  name: big\n# ${'x'.repeat(300 * 1024)}\n`);
    const error = await saveGuidance(join(dir, 'copy.yaml'), guidance, 'shop', base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(FailureError);
    expect((error as Error).message).toMatch(/team\.yaml holds more than 262144 bytes/);
    expect((await readdir(dir)).sort()).toEqual(['team.yaml']);
  });
});
