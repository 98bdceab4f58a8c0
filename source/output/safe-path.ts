// Every path the writer touches is a relative path below the real output folder, checked one
// component at a time with lstat right before use, so a symlink anywhere on the way is seen and never
// followed. Node has no openat(), so a folder swapped for a link between the check and the call can
// still win a race; the checks make that a race against a running write, never a standing trap.
// The calls are synchronous but for fsync: the lstat calls (a run makes hundreds, one per component
// of every path, several times), the reads of small files, and the calls that change the folder
// (open to create, write, rename, mkdir, unlink, rmdir) are each microseconds of work on a local
// disk, where a trip through Node's thread pool cost more than the call: a fresh generate made 200
// trips, 153 of them for such calls, which queued behind the fsyncs and took CPU from a two-core
// machine. The fsync of each written file and folder, the one real wait on the disk, goes to the
// thread pool, so those overlap (eachBounded).
import {
  closeSync,
  constants,
  fchmodSync,
  fstatSync,
  fsync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
  type Stats,
} from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { SymlinkInTheWay, asFailure } from './disk-errors.ts';
import { errorCode, FailureError } from '../errors.ts';
import { shownPath } from './manifest.ts';

/** What sits at a relative path, judged without following any symlink. */
export type Found =
  | { kind: 'missing' }
  | { kind: 'file'; size: number }
  | { kind: 'folder'; dev: number }
  | { kind: 'other' }
  /** `at` is the link: the path itself or a folder above it. */
  | { kind: 'symlink'; at: string }
  /** `at` is a file (or anything but a folder) where a folder should be. */
  | { kind: 'below-file'; at: string };

/** lstat results by absolute path, for one consistent look at a folder (never used when writing). */
export type LstatCache = Map<string, Promise<Stats | null>>;

async function lstatOrNull(path: string): Promise<Stats | null> {
  try {
    return lstatSync(path, { throwIfNoEntry: false }) ?? null;
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FailureError(
        `Cannot read ${shownPath(path)}: permission denied.\nFix its permissions or choose another --out folder.`,
      );
    }
    throw asFailure(error, path, path);
  }
}

function cachedLstat(path: string, cache?: LstatCache): Promise<Stats | null> {
  if (!cache) return lstatOrNull(path);
  let found = cache.get(path);
  if (!found) cache.set(path, (found = lstatOrNull(path)));
  return found;
}

/** Looks at `rel` below `root` one component at a time, stopping at the first symlink. */
export async function inspect(root: string, rel: string, cache?: LstatCache): Promise<Found> {
  const parts = rel.split('/');
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join('/');
    const stats = await cachedLstat(join(root, prefix), cache);
    if (stats === null) return { kind: 'missing' };
    if (stats.isSymbolicLink()) return { kind: 'symlink', at: prefix };
    const last = i === parts.length - 1;
    if (!stats.isDirectory()) {
      if (!last) return { kind: 'below-file', at: prefix };
      return stats.isFile() ? { kind: 'file', size: stats.size } : { kind: 'other' };
    }
    if (last) return { kind: 'folder', dev: stats.dev };
  }
  throw new Error(`inspect: empty path below ${root}`);
}

// O_NOFOLLOW: the last component is never a link; O_NONBLOCK: a FIFO put there cannot hang the run.
const READ_FLAGS = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0);
/** For files the writer creates: never through a link, never over an existing file. */
const CREATE_FLAGS = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Creates `abs` with `contents` and `mode` (never through a link, never over a file) and fsyncs it. */
export async function writeNewFile(abs: string, contents: string, mode: number): Promise<void> {
  const fd = openSync(abs, CREATE_FLAGS, mode);
  try {
    writeFileSync(fd, contents); // into the page cache: the fsync below is the wait
    fchmodSync(fd, mode); // open's mode is reduced by the umask
    await fsyncFd(fd); // so a power cut after a rename cannot leave an empty file
  } finally {
    closeSync(fd);
  }
}

/** fsync(2) of `fd` in Node's thread pool: the one wait on the disk, so several overlap. */
function fsyncFd(fd: number): Promise<void> {
  return new Promise((resolve, reject) => fsync(fd, (error) => (error ? reject(error) : resolve())));
}

/** Opens `abs` to read, never through a link; a FIFO there cannot hang the run. */
function openToRead(abs: string): number {
  return openSync(abs, READ_FLAGS);
}

/** The bytes of the regular file open as `fd`, sized as fstat says (a file that grows meanwhile is read to its end). */
function readWhole(fd: number, size: number, onChunk: (chunk: Buffer) => void): void {
  // Sized to the file (one byte over, so the read that finds its end needs no second buffer) and
  // never zero-filled: a run hashes every file it writes, and 64 KiB each was most of its garbage.
  // At least 4 KiB, so a file that grows while it is read (an editor saving it) is not read a byte a call.
  const buffer = Buffer.allocUnsafe(Math.max(4096, Math.min(64 * 1024, size + 1)));
  for (;;) {
    const bytesRead = readSync(fd, buffer, 0, buffer.length, null);
    if (bytesRead === 0) return;
    onChunk(buffer.subarray(0, bytesRead));
  }
}

/**
 * The sha256 of the regular file at `abs` (its folders already checked), or the reason it has none:
 * 'symlink' or 'other' when something else is there, null when nothing is.
 */
