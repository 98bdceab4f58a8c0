// The built bundle (dist/), and what its files hold and load, and when: scripts/bundle-account.mjs
// over esbuild's account of a build made for the tests into a temporary folder the same way as
// dist/ (scripts/build.mjs --out).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleAccount } from '../../scripts/bundle-account.mjs';
import type { BundleAccount } from '../../scripts/bundle-account.mjs';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of a file of dist/. */
export const readDistFile = (file: string): string => readFileSync(join(DIST, file), 'utf8');
/** The JavaScript files of dist/. */
export const distFiles = (): string[] => readdirSync(DIST).filter((file) => /\.m?js$/.test(file));

let built: BundleAccount | undefined;
/** esbuild's account of a build the same as dist/'s, made once per test process. */
function account(): BundleAccount {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-bundle-'));
  const result = spawnSync(
    process.execPath,
    ['scripts/build.mjs', '--out', join(dir, 'dist'), '--metafile', join(dir, 'meta.json')],
    { cwd: ROOT, encoding: 'utf8' },
  );
  try {
    if (result.status !== 0) throw new Error(`the test build failed:\n${result.stderr}`);
    built = bundleAccount(JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')));
    return built;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const inputsOf = (file: string): string[] => account().inputsOf(file);
export const eagerInputs = (file: string): Set<string> => account().eagerInputs(file);
export const loadedWith = (file: string): Set<string> => account().loadedWith(file);
export const mayLoad = (file: string): Set<string> => account().mayLoad(file);
export const startFiles = (): Set<string> => account().startFiles();
