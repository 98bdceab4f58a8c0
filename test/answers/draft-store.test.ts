// Kept drafts on disk: written atomically and privately, read through the bounded reader, and a
// file that is not a draft we wrote (a pipe, a link, a huge file, someone else's) ignored, never waited on.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftText } from '../../source/answers/draft-file.ts';
import { keepDraft, readKeptDraft, removeDraft } from '../../source/answers/draft-store.ts';
import { emptyDraft } from '../../source/answers/draft.ts';
import { tempDir } from '../support/answers.ts';

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir('ami-wizard-drafts-')));
afterEach(() => cleanup());

const NOW = new Date();
const text = (savedAt = NOW) => {
  const draft = emptyDraft();
  draft.project.name = 'web-shop';
  return draftText(draft, 'os', savedAt)!;
};

describe('keeping a draft', () => {
  it('makes the folder private (0700) and the file 0600, and leaves no temp file', async () => {
    const file = join(dir, 'state', 'drafts', 'abc.yaml');
    expect(await keepDraft(file, text(), join(dir, 'project', 'ami-build'))).toBeUndefined();
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(join(dir, 'state', 'drafts')).mode & 0o777).toBe(0o700);
    expect(readdirSync(join(dir, 'state', 'drafts'))).toEqual(['abc.yaml']);
    // Replaced whole the next time, never written through a link that was put there.
    symlinkSync(join(dir, 'elsewhere'), join(dir, 'state', 'drafts', 'abc.yaml.link'));
    expect(await keepDraft(file, text(), join(dir, 'project', 'ami-build'))).toBeUndefined();
    expect((await readKeptDraft(file, NOW))?.kind).toBe('fresh');
  });

  it('refuses a state folder inside the output folder, and a drafts folder that is a link', async () => {
    const out = join(dir, 'project', 'ami-build');
    expect(await keepDraft(join(out, 'state', 'drafts', 'a.yaml'), text(), out)).toMatch(/inside the output folder/);
    expect(existsSync(out)).toBe(false);
    mkdirSync(join(dir, 'target'));
    mkdirSync(join(dir, 'linked'));
    symlinkSync(join(dir, 'target'), join(dir, 'linked', 'drafts'));
    expect(await keepDraft(join(dir, 'linked', 'drafts', 'a.yaml'), text(), out)).toMatch(/is not a folder/);
    expect(readdirSync(join(dir, 'target'))).toEqual([]);
  });

  it('says why when the folder cannot be made', async () => {
    writeFileSync(join(dir, 'file'), '');
    expect(await keepDraft(join(dir, 'file', 'drafts', 'a.yaml'), text(), join(dir, 'out'))).toMatch(
      /ENOTDIR|EEXIST|not a directory|file already exists/i,
    );
  });
});

describe('reading a draft', () => {
  it('none there: nothing to offer', async () => {
    expect(await readKeptDraft(join(dir, 'none.yaml'), NOW)).toBeUndefined();
  });

  it('an expired draft is removed when found', async () => {
    const file = join(dir, 'old.yaml');
    writeFileSync(file, text(new Date(NOW.getTime() - 8 * 24 * 60 * 60 * 1000)));
    expect((await readKeptDraft(file, NOW))?.kind).toBe('expired');
    expect(existsSync(file)).toBe(false);
  });

  it('a FIFO is ignored at once, not waited on', async () => {
    const file = join(dir, 'fifo.yaml');
    execFileSync('mkfifo', [file]);
    const started = Date.now();
    expect(await readKeptDraft(file, NOW)).toEqual({ kind: 'invalid', reason: 'it is not a regular file' });
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a symlink (to /dev/zero, or to a real draft) is ignored', async () => {
    symlinkSync('/dev/zero', join(dir, 'zero.yaml'));
    expect((await readKeptDraft(join(dir, 'zero.yaml'), NOW))?.kind).toBe('invalid');
    writeFileSync(join(dir, 'real.yaml'), text());
    symlinkSync(join(dir, 'real.yaml'), join(dir, 'link.yaml'));
    expect((await readKeptDraft(join(dir, 'link.yaml'), NOW))?.kind).toBe('invalid');
  });

  it('an oversize, binary or corrupt file is ignored with a reason', async () => {
    const cases: [string, string | Buffer, RegExp][] = [
      ['big.yaml', `# ${'x'.repeat(300 * 1024)}\n${text()}`, /it holds more than \d+ bytes/],
      ['nul.yaml', Buffer.from([0x61, 0, 0x62]), /not a text file/],
      ['latin1.yaml', Buffer.from([0x61, 0xe9, 0x0a]), /not UTF-8/],
      ['corrupt.yaml', 'savedAt: [', /not YAML/],
    ];
    for (const [name, contents, reason] of cases) {
      writeFileSync(join(dir, name), contents);
      const kept = await readKeptDraft(join(dir, name), NOW);
      expect(kept?.kind, name).toBe('invalid');
      if (kept?.kind === 'invalid') expect(kept.reason, name).toMatch(reason);
    }
  });

  it('removing a draft that is not there is not an error', async () => {
    await expect(removeDraft(join(dir, 'none.yaml'))).resolves.toBeUndefined();
  });
});