export async function hashRegularFile(abs: string): Promise<string | null | 'symlink' | 'other'> {
  let fd: number;
  try {
    fd = openToRead(abs);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR') return null;
    if (code === 'ELOOP') return 'symlink';
    if (code === 'ENXIO' || code === 'EISDIR') return 'other';
    if (code === 'EACCES' || code === 'EPERM') {
      throw new FailureError(
        `Cannot read ${shownPath(abs)}: permission denied.\nFix its permissions or choose another --out folder.`,
      );
    }
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return 'other';
    const hash = createHash('sha256');
    readWhole(fd, stats.size, (chunk) => hash.update(chunk));
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/** The text of a small regular file, or null when there is none; never through a link. */
export async function readSmallFile(abs: string, maxBytes: number): Promise<string | null> {
  let fd: number;
  try {
    fd = openToRead(abs);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw error;
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) return null;
    if (stats.size > maxBytes) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
    const chunks: Buffer[] = [];
    let total = 0;
    readWhole(fd, stats.size, (chunk) => {
      total += chunk.length;
      if (total > maxBytes) throw Object.assign(new Error('too large'), { code: 'EFBIG' });
      chunks.push(Buffer.from(chunk));
    });
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Creates the folders of `relDir` below `root` that are missing; a symlink on the way stops it. */
export async function ensureFolders(root: string, relDir: string): Promise<void> {
  if (relDir === '' || relDir === '.') return;
  const parts = relDir.split('/');
  for (let i = 0; i < parts.length; i++) {
    const prefix = parts.slice(0, i + 1).join('/');
    const abs = join(root, prefix);
    let stats = await lstatOrNull(abs);
    if (stats === null) {
      try {
        mkdirSync(abs);
      } catch (error) {
        if (errorCode(error) !== 'EEXIST') throw asFailure(error, abs, abs);
      }
      stats = await lstatOrNull(abs);
    }
    if (stats?.isSymbolicLink()) throw new SymlinkInTheWay(root, prefix);
    if (!stats?.isDirectory()) throw asFailure(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), abs, abs);
  }
}

/** Checks that every folder above `rel` is a real folder right now (not a link, not missing). */
export async function assertRealParents(root: string, rel: string): Promise<void> {
  const parent = rel.split('/').slice(0, -1).join('/');
  if (parent === '') return;
  requireFolder(root, parent, rel, await inspect(root, parent));
}

/** What assertRealParents concludes from `found`, a look at `parent` (the folder above `rel`). */
export function requireFolder(root: string, parent: string, rel: string, found: Found): void {
  if (found.kind === 'symlink') throw new SymlinkInTheWay(root, found.at);
  if (found.kind !== 'folder')
    throw asFailure(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }), join(root, parent), join(root, rel));
}

/** Removes the symlink at `rel` itself (never its target); nothing happens when no link is there. */
export async function removeSymlink(root: string, rel: string): Promise<void> {
  await assertRealParents(root, rel);
  const stats = await lstatOrNull(join(root, rel));
  if (!stats?.isSymbolicLink()) return;
  try {
    unlinkSync(join(root, rel));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw asFailure(error, join(root, rel), join(root, rel));
  }
}

/** The first of NAME.orig, NAME.orig.1, … that nothing occupies (and that `taken` does not hold). */
export async function firstFreeOrig(
  root: string,
  rel: string,
  taken: ReadonlySet<string> = new Set(),
  cache?: LstatCache,
): Promise<string> {
  for (let n = 0; n < 1000; n++) {
    const name = n === 0 ? `${rel}.orig` : `${rel}.orig.${n}`;
    if (!taken.has(name) && (await cachedLstat(join(root, name), cache)) === null) return name;
  }
  throw new FailureError(
    `Cannot keep ${shownPath(rel)}: ${rel}.orig through ${rel}.orig.999 all exist.\nClear some of them away.`,
  );
}

/**
 * Moves `from` to `to` within `root`, both folders checked right before; `to` must be free.
 * `toChecked`, `fromChecked`: the caller has just checked the folders above `to` (ensureFolders does,
 * one at a time) or above `from` (the journal's shared look at the staging folder).
 */
export async function renameInside(
  root: string,
  from: string,
  to: string,
  toChecked = false,
  fromChecked = false,
): Promise<void> {
  if (!fromChecked) await assertRealParents(root, from);
  if (!toChecked) await assertRealParents(root, to);
  try {
    renameSync(join(root, from), join(root, to));
  } catch (error) {
    throw asFailure(error, join(root, to, '..'), join(root, to));
  }
}

/**
 * `task` for every item, at most `limit` at a time, the results in the items' order. For file-system
 * steps on independent paths: their waits overlap instead of queueing one after another (Node runs
 * four file-system calls at once by default), and a bound keeps a large plan from opening a file per
 * entry at once. After a failure no new item starts, and the first failure is thrown once the running
 * items have finished.
 */
export async function eachBounded<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  let failed = false;
  const worker = async (): Promise<void> => {
    while (!failed && next < items.length) {
      const index = next++;
      try {
        results[index] = await task(items[index] as T);
      } catch (error) {
        failed = true; // no new item starts once one has failed
        throw error;
      }
    }
  };
  // Settled: when one fails, the ones already running finish before the failure is reported, so no
  // step of this list is still running while the caller reports or cleans up.
  const settled = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  if (rejected) throw rejected.reason;
  return results;
}

/** Runs `change` (an unlink or rmdir whose failure is no error to the caller): whether it succeeded. */
export function tried(change: () => void): boolean {
  try {
    change();
    return true;
  } catch {
    return false;
  }
}

/** fsync a folder so the renames in it survive a power cut; some file systems refuse, which is fine. */
export async function syncFolder(abs: string): Promise<void> {
  try {
    const fd = openSync(abs, constants.O_RDONLY | (constants.O_DIRECTORY ?? 0) | (constants.O_NOFOLLOW ?? 0));
    try {
      await fsyncFd(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Best effort: durability against power loss, not correctness.
  }
}
