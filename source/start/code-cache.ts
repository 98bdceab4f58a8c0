// The CLI's own files of dist/, compiled from V8's code of an earlier run. V8 compiles most functions
// on their first call, and Node's compile cache (module.enableCompileCache) keeps only what was
// compiled when a module loaded: every run compiled the generators, the templates and the screens
// again, some 15 to 20 ms of a generate run. This cache is made from the script itself
// (vm.Script#createCachedData), at exit or once the wizard's first screen is drawn, so it holds every
// function compiled until then.
//
// Kept in the user's cache folder ($XDG_CACHE_HOME when absolute, else ~/.cache), under
// ami-wizard/code-cache/format-N/, a folder per Node version, architecture and Node options (V8 takes
// code only from its own version under the same flags), a record per file of dist/ and build.
// - Which record: the build's id (scripts/build.mjs writes a hash of the other files of dist/ into
//   this file), and, as Python's .pyc files and Ruby's bootsnap do, the size and modification time of
//   the file, so a file changed after the build (patched in place) is compiled afresh. Hashing the
//   files at run time would cost more than it saves (zlib's crc32 alone is 2 to 3 ms to load).
// - Whose: every folder from ami-wizard/ down must be a real folder of this user that nobody else may
//   write, and a record a regular file of this user that nobody else may write, written whole (a new
//   file renamed into place); else the cache is off for the run. The header must hold together, and
//   V8 checks its version, flags and length again. A record V8 did not take is made again.
// - How many: each file keeps the records of its last three builds.
// NODE_DISABLE_COMPILE_CACHE turns the cache off, as it does Node's.
//
// From source (tests, tsx) nothing here runs: the bundle's entry loads cli-main.ts's file of dist/
// through loadBundleFile (source/load-cli-main.ts), and so every file after it.
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
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join, relative } from 'node:path';
import { Script } from 'node:vm';

/** The build's id, 16 hex digits: scripts/build.mjs puts it here, in place of this text of the same length. */
export const BUILD_ID: string = 'unbuilt-00000000';

/** The records' format: a record of another is never read, and is kept in a folder of its own. */
export const FORMAT = 4;

export interface NodeRuntime {
  version: string;
  arch: string;
  execArgv: readonly string[];
  env: NodeJS.ProcessEnv;
}

/** FNV-1a of a short text, as 8 hex digits: a folder name for a set of options. */
function textHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(16).padStart(8, '0');
}

/** Where the records go: `base` (the user's cache folder, theirs to choose) and the folder below it. */
export interface CacheFolder {
  base: string;
  folder: string;
}

/**
 * The folder of records this run can use, below the user's cache folder `base`: the records' format,
 * then Node's version, architecture and options (flags change V8's code).
 */
export function codeCacheFolder(base: string, node: NodeRuntime, format = FORMAT): CacheFolder {
  const options = textHash(`${node.execArgv.join('\0')}\0${node.env.NODE_OPTIONS ?? ''}`);
  return {
    base,
    folder: join(base, 'ami-wizard', 'code-cache', `format-${format}`, `${node.version}-${node.arch}-${options}`),
  };
}

/** The user's cache folder: $XDG_CACHE_HOME when absolute, else ~/.cache; undefined without one. */
export function userCacheBase(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return xdg;
  return home && isAbsolute(home) ? join(home, '.cache') : undefined;
}

/** A file of dist/ as its record names it: the build, and the file's size and modification time (ns). */
export interface SourceStamp {
  buildId: string;
  size: bigint;
  mtimeNs: bigint;
}

// A record: MAGIC; the build's id (16 bytes); the size and modification time of the file it was made
// from (8 bytes each); the length of the names and of the code (4 bytes each); the names of the files
// loaded in the runs that made it (one a line); V8's code.
const MAGIC = Buffer.from(`ami-wizard code ${FORMAT}\n`);
const FIELDS = MAGIC.length;
const ID_BYTES = 16;
const HEADER = FIELDS + ID_BYTES + 24;
/** Larger than any record of dist/ (the AWS SDK's is 5 MB): anything else is not read. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface CodeRecord {
  /** The files loaded in the runs that made it: a run that loads another writes the record again. */
  loadedWith: ReadonlySet<string>;
  code: Buffer;
}

