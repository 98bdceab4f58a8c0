// One --templates file as the reader takes it (source/template-modules/read.ts): a regular file's
// text; anything else swapped in after the folder was listed (a FIFO, a symlink) refused at once,
// never waited on or followed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
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
    // A reader that waited for a writer would block this process: this writer comes after 20 s, so
    // such a reader fails the test below (it would wait 20 s) instead of hanging the run.
    const writer = spawn('sh', ['-c', 'sleep 20; exec 3>"$0"; sleep 60', fifo], { stdio: 'ignore' });
    try {
      const started = Date.now();
      const error = (() => {
        try {
          readTemplateFile(fifo);
        } catch (thrown) {
          return thrown;
        }
      })();
      expect(Date.now() - started, 'waited for a writer').toBeLessThan(10_000);
      expect(error).toBeInstanceOf(InputError);
      expect((error as Error).message).toBe(`${fifo} is not a regular file; a template module is one.`);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('refuses a symlink, even to a template, naming it', () => {
    writeFileSync(join(dir, 'real.hbs'), '# {{project.name}}\n');
    symlinkSync(join(dir, 'real.hbs'), join(dir, 'README.md.hbs'));
    expect(() => readTemplateFile(join(dir, 'README.md.hbs'))).toThrow(
      `${join(dir, 'README.md.hbs')} is a symlink; a template module is a regular file.`,
    );
  });
});
