// The CLI's own files of dist/, compiled from V8's code of an earlier run. V8 compiles most functions
// on their first call, and Node's compile cache (module.enableCompileCache) keeps only what was
// compiled when a module loaded: every run compiled the generators, the templates and the screens
// again, some 15 to 20 ms of a generate run. This cache is made after the work, from the script
// itself (vm.Script#createCachedData), so it holds every function the run called.
//
// Kept in the user's cache folder ($XDG_CACHE_HOME when absolute, else ~/.cache), under
// ami-wizard/code-cache/: a folder per record format, ami-wizard version, Node version, architecture
// and Node options (V8 takes code only from its own version under the same flags), a record per
// file of dist/. As Python's .pyc files and Ruby's bootsnap do, a record names the size and the
// modification time of the file it was made from, and is used only while the file has both: hashing
// the files would cost more than it saves (zlib's crc32 alone is 2 to 3 ms to load). A record is read
// only when it is a regular file of this user that nobody else may write, written whole (a new file
// renamed into place) by this user only; its header must hold together, and V8 checks its version,
// flags and length again. A record V8 did not take is made again. NODE_DISABLE_COMPILE_CACHE turns the
// cache off, as it does Node's.
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
import { basename, isAbsolute, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { VERSION } from '../package-version.ts';

/** The cache's root in the user's cache folder, or undefined without an absolute one. */
export function codeCacheRoot(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ami-wizard', 'code-cache');
  return home && isAbsolute(home) ? join(home, '.cache', 'ami-wizard', 'code-cache') : undefined;
}

/** The records' format: a record of another is never read, and is kept in a folder of its own. */
export const FORMAT = 3;

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

/**
 * The folder of records this run can use: the records' format and ami-wizard's version (two
 * versions may have a file of the same size and time, as npm gives every file of a package one
 * time), then Node's version, architecture and options (flags change V8's code).
 */
export function codeCacheFolder(root: string, node: NodeRuntime, format = FORMAT, version = VERSION): string {
  const options = textHash(`${node.execArgv.join('\0')}\0${node.env.NODE_OPTIONS ?? ''}`);
  return join(root, `format-${format}`, `${version}-${node.version}-${node.arch}-${options}`);
}

/** A file of dist/ as its record names it: its size and its modification time in nanoseconds. */
export interface SourceStamp {
  size: bigint;
  mtimeNs: bigint;
}

// A record: MAGIC; the size and modification time of the file it was made from (8 bytes each); the
// length of the names and of the code (4 bytes each); the names of the files loaded in the runs that
// made it (one a line); V8's code.
const MAGIC = Buffer.from(`ami-wizard code ${FORMAT}\n`);
const FIELDS = MAGIC.length;
const HEADER = FIELDS + 24;
/** Larger than any record of dist/ (its largest file's is a few megabytes): anything else is not read. */
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
  header.writeBigUInt64BE(source.size, FIELDS);
  header.writeBigUInt64BE(source.mtimeNs, FIELDS + 8);
  header.writeUInt32BE(names.length, FIELDS + 16);
  header.writeUInt32BE(record.code.length, FIELDS + 20);
  return Buffer.concat([header, names, record.code]);
}

/** The record in `bytes`, when it was made from the file as `source` says it is now and arrived whole; else undefined. */
export function decodeRecord(bytes: Buffer, source: SourceStamp): CodeRecord | undefined {
  if (bytes.length < HEADER || !bytes.subarray(0, FIELDS).equals(MAGIC)) return undefined;
  if (bytes.readBigUInt64BE(FIELDS) !== source.size || bytes.readBigUInt64BE(FIELDS + 8) !== source.mtimeNs)
    return undefined;
  const namesLength = bytes.readUInt32BE(FIELDS + 16);
  const codeLength = bytes.readUInt32BE(FIELDS + 20);
  if (codeLength === 0 || HEADER + namesLength + codeLength !== bytes.length) return undefined;
  const names = bytes.subarray(HEADER, HEADER + namesLength).toString();
  return { loadedWith: new Set(names ? names.split('\n') : []), code: bytes.subarray(HEADER + namesLength) };
}

/** A record's file name: the file's, and its stamp (two builds side by side keep a record each). */
const recordName = (name: string, source: SourceStamp): string => `${name}.${source.size}-${source.mtimeNs}`;

