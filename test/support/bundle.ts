// What the bundle's files hold and load, and when: esbuild's own account of it (its metafile), from
// a build made for the tests into a temporary folder the same way as dist/ (scripts/build.mjs --out).
// A file is one of scripts/bundle-files.mjs: it names another file through a module standing for it
// ('bundle-file:NAME', 'aws-sdk-client:CLIENT') or, for an .mjs file, an external import().
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const DIST = fileURLToPath(new URL('../../dist/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The text of a file of dist/. */
export const readChunk = (file: string): string => readFileSync(join(DIST, file), 'utf8');
/** The JavaScript files of dist/. */
export const distFiles = (): string[] => readdirSync(DIST).filter((file) => /\.m?js$/.test(file));

interface Import {
  path: string;
  kind: string;
  external?: boolean;
}
interface Metafile {
  inputs: Record<string, { imports: Import[] }>;
  outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown>; imports: Import[] }>;
}

let built: Metafile | undefined;
function metafile(): Metafile {
  if (built) return built;
  const dir = mkdtempSync(join(tmpdir(), 'ami-wizard-bundle-'));
  const result = spawnSync(
    process.execPath,
    ['scripts/build.mjs', '--out', join(dir, 'dist'), '--metafile', join(dir, 'meta.json')],
    {
      cwd: ROOT,
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`the test build failed:\n${result.stderr}`);
  built = JSON.parse(readFileSync(join(dir, 'meta.json'), 'utf8')) as Metafile;
  return built;
}

function output(file: string) {
  const entry = Object.entries(metafile().outputs).find(([path]) => basename(path) === file);
  if (!entry) throw new Error(`no ${file} in the build`);
  return entry[1];
}

/** Every module bundled into `file`, whether it runs when the file loads or later. */
export const inputsOf = (file: string): string[] => Object.keys(output(file).inputs);

// Modules of ours whose require() runs only when called: stand-ins for a package loaded on first use
// (scripts/build.mjs), and the AWS SDK file's getters (scripts/bundle-files.mjs).
const LAZY = /^(lazy-package|draft-zod-on-use|aws-sdk-clients):/;

/**
 * The modules of `file` that run when it loads: what its entry imports statically, transitively
 * (CommonJS packages' require() calls included, which run as their module runs). What it imports
 * with import() runs later, when first needed.
 */
export function eagerInputs(file: string): Set<string> {
  const { entryPoint, inputs } = output(file);
  const seen = new Set<string>();
  const visit = (input: string) => {
    if (seen.has(input) || !(input in inputs)) return;
    seen.add(input);
    if (LAZY.test(input)) return;
    for (const i of metafile().inputs[input]?.imports ?? [])
      if (!i.external && (i.kind === 'import-statement' || i.kind === 'require-call')) visit(i.path);
  };
  visit(entryPoint!);
  return seen;
}

/** The other files of dist/ that `modules` (of one file: all of them, or those run at load) name. */
function filesNamed(modules: Iterable<string>): string[] {
  const names = new Set<string>();
  for (const input of modules) {
    const standIn = /^bundle-file:(.+)$/.exec(input);
    if (standIn) names.add(standIn[1]!);
    if (input.startsWith('aws-sdk-client:')) names.add('aws-sdk.js');
    for (const i of metafile().inputs[input]?.imports ?? [])
      if (i.external && i.path.startsWith('./')) names.add(i.path.slice(2));
  }
  return [...names];
}

/** The files that load with `file`, itself first: those its modules name and run at load, transitively. */
export function loadedWith(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const eager = eagerInputs(file);
  // An .mjs file is named by an import() that only its caller's code runs: never at load.
  for (const named of filesNamed(eager)) if (!named.endsWith('.mjs')) loadedWith(named, seen);
  return seen;
}

/** Every file `file` may ever load, itself first, at once or later, transitively. */
export function mayLoad(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const named of filesNamed(inputsOf(file))) mayLoad(named, seen);
  return seen;
}

/**
 * The files every run loads before a command's own: the entry (dist/cli.js), cli-main, which the
 * entry loads at once after turning the compile cache on (source/cli.ts), and what cli-main loads.
 */
export function startFiles(): Set<string> {
  if (!filesNamed(inputsOf('cli.js')).includes('cli-main.js'))
    throw new Error('dist/cli.js does not load cli-main.js: the start-up checks would see too little');
  return new Set([...loadedWith('cli.js'), ...loadedWith('cli-main.js')]);
}
