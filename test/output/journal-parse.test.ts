// A journal names paths to replace and delete, so it is read as untrusted input (journal.ts:
// parseJournal). Writes now commit side by side, so two writes that touch the same file, one by
// name and one by the other's case or through a folder the other one is, must be refused up front:
// committed in parallel, which one wins would be left to chance.
import { describe, expect, it } from 'vitest';
import { parseJournal } from '../../source/output/journal.ts';

const HASH = 'a'.repeat(64);
const staged = (n: number) => n.toString(16).padStart(24, '0');
const write = (path: string, n: number) => ({ path, staged: staged(n), from: null, to: HASH, keep: false, last: null });
const journal = (writes: unknown[]) =>
  JSON.stringify({
    version: 1,
    writes,
    removals: [],
    manifest: { version: 1, generator: 'ami-wizard 0.1.0', files: {} },
  });

describe('parseJournal: writes that would race', () => {
  it('takes writes of distinct files', () => {
    expect(typeof parseJournal(journal([write('packer/base.pkr.hcl', 1), write('packer/role.pkr.hcl', 2)]))).toBe(
      'object',
    );
  });

  it('refuses two writes of the same staged file', () => {
    expect(parseJournal(journal([write('a.txt', 1), write('b.txt', 1)]))).toMatch(/staged file .*twice/);
  });

  it('refuses paths that differ only in case (one file on a case-insensitive disk)', () => {
    expect(parseJournal(journal([write('README.md', 1), write('readme.md', 2)]))).toMatch(/written twice/);
  });

  it('refuses a path that is a folder of another path', () => {
    expect(parseJournal(journal([write('docs', 1), write('docs/decision.md', 2)]))).toMatch(/folder of/);
  });
});
