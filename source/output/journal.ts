// A run's writes as a small transaction. New contents are staged (fsync'd) in .ami-wizard/staging/,
// then .ami-wizard/journal.json records what is about to change; only then are files renamed into
// place and removed, the manifest written and the journal deleted. A run killed at any point leaves
// either no journal (nothing changed yet; staged files are litter the next run clears) or a journal
// the next run finishes. Each step checks the path first, so finishing twice changes nothing, and
// a file somebody edited after the interruption is never overwritten.
import { randomBytes } from 'node:crypto';
import { readdirSync, rmdirSync, unlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asFailure } from './disk-errors.ts';
import { errorCode } from '../errors.ts';
import { NOT_A_FILE } from './plan.ts';
import {
  JOURNAL_PATH,
  LIMITS,
  MANIFEST_PATH,
  META_DIR,
  META_IGNORE_PATH,
  STAGING_DIR,
  isSha256,
  manifestFrom,
  manifestText,
  shownPath,
  unsafePathReason,
  type Manifest,
} from './manifest.ts';
import {
  writeNewFile,
  assertRealParents,
  ensureFolders,
  firstFreeOrig,
  hashRegularFile,
  inspect,
  readSmallFile,
  renameInside,
  requireFolder,
  syncFolder,
  eachBounded,
  tried,
  type Found,
} from './safe-path.ts';

/** How many independent paths the writer works on at once. */
export const PARALLEL_PATHS = 16;

export interface JournalWrite {
  path: string;
  /** The staged file's name in .ami-wizard/staging/. */
  staged: string;
  /** What the path held when planned: a sha256, null (nothing) or NOT_A_FILE. */
  from: string | null;
  /** The sha256 of the staged contents. */
  to: string;
  /** What is at the path was not written by ami-wizard: move it to NAME.orig first. */
  keep: boolean;
  /** The manifest entry to leave if this write does not happen (the last run's hash, or none). */
  last: string | null;
}

export interface JournalRemoval {
  path: string;
  /** Removed only while it still holds exactly this. */
  hash: string;
}

export interface Journal {
  version: 1;
  writes: JournalWrite[];
  removals: JournalRemoval[];
  /** The manifest once every write and removal is done. */
  manifest: Manifest;
}

/** What a path holds, as the journal compares it: a sha256, null, NOT_A_FILE, or a link on the way. */
export const SYMLINK = 'symlink-on-the-way';
export type PathHash = string | null;

/** Looks at a path without following links, fresh (for writing) or through the snapshot's cache. */
export async function pathHash(
  root: string,
  rel: string,
  cache?: Parameters<typeof inspect>[2],
): Promise<{ hash: PathHash; link?: string }> {
  const found = await inspect(root, rel, cache);
  switch (found.kind) {
    case 'missing':
    case 'below-file':
      return { hash: null };
    case 'symlink':
      return { hash: SYMLINK, link: found.at };
    case 'folder':
    case 'other':
      return { hash: NOT_A_FILE };
    case 'file': {
      const hash = await hashRegularFile(join(root, rel));
      if (hash === 'symlink') return { hash: SYMLINK, link: rel };
      return { hash: hash === 'other' ? NOT_A_FILE : hash };
    }
  }
}

type WriteStep = 'done' | 'apply' | 'skip';
/** The staged file of a write: there with the journal's contents, gone (moved into place), or anything else. */
type Staged = 'present' | 'missing' | 'wrong';

/**
 * What to do with one journalled write, given its staged file and what the path holds now. A staged
 * file is deleted only after the journal, so a missing one means the write was done; one that does
 * not hold what the journal says is never moved into place.
 */
function writeStep(write: JournalWrite, staged: Staged, current: PathHash): WriteStep {
  if (staged === 'missing' || current === write.to) return 'done';
  if (staged === 'wrong') return 'skip';
  if (current === SYMLINK) return 'skip';
  if (current === write.from || current === null) return 'apply';
  return 'skip'; // changed since it was planned: somebody's edit, left alone
}

