// One --templates file as the reader takes it (source/template-modules/read.ts): a regular file's
// text; anything else (a FIFO swapped in after the folder was listed) refused at once, never waited on.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { InputError } from '../../source/errors.ts';
import { readTemplateFile } from '../../source/template-modules/read.ts';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ami-wizard-template-file-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('readTemplateFile', () => {
  it('reads a regular file', () => {
    writeFileSync(join(dir, 'README.md.hbs'), '# {{project.name}}\n');
    expect(readTemplateFile(join(dir, 'README.md.hbs'))).toBe('# {{project.name}}\n');
  });

  it('refuses a FIFO at once, naming it', () => {
    const fifo = join(dir, 'README.md.hbs');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(() => readTemplateFile(fifo)).toThrow(InputError);
    expect(() => readTemplateFile(fifo)).toThrow(`${fifo} is not a regular file; a template module is one.`);
  });
});
