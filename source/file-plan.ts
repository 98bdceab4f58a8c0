// Decides what to do with each generated file before anything touches the disk, so a re-run never
// clobbers a file the user edited. The reading is in readOutputState; planFiles is pure.
import { createHash } from 'node:crypto';
import { lstat, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { GeneratedFile } from '../generators/generated-file.ts';
import { FailureError, InputError } from './errors.ts';

/** Where the hashes of the last run live, relative to the output folder. */
export const MANIFEST_PATH = '.ami-wizard/manifest.json';

export interface Manifest {
  version: 1;
  /** `name@version` of the tool that wrote the files. */
  generator: string;
  /** Relative path → sha256 (hex) of the contents as generated. */
  files: Record<string, string>;
}

export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'overwrite' | 'remove' | 'keep';

export interface FilePlanEntry {
  path: string;
  action: PlanAction;
  /** Set for generated paths; absent for `remove` and `keep`. */
  file?: GeneratedFile;
}

export interface FilePlan {
  outDir: string;
  /** Sorted by path. */
  entries: FilePlanEntry[];
  conflicts: number;
  /** The manifest to write once the plan is applied. */
  manifest: Manifest;
  /** The manifest on disk already reads exactly so: applying the plan leaves it alone. */
  manifestUnchanged: boolean;
}

/** Stands in for a hash when something other than a regular file (folder, symlink…) sits at a path. */
export const NOT_A_FILE = 'not-a-regular-file';

/** A snapshot of the output folder, as far as planning needs it. */
export interface OutputState {
  outDir: string;
  /** The last run's manifest; null on a first run (or when a malformed one is ignored under --force). */
  previous: Manifest | null;
  /** The last manifest's text as read, when there was one (so applying the plan need not read it again). */
  previousText?: string;
  /** Path → sha256 of what is on disk now, null when absent, NOT_A_FILE for anything else. */
  disk: ReadonlyMap<string, string | null>;
}

/** The manifest file's text, as it is written. */
export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

export function sha256(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

/** Why `path` may not be written inside the output folder, or null when it may. */
function unsafePathReason(path: string): string | null {
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is not a relative path';
  if (path.includes('\\') || path.includes('\0')) return 'it contains a backslash or NUL';
  if (path.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    return 'it has an empty, "." or ".." segment';
  }
  if (path === '.ami-wizard' || path.startsWith('.ami-wizard/')) return '.ami-wizard/ is reserved for the manifest';
  return null;
}

// A generator producing such a path is a bug, not bad input: hence a plain Error.
function assertGeneratedPath(path: string): void {
  const reason = unsafePathReason(path);
  if (reason) throw new Error(`Generated path ${JSON.stringify(path)} is not allowed: ${reason}.`);
}

function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  if (typeof data !== 'object' || data === null) return 'it is not a JSON object';
  const { version, generator, files } = data as Record<string, unknown>;
  if (version !== 1) return `unknown version ${JSON.stringify(version)}`;
  if (typeof generator !== 'string') return '"generator" is not a string';
  if (typeof files !== 'object' || files === null || Array.isArray(files)) return '"files" is not an object';
  for (const [path, hash] of Object.entries(files)) {
    // The manifest decides what gets deleted, so a path escaping the folder must never be trusted.
    const reason = unsafePathReason(path);
    if (reason) return `entry ${JSON.stringify(path)} is not allowed (${reason})`;
    if (typeof hash !== 'string' || !/^[0-9a-f]{64}$/.test(hash)) return `entry ${JSON.stringify(path)} has no sha256`;
  }
  return { version, generator, files: files as Record<string, string> };
}

function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

async function readManifest(outDir: string, force: boolean): Promise<{ previous: Manifest | null; previousText?: string }> {
  const file = join(outDir, MANIFEST_PATH);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return { previous: null };
    if (code !== 'EISDIR') throw error;
    text = '';
  }
  const parsed = parseManifest(text);
  if (typeof parsed !== 'string') return { previous: parsed, previousText: text };
  if (force) return { previous: null, previousText: text };
  throw new InputError(
    `The manifest ${file} is not valid: ${parsed}.\n` +
      `Delete ${MANIFEST_PATH} in that folder, or re-run with --force (edited files will then be overwritten).`,
  );
}

async function hashOnDisk(file: string): Promise<string | null> {
  try {
    // lstat, not stat: we never read or judge a file through a symlink.
    if (!(await lstat(file)).isFile()) return NOT_A_FILE;
    return sha256(await readFile(file));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FailureError(`Cannot read ${file}: permission denied.\nFix its permissions or choose another --out folder.`);
    }
    throw error;
  }
}

/**
 * Reads the last manifest and hashes the files at `paths` and at every path in that manifest.
 * With `force`, a malformed manifest is ignored instead of stopping the run.
 */