/** Applies the steps' outcome to the manifest: a write that does not happen leaves the last entry. */
export function settledManifest(journal: Journal, skipped: readonly JournalWrite[]): Manifest {
  const files = new Map(Object.entries(journal.manifest.files));
  for (const write of skipped) {
    if (write.last === null) files.delete(write.path);
    else files.set(write.path, write.last);
  }
  const sorted = [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return { ...journal.manifest, files: Object.fromEntries(sorted) };
}

/**
 * The folder as it will be once `journal` is finished, without touching it: so a dry run, which
 * writes nothing, plans from the truth. `disk` maps each journal path to its PathHash.
 */
export function rollForward(
  journal: Journal,
  disk: ReadonlyMap<string, PathHash>,
  stagedPresent: ReadonlySet<string>,
): { manifest: Manifest; disk: Map<string, PathHash> } {
  const after = new Map(disk);
  for (const removal of journal.removals) {
    if (after.get(removal.path) === removal.hash) after.set(removal.path, null);
  }
  const skipped: JournalWrite[] = [];
  for (const write of journal.writes) {
    const step = writeStep(
      write,
      stagedPresent.has(write.staged) ? 'present' : 'missing',
      after.get(write.path) ?? null,
    );
    if (step === 'apply') after.set(write.path, write.to);
    if (step === 'skip') skipped.push(write);
  }
  return { manifest: settledManifest(journal, skipped), disk: after };
}

const STAGED_NAME = /^[0-9a-f]{24}$/;
const stagedName = (): string => randomBytes(12).toString('hex');

/** The journal, or why it cannot be trusted (it names paths to replace and delete: untrusted input). */
export function parseJournal(text: string): Journal | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  if (typeof data !== 'object' || data === null) return 'it is not a JSON object';
  const { version, writes, removals, manifest } = data as Record<string, unknown>;
  if (version !== 1) return 'unknown version';
  if (!Array.isArray(writes) || !Array.isArray(removals)) return '"writes" or "removals" is not a list';
  if (writes.length + removals.length > LIMITS.entries) return 'it has too many entries';
  const parsedManifest = manifestFrom(manifest);
  if (typeof parsedManifest === 'string') return `its manifest is not valid: ${parsedManifest}`;
  // Why a path may not be used, named in the message (a path into .git/ is refused here, not skipped).
  const pathProblem = (path: unknown): string | null => {
    if (typeof path !== 'string') return 'names no path';
    const reason = unsafePathReason(path);
    return reason && `names ${JSON.stringify(shownPath(path))}, which is not allowed (${reason})`;
  };
  const isFound = (value: unknown): value is string | null => value === null || value === NOT_A_FILE || isSha256(value);
  // The writes commit side by side, so no two may touch one file: not the same path in another case
  // (one file on a case-insensitive disk), not one staged file twice, not a file and a path inside it.
  const seen = new Set<string>();
  const stagedNames = new Set<string>();
  for (const w of writes as Array<Record<string, unknown>>) {
    if (typeof w !== 'object' || w === null) return 'a write is not an object';
    const problem = pathProblem(w.path);
    if (problem) return `a write ${problem}`;
    if (typeof w.path !== 'string' || seen.has(w.path.toLowerCase())) return 'a path is written twice';
    seen.add(w.path.toLowerCase());
    if (typeof w.staged !== 'string' || !STAGED_NAME.test(w.staged))
      return `the write of ${w.path} names no staged file`;
    if (stagedNames.has(w.staged)) return `the staged file of ${w.path} is written twice`;
    stagedNames.add(w.staged);
    if (!isFound(w.from) || !isSha256(w.to) || typeof w.keep !== 'boolean' || !(w.last === null || isSha256(w.last))) {
      return `the write of ${w.path} is incomplete`;
    }
  }
  for (const path of seen) {
    for (let cut = path.lastIndexOf('/'); cut > 0; cut = path.lastIndexOf('/', cut - 1))
      if (seen.has(path.slice(0, cut)))
        return `a write names ${JSON.stringify(shownPath(path.slice(0, cut)))}, a folder of another write`;
  }
  for (const r of removals as Array<Record<string, unknown>>) {
    if (typeof r !== 'object' || r === null) return 'a removal is not an object';
    const problem = pathProblem(r.path);
    if (problem) return `a removal ${problem}`;
    if (!isSha256(r.hash)) return 'a removal has no sha256';
  }
  return {
    version,
    writes: writes as JournalWrite[],
    removals: removals as JournalRemoval[],
    manifest: parsedManifest,
  };
}