export function encodeRecord(source: SourceStamp, record: CodeRecord): Buffer {
  const names = Buffer.from([...record.loadedWith].sort().join('\n'));
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.write(source.buildId.padEnd(ID_BYTES).slice(0, ID_BYTES), FIELDS, 'latin1');
  header.writeBigUInt64BE(source.size, FIELDS + ID_BYTES);
  header.writeBigUInt64BE(source.mtimeNs, FIELDS + ID_BYTES + 8);
  header.writeUInt32BE(names.length, FIELDS + ID_BYTES + 16);
  header.writeUInt32BE(record.code.length, FIELDS + ID_BYTES + 20);
  return Buffer.concat([header, names, record.code]);
}

/** The record in `bytes`, when it was made from the file as `source` says it is now and arrived whole; else undefined. */
export function decodeRecord(bytes: Buffer, source: SourceStamp): CodeRecord | undefined {
  if (bytes.length < HEADER || !bytes.subarray(0, FIELDS).equals(MAGIC)) return undefined;
  const at = FIELDS + ID_BYTES;
  if (bytes.toString('latin1', FIELDS, at) !== source.buildId.padEnd(ID_BYTES).slice(0, ID_BYTES)) return undefined;
  if (bytes.readBigUInt64BE(at) !== source.size || bytes.readBigUInt64BE(at + 8) !== source.mtimeNs) return undefined;
  const namesLength = bytes.readUInt32BE(at + 16);
  const codeLength = bytes.readUInt32BE(at + 20);
  if (codeLength === 0 || HEADER + namesLength + codeLength !== bytes.length) return undefined;
  const names = bytes.subarray(HEADER, HEADER + namesLength).toString();
  return { loadedWith: new Set(names ? names.split('\n') : []), code: bytes.subarray(HEADER + namesLength) };
}

/** A record's file name: the file's, its build and its stamp. */
const recordName = (name: string, source: SourceStamp): string =>
  `${name}.${source.buildId}.${source.size}-${source.mtimeNs}`;
const RECORD_NAME = /^(.+\.js)\.[\w-]+\.\d+-\d+$/;
const TEMPORARY_NAME = /^(.+\.js)\.[\w-]+\.\d+-\d+\.[0-9a-f]+\.tmp$/;

const uid = (): number | undefined => process.getuid?.();
/** Not a link, this user's (where there are users), and nobody else may write it. */
const isOwn = (stats: { uid: number; mode: number }): boolean =>
  (uid() === undefined || stats.uid === uid()) && (stats.mode & 0o022) === 0;

/**
 * Looks at each folder from `base` down to `folder` (base itself is the user's choice): 'own' when
 * each is a real folder of this user that nobody else may write, 'missing' when one is not there
 * (after making it, 0700, when `create`), 'foreign' otherwise, or when a look fails.
 */