export async function readOutputState(
  outDir: string,
  paths: readonly string[],
  options: { force?: boolean } = {},
): Promise<OutputState> {
  paths.forEach(assertGeneratedPath);
  try {
    if (!(await stat(outDir)).isDirectory()) {
      throw new InputError(`--out DIR names a file, not a folder: ${outDir}\nChoose a folder path.`);
    }
  } catch (error) {
    // A missing folder (or one below a file) is simply empty here; writing will create it or report it.
    const code = errorCode(error);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
  }
  const { previous, previousText } = await readManifest(outDir, options.force ?? false);
  const all = [...new Set([...paths, ...Object.keys(previous?.files ?? {})])];
  const hashes = await Promise.all(all.map((path) => hashOnDisk(join(outDir, path))));
  return { outDir, previous, previousText, disk: new Map(all.map((path, i) => [path, hashes[i] ?? null])) };
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** Decides an action for every generated file and every file the last run generated. Pure. */
export function planFiles(
  state: OutputState,
  files: readonly GeneratedFile[],
  options: { force: boolean; generator: string },
): FilePlan {
  const oldFiles = state.previous?.files ?? {};
  const lastHash = (path: string): string | undefined => (Object.hasOwn(oldFiles, path) ? oldFiles[path] : undefined);
  const onDisk = (path: string): string | null => {
    // A path the snapshot never looked at would read as absent and get overwritten blindly.
    if (!state.disk.has(path)) throw new Error(`planFiles: ${path} is missing from the output state.`);
    return state.disk.get(path) ?? null;
  };

  const entries: FilePlanEntry[] = [];
  const newHashes = new Map<string, string>();
  const generated = new Set<string>();
  for (const file of files) {
    assertGeneratedPath(file.path);
    if (generated.has(file.path)) throw new Error(`Generated path ${file.path} appears twice.`);
    generated.add(file.path);
    const hash = sha256(file.contents);
    const current = onDisk(file.path);
    const last = lastHash(file.path);
    let action: PlanAction;
    if (current === null) action = 'create';
    else if (current === hash) action = 'unchanged';
    else if (current === last) action = 'update';
    else action = options.force ? 'overwrite' : 'conflict';
    // A conflict keeps its old hash (or none) so the next run still sees the file as edited.
    if (action !== 'conflict') newHashes.set(file.path, hash);
    else if (last !== undefined) newHashes.set(file.path, last);
    entries.push({ path: file.path, action, file });
  }

  for (const [path, last] of Object.entries(oldFiles)) {
    if (generated.has(path)) continue;
    const current = onDisk(path);
    if (current === null) continue; // already gone: nothing to do
    // A kept file leaves the manifest: from now on it belongs to the user.
    entries.push({ path, action: current === last ? 'remove' : 'keep' });
  }

  entries.sort(byPath);
  const sortedHashes = [...newHashes].sort(([a], [b]) => byPath({ path: a }, { path: b }));
  const manifest: Manifest = { version: 1, generator: options.generator, files: Object.fromEntries(sortedHashes) };
  return {
    outDir: state.outDir,
    entries,
    conflicts: entries.filter((e) => e.action === 'conflict').length,
    manifest,
    manifestUnchanged: state.previousText === manifestText(manifest),
  };
}

const SUMMARY: ReadonlyArray<[PlanAction, (n: number) => string]> = [
  ['create', (n) => `${n} to create`],
  ['update', (n) => `${n} to update`],
  ['overwrite', (n) => `${n} to overwrite`],
  ['remove', (n) => `${n} to remove`],
  ['unchanged', (n) => `${n} unchanged`],
  ['keep', (n) => `${n} kept`],
  ['conflict', (n) => `${n} ${n === 1 ? 'conflict' : 'conflicts'}`],
];

/** The summary line, then hints about conflicts and kept files. */
export function planSummaryLines(plan: FilePlan): string[] {
  const counts = SUMMARY.map(([action, label]) => {
    const n = plan.entries.filter((e) => e.action === action).length;
    return n > 0 ? label(n) : null;
  }).filter((s): s is string => s !== null);
  const lines = [counts.length > 0 ? counts.join(', ') : 'Nothing to generate.'];
  if (plan.conflicts > 0) {
    const what = plan.conflicts === 1 ? 'The conflicting file was' : 'The conflicting files were';
    lines.push(`${what} edited since the last run; left as is. Re-run with --force to overwrite.`);
  }
  if (plan.entries.some((e) => e.action === 'keep')) {
    lines.push('Kept files are no longer generated but were edited since the last run; left as is.');
  }
  return lines;
}

/** One line per path, then the summary and hints. */
export function formatPlan(plan: FilePlan): string {
  return [...plan.entries.map((e) => `  ${e.action.padEnd(11)}${e.path}`), ...planSummaryLines(plan)].join('\n');
}