/**
 * Writes `contents` to a new file in the staging folder and fsyncs it; returns its name.
 * `parentsChecked`: the caller checked the staging folder right before starting this write and the
 * others it starts with it (applyPlan: ensureFolders, then every staged file at once), so the check
 * each would make here, a few microseconds later, is made once for all of them.
 */
export async function stageFile(root: string, contents: string, mode: number, parentsChecked = false): Promise<string> {
  const name = stagedName();
  const abs = join(root, STAGING_DIR, name);
  if (!parentsChecked) await assertRealParents(root, `${STAGING_DIR}/${name}`);
  await writeNewFile(abs, contents, mode);
  return name;
}

/** Stages `text`, then renames it to `rel` (a file in .ami-wizard/). */
async function replaceMetaFile(root: string, rel: string, text: string): Promise<void> {
  await ensureFolders(root, STAGING_DIR);
  const name = await stageFile(root, text, 0o644);
  await renameInside(root, `${STAGING_DIR}/${name}`, rel);
}

// Git leaves out what only a killed run leaves behind, so a journal is never committed by accident
// (one committed on purpose is still checked: journal-trust.ts).
const META_IGNORE =
  '# ami-wizard: what an interrupted run leaves here belongs to this machine only.\n/journal.json\n/staging/\n';

/** Writes .ami-wizard/.gitignore unless it already reads so. */
export async function ensureMetaIgnore(root: string): Promise<void> {
  const current = await readSmallFile(join(root, META_IGNORE_PATH), LIMITS.fileBytes).catch(() => null);
  if (current !== META_IGNORE) await replaceMetaFile(root, META_IGNORE_PATH, META_IGNORE);
}

/**
 * A look at the staging folder (is it a real folder, no link on the way) shared by the writes that
 * ask while one is under way. The writes commit side by side and each asks right before it reads or
 * renames its staged file; one that asks while a look is running waits for that look to finish
 * instead of starting its own, so what it acts on was checked no earlier than the checks of the
 * writes beside it, and a folder swapped for a link is still a race against a running write, never a
 * standing trap (safe-path.ts). Per write, the same two lstat calls were made three times.
 */
type StagingLook = () => Promise<Found>;
function sharedStagingLook(root: string): StagingLook {
  let pending: Promise<Found> | undefined;
  return () => {
    pending ??= inspect(root, STAGING_DIR).finally(() => {
      pending = undefined;
    });
    return pending;
  };
}

/** The staged file of `write`, judged by its contents right before it is used. */
async function stagedState(root: string, write: JournalWrite, lookAtStaging: StagingLook): Promise<Staged> {
  // A staging folder that is not a real folder holds no staged file; the file itself is opened
  // without following a link (a link, a FIFO or a folder there is 'symlink' or 'other').
  if ((await lookAtStaging()).kind !== 'folder') return 'missing';
  const hash = await hashRegularFile(join(root, STAGING_DIR, write.staged));
  if (hash === null || hash === 'symlink' || hash === 'other') return 'missing';
  return hash === write.to ? 'present' : 'wrong';
}

/** Records the journal; from here on the run is finished by whoever comes next, if not by this one. */
export async function writeJournal(root: string, journal: Journal): Promise<void> {
  await syncFolder(join(root, STAGING_DIR)); // the staged files' names, before the journal names them
  await replaceMetaFile(root, JOURNAL_PATH, `${JSON.stringify(journal)}\n`);
  await syncFolder(join(root, META_DIR));
}

/** Removes the file at `rel` if it still holds `hash`, then the folders that leaves empty. */
async function removeIfUnchanged(root: string, removal: JournalRemoval): Promise<void> {
  // Every component is checked again right before unlinking: a folder swapped for a link is skipped.
  if ((await pathHash(root, removal.path)).hash !== removal.hash) return;
  await assertRealParents(root, removal.path);
  try {
    unlinkSync(join(root, removal.path));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT')
      throw asFailure(error, join(root, dirname(removal.path)), join(root, removal.path));
  }
  for (let dir = dirname(removal.path); dir !== '.'; dir = dirname(dir)) {
    // Checked again first (rmdir would follow a folder above it swapped for a link); rmdir only
    // removes an empty folder, so anything the user put there stays.
    if ((await inspect(root, dir)).kind !== 'folder') break;
    if (!tried(() => rmdirSync(join(root, dir)))) break;
  }
}