function lookAtFolders({ base, folder }: CacheFolder, create: boolean): 'own' | 'missing' | 'foreign' {
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

/** The record at `path` when it is a regular file of this user that only this user may write. */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    if (!stats.isFile() || stats.size > MAX_RECORD_BYTES || !isOwn(stats)) return undefined;
    const record = Buffer.allocUnsafe(stats.size);
    let read = 0;
    while (read < record.length) {
      const n = readSync(fd, record, read, record.length - read, read);
      if (n === 0) return undefined;
      read += n;
    }
    return record;
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes `record` to `path` whole or not at all (a new file renamed over it); a cache that cannot be written only costs the speed-up. */
function writeRecord(path: string, record: Buffer): void {
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
function pruneRecords(folder: string, written: ReadonlySet<string>): void {
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

// The lines of the file keep their numbers: the wrapper has a line of its own, before line 1.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_END = '\n})';

interface LoadedFile {
  /** Its name in dist/. */
  name: string;
  script: Script;
  source: SourceStamp;
  /** The files loaded with the record on disk, when V8 compiled the file from it (or it was written since). */
  recorded?: ReadonlySet<string>;
}

export interface BundleLoader {
  /** The exports of `name`, a file of the bundle's folder, evaluated once. */
  load(name: string): unknown;
  /**
   * Writes the record of each file loaded, with all V8 compiled of it so far, unless the one on disk
   * was made in runs that loaded every file this run loaded (this run took nothing new).
   */
  save(): void;
}

/** The files Node itself loads (the entry and this file): a file of the bundle asking for one gets Node's. */
export const NODE_LOADED: ReadonlySet<string> = new Set(['cli.js', 'code-cache.js']);

/**
 * A loader of the files of `dir` (dist/): a file's require() of a sibling (`./` and its name) loads
 * that file the same way, anything else is Node's require. `cache`: where the records are, or none;
 * `buildId`: the build the files are of.
 */
export function createBundleLoader(dir: string, cache: CacheFolder | undefined, buildId = BUILD_ID): BundleLoader {
  const nodeRequire = createRequire(join(dir, 'cli.js'));
  const modules = new Map<string, { exports: unknown }>();
  const loaded: LoadedFile[] = [];
  // A folder on the way that is not this user's own turns the cache off for the run, reading and writing.
  let usable = cache !== undefined && lookAtFolders(cache, false) !== 'foreign';

  const requireInBundle = (id: string): unknown => {
    const sibling = /^\.\/([\w.-]+\.js)$/.exec(id)?.[1];
    return sibling && !NODE_LOADED.has(sibling) ? load(sibling) : nodeRequire(id);
  };

  function load(name: string): unknown {
    const known = modules.get(name);
    if (known) return known.exports;
    const filename = join(dir, name);
    const { bytes, size, mtimeNs } = readSource(filename);
    const source = { buildId, size, mtimeNs };
    const record = usable && cache ? readRecordFile(join(cache.folder, recordName(name, source)), source) : undefined;
    // No importModuleDynamically: the build turns every import() into a require() (scripts/build.mjs),
    // and Node's loader for import() in a vm.Script is experimental, with a warning on stderr.
    const script = new Script(`${WRAPPER_START}${bytes.toString('utf8')}${WRAPPER_END}`, {
      filename,
      lineOffset: -1,
      cachedData: record?.code,
    });
    const recorded = record && script.cachedDataRejected === false ? record.loadedWith : undefined;
    loaded.push({ name, script, source, recorded });
    const module = { exports: {} as unknown };
    modules.set(name, module);
    try {
      (script.runInThisContext() as (...args: unknown[]) => void).call(
        module.exports,
        module.exports,
        requireInBundle,
        module,
        filename,
        dir,
      );
    } catch (error) {
      modules.delete(name); // as Node does: the next require evaluates it again
      throw error;
    }
    return module.exports;
  }

  return {
    load,
    save() {
      if (!usable || !cache) return;
      const names = [...modules.keys()];
      const stale = loaded.filter((file) => !file.recorded || !names.every((name) => file.recorded?.has(name)));
      if (stale.length === 0) return;
      // The folders first: V8's code is only made when it can be kept (a read-only home).
      if (lookAtFolders(cache, true) !== 'own') {
        usable = false;
        return;
      }
      for (const file of stale) {
        // Functions V8 took from the record were compiled too: the new one holds them as well.
        const loadedWith = new Set([...(file.recorded ?? []), ...names]);
        const path = join(cache.folder, recordName(file.name, file.source));
        writeRecord(path, encodeRecord(file.source, { loadedWith, code: file.script.createCachedData() }));
        file.recorded = loadedWith;
      }
      pruneRecords(cache.folder, new Set(stale.map((file) => file.name)));
    },
  };
}

function readRecordFile(path: string, source: SourceStamp): CodeRecord | undefined {
  const bytes = readOwnFile(path);
  return bytes && decodeRecord(bytes, source);
}

/** A file of dist/: its bytes, size and modification time, fstat'ed on the descriptor it is read from. */
function readSource(filename: string): { bytes: Buffer; size: bigint; mtimeNs: bigint } {
  const fd = openSync(filename, 'r');
  try {
    const stats = fstatSync(fd, { bigint: true });
    const bytes = Buffer.allocUnsafe(Number(stats.size));
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, read);
      if (n === 0) throw new Error(`${filename} became shorter while it was read`);
      read += n;
    }
    return { bytes, size: stats.size, mtimeNs: stats.mtimeNs };
  } finally {
    closeSync(fd);
  }
}

/** This process's cache folder, or undefined when it is off or there is no home for it. */
export function processCacheFolder(env: NodeJS.ProcessEnv = process.env): CacheFolder | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  let home = '';
  try {
    home = env.HOME || homedir();
  } catch {
    return undefined;
  }
  const base = userCacheBase(env, home);
  if (!base) return undefined;
  return codeCacheFolder(base, { version: process.version, arch: process.arch, execArgv: process.execArgv, env });
}

let bundle: BundleLoader | undefined;

/**
 * Loads `name` of the bundle in `dir` through the process's one loader; its records are written at
 * exit, and by saveCodeCache before that.
 */
export function loadBundleFile(dir: string, name: string): unknown {
  if (!bundle) {
    const loader = createBundleLoader(dir, processCacheFolder());
    bundle = loader;
    process.once('exit', () => loader.save());
  }
  return bundle.load(name);
}

/**
 * Writes the records now: a wizard session often ends without an exit (the terminal closed, the
 * process killed), so the screens save theirs once the first is drawn. Nothing from source.
 */
export function saveCodeCache(): void {
  bundle?.save();
}
