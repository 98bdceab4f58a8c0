// The package as npx users get it: pack the tarball, install it offline into an empty project, and
// run the installed bin. Catches a file missing from "files" and any runtime dependency left behind.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';

const root = new URL('../../', import.meta.url).pathname;
const work = tempDir('ami-wizard-package-');
let app: string;
let bin: string;
let tarball: string;
// A synchronous child blocks the worker, so vitest's own timeout cannot end it: each is killed instead.
const BOUNDED = { timeout: 100_000, killSignal: 'SIGKILL' } as const;

beforeAll(() => {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work.dir], {
      cwd: root,
      encoding: 'utf8',
      ...BOUNDED,
    }),
  );
  tarball = join(work.dir, packed[0].filename);
  app = join(work.dir, 'app');
  execFileSync('mkdir', ['-p', app]);
  writeFileSync(join(app, 'package.json'), '{"name":"app","private":true}\n');
  // --offline: the tarball must carry everything; nothing may come from the registry.
  execFileSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], {
    cwd: app,
    encoding: 'utf8',
    ...BOUNDED,
  });
  bin = join(app, 'node_modules/.bin/ami-wizard');
}, 120_000);
afterAll(() => work.cleanup());

const installed = (args: string[]) =>
  spawnSync(bin, args, { cwd: app, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], ...BOUNDED });

describe('the packed package', () => {
  it('installs as one package with no dependencies', () => {
    const modules = readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'));
    expect(modules).toEqual(['ami-wizard']);
  });

  it('runs --version and --help from the installed bin', () => {
    expect(installed(['--version']).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(installed(['--help']).stdout).toContain('--answers');
  });

  it('generates every example from the installed bin', () => {
    for (const example of ['fully-baked', 'hybrid', 'jeos']) {
      const out = join(app, `out-${example}`);
      const result = installed([
        '--answers',
        join(app, 'node_modules/ami-wizard/examples', `${example}.yaml`),
        '--out',
        out,
      ]);
      expect(result.status, result.stderr).toBe(0);
      expect(existsSync(join(out, 'packer/base.pkr.hcl'))).toBe(true);
    }
  });

  it('ships the JSON Schema and the templates a team can overlay', () => {
    const pkg = join(app, 'node_modules/ami-wizard');
    expect(existsSync(join(pkg, 'schema/ami-wizard.schema.json'))).toBe(true);
    expect(existsSync(join(pkg, 'templates/packer/base.pkr.hcl.hbs'))).toBe(true);
    expect(installed(['schema']).stdout).toContain('"guidance"');
  });
});