async function applyWrite(
  root: string,
  write: JournalWrite,
  current: PathHash,
  lookAtStaging: StagingLook,
): Promise<void> {
  if (write.keep && current !== null) await renameInside(root, write.path, await firstFreeOrig(root, write.path));
  // The last check of the folders above the path, one at a time, right before the rename (then the
  // staging folder is looked at again): the check renameInside would repeat.
  await ensureFolders(root, dirname(write.path));
  const from = `${STAGING_DIR}/${write.staged}`;
  requireFolder(root, STAGING_DIR, from, await lookAtStaging());
  await renameInside(root, from, write.path, true, true);
}

/** Deletes everything in the staging folder, then the folder. Only called with no journal on disk. */
export async function clearStaging(root: string): Promise<void> {
  if ((await inspect(root, STAGING_DIR)).kind !== 'folder') return;
  const staging = join(root, STAGING_DIR);
  // a folder someone made here stays, and so does staging/
  for (const name of readdirSync(staging)) tried(() => unlinkSync(join(staging, name)));
  tried(() => rmdirSync(staging));
}

/**
 * Carries out a recorded journal: removals, writes (each only if the path still holds what was
 * planned), the manifest, then deletes the journal and the staged files. A write that fails is left
 * undone (its manifest entry as before) and reported once everything else is finished.
 */
export async function commitJournal(root: string, journal: Journal): Promise<void> {
  const failures: unknown[] = [];
  for (const removal of journal.removals) {
    await removeIfUnchanged(root, removal).catch((error: unknown) => failures.push(error));
  }
  // Each write checks and moves only its own path (the journal names every path once), so writes run
  // side by side, each with the same checks right before its own rename; the folders they share are
  // created by whichever comes first (ensureFolders accepts one that appeared meanwhile). A write that
  // keeps what is there as NAME.orig goes first and alone, so two of them never pick the same free name.
  const outcomes = new Map<JournalWrite, 'applied' | 'skipped' | 'done' | { failed: unknown }>();
  const lookAtStaging = sharedStagingLook(root);
  const commitWrite = async (write: JournalWrite): Promise<void> => {
    try {
      const { hash } = await pathHash(root, write.path);
      const step = writeStep(write, await stagedState(root, write, lookAtStaging), hash);
      if (step === 'apply') await applyWrite(root, write, hash, lookAtStaging);
      outcomes.set(write, step === 'apply' ? 'applied' : step === 'skip' ? 'skipped' : 'done');
    } catch (error) {
      outcomes.set(write, { failed: asFailure(error, join(root, dirname(write.path)), join(root, write.path)) });
    }
  };
  for (const write of journal.writes.filter((w) => w.keep)) await commitWrite(write);
  await eachBounded(
    journal.writes.filter((w) => !w.keep),
    PARALLEL_PATHS,
    commitWrite,
  );
  const skipped: JournalWrite[] = [];
  const touched = new Set<string>();
  for (const write of journal.writes) {
    const outcome = outcomes.get(write);
    if (outcome === 'applied') touched.add(dirname(join(root, write.path)));
    else if (outcome === 'skipped') skipped.push(write);
    else if (typeof outcome === 'object') {
      failures.push(outcome.failed);
      skipped.push(write);
    }
  }
  // Renames reach the disk before the journal that could redo them is gone.
  await Promise.all([...touched].map((folder) => syncFolder(folder)));
  const manifest = settledManifest(journal, skipped);
  const text = manifestText(manifest);
  const onDisk = await readSmallFile(join(root, MANIFEST_PATH), LIMITS.fileBytes).catch(() => null);
  if (onDisk !== text) await replaceMetaFile(root, MANIFEST_PATH, text);
  // The journal finished here is the one planning read; should the file be gone since, nothing is left to delete.
  try {
    unlinkSync(join(root, JOURNAL_PATH));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw error;
  }
  await syncFolder(join(root, META_DIR));
  await clearStaging(root);
  if (failures.length > 0) throw failures[0];
}
