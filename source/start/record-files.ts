// The code cache's folder and record files (source/start/code-cache.ts): the folders looked at before
// any is used, a record read only when it is this user's own, written whole, and the records of older
// builds removed.
import {
  closeSync,
  constants,
  fstatSync,
  lstatSync,
  mkdirSync,
  openSync,
  readdirSync,
  readSync,
  renameSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join, relative } from 'node:path';
import {
  MAX_RECORD_BYTES,
  RECORD_NAME,
  TEMPORARY_NAME,
  decodeRecord,
  type CacheFolder,
  type CodeRecord,
  type SourceStamp,
} from './code-record.ts';

const uid = (): number | undefined => process.getuid?.();
/** Not a link, this user's (where there are users), and nobody else may write it. */
const isOwn = (stats: { uid: number; mode: number }): boolean =>
  (uid() === undefined || stats.uid === uid()) && (stats.mode & 0o022) === 0;

/**
 * Looks at each folder from `base` down to `folder` (base itself is the user's choice): 'own' when
 * each is a real folder of this user that nobody else may write, 'missing' when one is not there
 * (after making it, 0700, when `create`), 'foreign' otherwise, or when a look fails.
 */
export function lookAtFolders({ base, folder }: CacheFolder, create: boolean): 'own' | 'missing' | 'foreign' {
  try {
    if (create) mkdirSync(base, { recursive: true, mode: 0o700 });
    let path = base;
    for (const part of relative(base, folder).split('/')) {
      path = join(path, part);
      let stats = lstatSync(path, { throwIfNoEntry: false });
      if (!stats && create) {
        try {
          mkdirSync(path, { mode: 0o700 });
        } catch {
          // made meanwhile by another run: the look below decides
        }
        stats = lstatSync(path, { throwIfNoEntry: false });
      }
      if (!stats) return 'missing';
      if (!stats.isDirectory() || !isOwn(stats)) return 'foreign';
    }
    return 'own';
  } catch {
    return 'foreign'; // a file where a folder goes, a folder not ours to read: no cache this run
  }
}

/** The `length` bytes of the file open as `fd`, or undefined when it turns out shorter. */
export function readAll(fd: number, length: number): Buffer | undefined {
  const bytes = Buffer.allocUnsafe(length);
  for (let read = 0; read < length; ) {
    const n = readSync(fd, bytes, read, length - read, read);
    if (n === 0) return undefined;
    read += n;
  }
  return bytes;
}

/** The record at `path` when it is a regular file of this user that only this user may write. */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_RECORD_BYTES || !isOwn(stats)) return undefined;
    return readAll(fd, stats.size);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `record` to `path` whole or not at all (a new file renamed over it); a cache that cannot be written only costs the speed-up. */
export function writeRecord(path: string, record: Buffer): void {
  // Named by process and time: two runs sharing a home (containers) never write the same one.
  const temporary = `${path}.${process.pid.toString(16)}${process.hrtime.bigint().toString(16)}.tmp`;
  let created = false;
  try {
    writeFileSync(temporary, record, { flag: 'wx', mode: 0o600 });
    created = true;
    renameSync(temporary, path);
  } catch {
    if (created) unlinkQuietly(temporary);
  }
}

function unlinkQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // gone already, or not ours to remove: left
  }
}

/** How many builds of a file keep their records: two side by side (a build benched against another), and one more. */
const BUILDS_KEPT = 3;
/** What an interrupted write left is removed once this old (a write under way takes milliseconds). */
const TEMPORARY_KEPT_MS = 60 * 60 * 1000;

/**
 * Removes, for each file just written, the records of its older builds beyond BUILDS_KEPT (by when
 * each was written), and what an interrupted write left. `written`: the files' names in dist/.
 */
export function pruneRecords(folder: string, written: ReadonlySet<string>): void {
  let entries: string[];
  try {
    entries = readdirSync(folder);
  } catch {
    return;
  }
  const now = Date.now();
  const byFile = new Map<string, { path: string; mtimeMs: number }[]>();
  for (const entry of entries) {
    const path = join(folder, entry);
    try {
      const temporary = TEMPORARY_NAME.exec(entry)?.[1];
      if (temporary) {
        if (written.has(temporary) && now - lstatSync(path).mtimeMs > TEMPORARY_KEPT_MS) unlinkQuietly(path);
        continue;
      }
      const file = RECORD_NAME.exec(entry)?.[1];
      if (!file || !written.has(file)) continue;
      byFile.set(file, [...(byFile.get(file) ?? []), { path, mtimeMs: lstatSync(path).mtimeMs }]);
    } catch {
      // gone meanwhile: nothing to remove
    }
  }
  for (const records of byFile.values())
    for (const { path } of records.sort((a, b) => b.mtimeMs - a.mtimeMs).slice(BUILDS_KEPT)) unlinkQuietly(path);
}

export function readRecordFile(path: string, source: SourceStamp): CodeRecord | undefined {
  const bytes = readOwnFile(path);
  return bytes && decodeRecord(bytes, source);
}