/** The record at `path` when it is a regular file of this user that only this user may write. */
function readOwnFile(path: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
    const stats = fstatSync(fd);
    const uid = process.getuid?.();
    if (!stats.isFile() || stats.size > MAX_RECORD_BYTES || (stats.mode & 0o022) !== 0) return undefined;
    if (uid !== undefined && stats.uid !== uid) return undefined;
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
function writeRecord(folder: string, path: string, record: Buffer): void {
  const temporary = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(temporary, record, { flag: 'wx', mode: 0o600 });
    renameSync(temporary, path);
  } catch {
    try {
      unlinkSync(temporary);
    } catch {
      // not there
    }
  }
}

/** How long a record of another build of a file is kept: two builds side by side (a benchmark of one against the other) keep theirs. */
const OTHER_BUILD_KEPT_MS = 60 * 60 * 1000;

/**
 * Removes the records of other builds of the files just written (a rebuilt file, or a file of an
 * earlier build of the same version), and what an interrupted write left, once an hour old.
 * `written`: each file's name in dist/, and its record's name.
 */
function pruneRecords(folder: string, written: ReadonlyMap<string, string>): void {
  try {
    const now = Date.now();
    for (const entry of readdirSync(folder)) {
      const file = /^(.+\.js)\.\d+-\d+(?:\.\d+\.tmp)?$/.exec(entry)?.[1];
      const current = file && written.get(file);
      if (!current || entry === current) continue;
      const path = join(folder, entry);
      if (now - lstatSync(path).mtimeMs > OTHER_BUILD_KEPT_MS) unlinkSync(path);
    }
  } catch {
    // Left for the next run that writes: pruning only saves disk space.
  }
}

// The lines of the file keep their numbers: the wrapper has a line of its own, before line 1.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_END = '\n})';

interface LoadedFile {
  /** Its name in dist/. */
  name: string;
  script: Script;
  /** The record's path, when there is a cache folder. */
  path?: string;
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
 * that file the same way, anything else is Node's require. `cacheFolder`: where the records are, or none.
 */
export function createBundleLoader(dir: string, cacheFolder: string | undefined): BundleLoader {
  const nodeRequire = createRequire(join(dir, 'cli.js'));
  const modules = new Map<string, { exports: unknown }>();
  const loaded: LoadedFile[] = [];

  const requireInBundle = (id: string): unknown => {
    const sibling = /^\.\/([\w.-]+\.js)$/.exec(id)?.[1];
    return sibling && !NODE_LOADED.has(sibling) ? load(sibling) : nodeRequire(id);
  };

  function load(name: string): unknown {
    const known = modules.get(name);
    if (known) return known.exports;
    const filename = join(dir, name);
    const { bytes, source } = readSource(filename);
    const path = cacheFolder && join(cacheFolder, recordName(name, source));
    const record = path ? readRecordFile(path, source) : undefined;
    const script = new Script(`${WRAPPER_START}${bytes.toString('utf8')}${WRAPPER_END}`, {
      filename,
      lineOffset: -1,
      cachedData: record?.code,
      // import() in a file (the AWS SDK's of Node's modules) as in a module Node loaded.
      importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    const recorded = record && script.cachedDataRejected === false ? record.loadedWith : undefined;
    loaded.push({ name, script, path, source, recorded });
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
      if (!cacheFolder) return;
      const names = [...modules.keys()];
      const written = new Map<string, string>();
      for (const file of loaded) {
        if (!file.path || (file.recorded && names.every((name) => file.recorded?.has(name)))) continue;
        // Functions V8 took from the record were compiled too: the new one holds them as well.
        const loadedWith = new Set([...(file.recorded ?? []), ...names]);
        writeRecord(
          cacheFolder,
          file.path,
          encodeRecord(file.source, { loadedWith, code: file.script.createCachedData() }),
        );
        file.recorded = loadedWith;
        written.set(file.name, basename(file.path));
      }
      if (written.size > 0) pruneRecords(cacheFolder, written);
    },
  };
}

function readRecordFile(path: string, source: SourceStamp): CodeRecord | undefined {
  const bytes = readOwnFile(path);
  return bytes && decodeRecord(bytes, source);
}

/** A file of dist/: its bytes, and its stamp as fstat gives it on the same descriptor. */
function readSource(filename: string): { bytes: Buffer; source: SourceStamp } {
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
    return { bytes, source: { size: stats.size, mtimeNs: stats.mtimeNs } };
  } finally {
    closeSync(fd);
  }
}

/** This process's cache folder, or undefined when it is off or there is no home for it. */
export function processCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  let home = '';
  try {
    home = env.HOME || homedir();
  } catch {
    return undefined;
  }
  const root = codeCacheRoot(env, home);
  return (
    root && codeCacheFolder(root, { version: process.version, arch: process.arch, execArgv: process.execArgv, env })
  );
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
