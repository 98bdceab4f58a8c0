// Decides what to do with each generated file before anything touches the disk, so a re-run never
// clobbers a file the user edited, never follows a symlink and never overwrites a file ami-wizard did
// not write. Reading the folder is in state.ts, the plan's words in plan-text.ts; planFiles is pure.
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { isGeneratablePath } from './generated-paths.ts';
import { manifestText, sha256, unsafePathReason, type Manifest } from './manifest.ts';
import type { Journal } from './journal.ts';

export type PlanAction = 'create' | 'update' | 'unchanged' | 'conflict' | 'overwrite' | 'replace' | 'remove' | 'keep';

export interface FilePlanEntry {
  path: string;
  action: PlanAction;
  /** Set for generated paths; absent for `remove`, `keep` and a replaced link in .ami-wizard/. */
  file?: GeneratedFile;
  /** conflict, keep: why the path is left alone, for people (absent for a file edited since the last run). */
  reason?: string;
  /** replace, overwrite: the name what was there is kept under (NAME.orig, NAME.orig.1, …). */
  keptAs?: string;
  /** The symlink at or above `path` (the path itself or a folder): never followed; --force removes the link. */
  symlink?: string;
  /** What was at `path` when planned (sha256, null for nothing, NOT_A_FILE): the writer changes only that. */
  found?: string | null;
}

export interface FilePlan {
  outDir: string;
  /** Sorted by path. */
  entries: FilePlanEntry[];
  conflicts: number;
  /** The manifest to write once the plan is applied. */
  manifest: Manifest;
  /** The last run's manifest entries, for the paths the writer may end up leaving as they were. */
  previousFiles: Readonly<Record<string, string>>;
  /** The manifest on disk already reads exactly so: applying the plan leaves it alone. */
  manifestUnchanged: boolean;
  /** What becomes of an interrupted run's journal before this plan is applied. */
  interrupted?: Interrupted;
}

/** An interrupted run's journal that matches this run is finished first; under --force, one that does not is discarded. */
export type Interrupted = { finish: Journal } | { discard: string };

/** Stands in for a hash when something other than a regular file (folder, FIFO…) sits at a path. */
export const NOT_A_FILE = 'not-a-regular-file';

/** A snapshot of the output folder, as far as planning needs it. */
export interface OutputState {
  /** The real folder (symlinks in --out itself resolved). */
  outDir: string;
  /** The last run's manifest (rolled forward when a run was interrupted); null on a first run. */
  previous: Manifest | null;
  /** The last manifest's text as read, when it is what applying leaves on disk unless changed. */
  previousText?: string;
  /** Path → sha256 of what is on disk now, null when absent, NOT_A_FILE for anything else. */
  disk: ReadonlyMap<string, string | null>;
  /** Path → the symlink at or above it. Such paths are never read, written or deleted through. */
  links?: ReadonlyMap<string, string>;
  /** Path → a free name to keep what is there under (NAME.orig…), for paths the manifest does not own. */
  origNames?: ReadonlyMap<string, string>;
  /** Under --force only: a symlink in .ami-wizard/ to replace (at .ami-wizard/ or the manifest: no manifest was read). */
  metaSymlink?: string;
  /** The journal of an interrupted run, checked against this run (`previous` is already rolled forward by it). */
  interrupted?: Interrupted;
}

// A generator producing such a path is a bug, not bad input: hence a plain Error.
export function assertGeneratedPath(path: string): void {
  const reason = unsafePathReason(path);
  if (reason) throw new Error(`Generated path ${JSON.stringify(path)} is not allowed: ${reason}.`);
  if (!isGeneratablePath(path)) {
    throw new Error(
      `Generated path ${JSON.stringify(path)} is outside the paths ami-wizard generates: add its folder to source/output/generated-paths.ts.`,
    );
  }
}

const byPath = (a: { path: string }, b: { path: string }): number => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

