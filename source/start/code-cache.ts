// The CLI's own files of dist/, compiled from V8's code of an earlier run. V8 compiles most functions
// on their first call, and Node's compile cache (module.enableCompileCache) keeps only what was
// compiled when a module loaded: every run compiled the generators, the templates and the screens
// again, some 15 to 20 ms of a generate run. This cache is made after the work, from the script
// itself (vm.Script#createCachedData), so it holds every function the run called.
//
// Kept in the user's cache folder ($XDG_CACHE_HOME when absolute, else ~/.cache), under
// ami-wizard/code-cache/: a folder per Node version, architecture and Node options (V8 takes code only
// from its own version under the same flags), a record per file of dist/ and its contents. A record
// is read only when it is a regular file of this user that nobody else may write, and its checksums
// (of the file it was made from, and of the code) match; V8 checks its version and flags again. A
// record V8 did not take is made again. NODE_DISABLE_COMPILE_CACHE turns the cache off, as for Node's.
//
// From source (tests, tsx) nothing here runs: the bundle's entry loads cli-main.ts's file of dist/
// through loadBundleFile (source/load-cli-main.ts), and so every file after it.
import {
  closeSync,
  constants,
  fstatSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import { Script, constants as vmConstants } from 'node:vm';
import { crc32 } from 'node:zlib';

/** The cache's root in the user's cache folder, or undefined without an absolute one. */
export function codeCacheRoot(env: NodeJS.ProcessEnv, home: string): string | undefined {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'ami-wizard', 'code-cache');
  return home && isAbsolute(home) ? join(home, '.cache', 'ami-wizard', 'code-cache') : undefined;
}

/** The records' format: a record of another is never read, and is kept in a folder of its own. */
export const FORMAT = 2;

export interface NodeRuntime {
  version: string;
  arch: string;
  execArgv: readonly string[];
  env: NodeJS.ProcessEnv;
}

/**
 * The folder of records this Node can use: the records' format (two versions of ami-wizard may share
 * a file of the same contents, and each would make the other's record again at every run), then
 * Node's version, architecture and options (flags change V8's code).
 */
export function codeCacheFolder(root: string, node: NodeRuntime, format = FORMAT): string {
  const options = crc32(`${node.execArgv.join('\0')}\0${node.env.NODE_OPTIONS ?? ''}`);
  return join(root, `format-${format}`, `${node.version}-${node.arch}-${hex(options)}`);
}

const hex = (n: number): string => n.toString(16).padStart(8, '0');

// A record: MAGIC; the crc32 of the file it was made from; the length of the names; a crc32 of those
// two fields and all that follows; the names of the files loaded in the runs that made it (one a
// line); V8's code.
const MAGIC = Buffer.from(`ami-wizard code ${FORMAT}\n`);
const FIELDS = MAGIC.length;
const HEADER = FIELDS + 12;
/** Larger than any record of dist/ (its largest file's is a few megabytes): anything else is not read. */
const MAX_RECORD_BYTES = 64 * 1024 * 1024;

export interface CodeRecord {
  /** The files loaded in the runs that made it: a run that loads another writes the record again. */
  loadedWith: ReadonlySet<string>;
  code: Buffer;
}

const checksum = (fields: Buffer, body: Buffer): number => crc32(body, crc32(fields));

export function encodeRecord(sourceCrc: number, record: CodeRecord): Buffer {
  const names = Buffer.from([...record.loadedWith].sort().join('\n'));
  const body = Buffer.concat([names, record.code]);
  const header = Buffer.alloc(HEADER);
  MAGIC.copy(header);
  header.writeUInt32BE(sourceCrc, FIELDS);
  header.writeUInt32BE(names.length, FIELDS + 4);
  header.writeUInt32BE(checksum(header.subarray(FIELDS, FIELDS + 8), body), FIELDS + 8);
  return Buffer.concat([header, body]);
}

/** The record in `bytes`, when it was made from a file with `sourceCrc` and arrived whole; else undefined. */
export function decodeRecord(bytes: Buffer, sourceCrc: number): CodeRecord | undefined {
  if (bytes.length <= HEADER || !bytes.subarray(0, FIELDS).equals(MAGIC)) return undefined;
  const body = bytes.subarray(HEADER);
  if (bytes.readUInt32BE(FIELDS + 8) !== checksum(bytes.subarray(FIELDS, FIELDS + 8), body)) return undefined;
  if (bytes.readUInt32BE(FIELDS) !== sourceCrc) return undefined;
  const namesLength = bytes.readUInt32BE(FIELDS + 4);
  if (namesLength >= body.length) return undefined;
  const names = body.subarray(0, namesLength).toString();
  return { loadedWith: new Set(names ? names.split('\n') : []), code: body.subarray(namesLength) };
}

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

// The lines of the file keep their numbers: the wrapper has a line of its own, before line 1.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname) {\n';
const WRAPPER_END = '\n})';

interface LoadedFile {
  script: Script;
  /** The record's path, when there is a cache folder. */
  path?: string;
  sourceCrc: number;
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
    const bytes = readFileSync(filename);
    const sourceCrc = crc32(bytes);
    const path = cacheFolder && join(cacheFolder, `${name}.${hex(sourceCrc)}`);
    const record = path ? readRecordFile(path, sourceCrc) : undefined;
    const script = new Script(`${WRAPPER_START}${bytes.toString('utf8')}${WRAPPER_END}`, {
      filename,
      lineOffset: -1,
      cachedData: record?.code,
      // import() in a file (the AWS SDK's of Node's modules) as in a module Node loaded.
      importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
    });
    const recorded = record && script.cachedDataRejected === false ? record.loadedWith : undefined;
    loaded.push({ script, path, sourceCrc, recorded });
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
      for (const file of loaded) {
        if (!file.path || (file.recorded && names.every((name) => file.recorded?.has(name)))) continue;
        // Functions V8 took from the record were compiled too: the new one holds them as well.
        const loadedWith = new Set([...(file.recorded ?? []), ...names]);
        writeRecord(
          cacheFolder,
          file.path,
          encodeRecord(file.sourceCrc, { loadedWith, code: file.script.createCachedData() }),
        );
        file.recorded = loadedWith;
      }
    },
  };
}

function readRecordFile(path: string, sourceCrc: number): CodeRecord | undefined {
  const bytes = readOwnFile(path);
  return bytes && decodeRecord(bytes, sourceCrc);
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