const symlinkReason = (link: string): string => `${link} is a symlink; never followed`;
/** Why a manifest entry outside generated-paths.ts is not removed: the manifest is untrusted input. */
export const NOT_GENERATABLE = 'ami-wizard never generates this path; left alone';

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
  if (state.metaSymlink)
    entries.push({ path: state.metaSymlink, action: 'replace', symlink: state.metaSymlink, found: null });
  const newHashes = new Map<string, string>();
  const generated = new Set<string>();
  for (const file of files) {
    assertGeneratedPath(file.path);
    if (generated.has(file.path)) throw new Error(`Generated path ${file.path} appears twice.`);
    generated.add(file.path);
    const entry = planGenerated(file, onDisk(file.path), lastHash(file.path), state, options.force);
    // A conflict keeps its old hash (or none) so the next run still sees the file as edited.
    const last = lastHash(file.path);
    if (entry.action !== 'conflict') newHashes.set(file.path, sha256(file.contents));
    else if (last !== undefined) newHashes.set(file.path, last);
    entries.push(entry);
  }

  for (const [path, last] of Object.entries(oldFiles)) {
    if (generated.has(path)) continue;
    const current = onDisk(path);
    const link = state.links?.get(path);
    // Nothing behind a symlink is ever deleted: the link may lead anywhere.
    if (link) entries.push({ path, action: 'keep', symlink: link, reason: symlinkReason(link) });
    else if (current === null)
      continue; // already gone: nothing to do
    // Whatever hash a tampered manifest claims, a file ami-wizard could not have written is not its own.
    else if (!isGeneratablePath(path)) entries.push({ path, action: 'keep', reason: NOT_GENERATABLE });
    // A kept file leaves the manifest: from now on it belongs to the user.
    else entries.push(current === last ? { path, action: 'remove', found: last } : { path, action: 'keep' });
  }

  entries.sort(byPath);
  const sortedHashes = [...newHashes].sort(([a], [b]) => byPath({ path: a }, { path: b }));
  const manifest: Manifest = { version: 1, generator: options.generator, files: Object.fromEntries(sortedHashes) };
  return {
    outDir: state.outDir,
    entries,
    conflicts: entries.filter((e) => e.action === 'conflict').length,
    manifest,
    previousFiles: oldFiles,
    manifestUnchanged: state.previousText === manifestText(manifest),
    ...(state.interrupted && { interrupted: state.interrupted }),
  };
}

function planGenerated(
  file: GeneratedFile,
  current: string | null,
  last: string | undefined,
  state: OutputState,
  force: boolean,
): FilePlanEntry {
  const path = file.path;
  const link = state.links?.get(path);
  if (link) {
    // --force removes the link itself; then nothing is at the path.
    return force
      ? { path, action: 'replace', file, symlink: link, found: null }
      : { path, action: 'conflict', file, symlink: link, reason: symlinkReason(link) };
  }
  if (current === null) return { path, action: 'create', file, found: null };
  if (current === sha256(file.contents)) return { path, action: 'unchanged', file };
  if (current !== NOT_A_FILE && last !== undefined) {
    if (current === last) return { path, action: 'update', file, found: current };
    // Edited since ami-wizard wrote it, or claimed by a manifest with a made-up hash: the two look the
    // same, so --force overwrites as asked but sets what is there aside, exactly as for a file ami-wizard never wrote.
    if (!force) return { path, action: 'conflict', file };
    return { path, action: 'overwrite', file, keptAs: state.origNames?.get(path) ?? `${path}.orig`, found: current };
  }
  // Something ami-wizard never wrote (or a folder) is in the way: --force sets it aside, never destroys it.
  if (force)
    return { path, action: 'replace', file, keptAs: state.origNames?.get(path) ?? `${path}.orig`, found: current };
  return {
    path,
    action: 'conflict',
    file,
    reason: current === NOT_A_FILE ? 'a folder or special file is in the way' : 'not written by ami-wizard',
  };
}

export type ConflictKind = 'edited' | 'notOurs' | 'symlink';
/** Why a conflict is left alone: edited since the last run, not written by ami-wizard, or behind a symlink. */
export const conflictKind = (entry: FilePlanEntry): ConflictKind =>
  entry.symlink ? 'symlink' : entry.reason ? 'notOurs' : 'edited';

/** The actions that write a generated file's contents. */
export const WRITES: ReadonlySet<PlanAction> = new Set(['create', 'update', 'overwrite', 'replace']);

/** How many paths applying the plan changes on disk: the files it writes and the ones it removes. */
export const changeCount = (plan: FilePlan): number =>
  plan.entries.filter((e) => WRITES.has(e.action) || e.action === 'remove').length;

/** True when every conflict is a generated file edited since the last run (the common case). */
export function onlyEditedConflicts(plan: FilePlan): boolean {
  return plan.entries.every((e) => e.action !== 'conflict' || conflictKind(e) === 'edited');
}
