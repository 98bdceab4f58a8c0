// The CLI's own files of dist/, compiled from V8's code of an earlier run. V8 compiles most functions
// on their first call, and Node's compile cache (module.enableCompileCache) keeps only what was
// compiled when a module loaded: every run compiled the generators, the templates and the screens
// again, some 15 to 20 ms of a generate run. This cache is made from the script itself
// (vm.Script#createCachedData), at exit or once the wizard's first screen is drawn, so it holds every
// function compiled until then. The records made at the wizard's first screen are kept as they are
// for the rest of its session (keep), and the screens' record is made there only (START_ONLY), never
// at an exit: what the next start reads of the screens is what a start runs before its keys.
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
import { closeSync, fstatSync, openSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';
import {
  codeCacheFolder,
  encodeRecord,
  recordName,
  userCacheBase,
  type CacheFolder,
  type SourceStamp,
} from './code-record.ts';
import { lookAtFolders, pruneRecords, readAll, readRecordFile, writeRecord } from './record-files.ts';

/** The build's id, 16 hex digits: scripts/build.mjs puts it here, in place of this text of the same length. */
export const BUILD_ID: string = 'unbuilt-00000000';

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
  /** Its record stays as it is for the rest of the run (keep). */
  kept?: boolean;
}

export interface BundleLoader {
  /** The exports of `name`, a file of the bundle's folder, evaluated once. */
  load(name: string): unknown;
  /**
   * Writes the record of each file loaded (but the START_ONLY files), with all V8 compiled of it so
   * far, unless the one on disk was made in runs that loaded every file this run loaded (this run
   * took nothing new). Runs at exit.
   */
  save(): void;
  /**
   * Saves as save does, the START_ONLY files too, then keeps the records of the files loaded so far
   * as they are for the rest of the run: a later save writes only the records of files loaded after this.
   */
  keep(): void;
}

/** The files Node itself loads (the entry and this file): a file of the bundle asking for one gets Node's. */
export const NODE_LOADED: ReadonlySet<string> = new Set(['cli.js', 'code-cache.js']);

/**
 * The interactive screens: their record is made only when a run keeps its start (keep), never by a
 * save at exit. At exit it would hold the code of the whole run (every screen a session showed, or
 * all a run with --yes did), which each later start would read before its first keys.
 */
export const START_ONLY: ReadonlySet<string> = new Set(['screens.js']);

/**
 * A loader of the files of `dir` (dist/): a file's require() of a sibling (`./` and its name) loads
 * that file the same way, anything else goes to `nodeRequire`, Node's require for a file of `dir`
 * (the entry's own: node:module's createRequire costs 0.3 to 0.6 ms to load). `cache`: where the
 * records are, or none; `buildId`: the build the files are of; `startOnly`: the files recorded
 * only by keep.
 */
export function createBundleLoader(
  dir: string,
  nodeRequire: NodeJS.Require,
  cache: CacheFolder | undefined,
  buildId = BUILD_ID,
  startOnly = START_ONLY,
): BundleLoader {
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

  /** `atStart`: keep's save, which writes the START_ONLY files' records too. */
  function save(atStart: boolean): void {
    try {
      saveRecords(atStart);
    } catch {
      // A cache that cannot be kept only costs the speed-up, never the run.
      usable = false;
    }
  }

  return {
    load,
    save: () => save(false),
    keep() {
      save(true);
      for (const file of loaded) file.kept = true;
    },
  };

  function saveRecords(atStart: boolean): void {
    if (!usable || !cache) return;
    const names = [...modules.keys()];
    const stale = loaded.filter(
      (file) =>
        !file.kept &&
        (atStart || !startOnly.has(file.name)) &&
        (!file.recorded || !names.every((name) => file.recorded?.has(name))),
    );
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
  }
}

/** A file of dist/: its bytes, size and modification time, fstat'ed on the descriptor it is read from. */
function readSource(filename: string): { bytes: Buffer; size: bigint; mtimeNs: bigint } {
  const fd = openSync(filename, 'r');
  try {
    const stats = fstatSync(fd, { bigint: true });
    const bytes = readAll(fd, Number(stats.size));
    if (!bytes) throw new Error(`${filename} became shorter while it was read`);
    return { bytes, size: stats.size, mtimeNs: stats.mtimeNs };
  } finally {
    closeSync(fd);
  }
}

/**
 * This process's cache folder, or undefined when it is off or there is no home for it. `homedir`:
 * os.homedir, asked only when HOME is unset (node:os is a module less to load on the way to every command).
 */
export function processCacheFolder(env: NodeJS.ProcessEnv, homedir: () => string): CacheFolder | undefined {
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
 * Loads `name` of the bundle in `dir` through the process's one loader (`nodeRequire`: the calling
 * entry's require, a file of `dir`); its records are written at exit, and by keepStartRecords before that.
 */
export function loadBundleFile(dir: string, name: string, nodeRequire: NodeJS.Require): unknown {
  if (!bundle) {
    const homedir = () => (nodeRequire('node:os') as typeof import('node:os')).homedir();
    const loader = createBundleLoader(dir, nodeRequire, processCacheFolder(process.env, homedir));
    bundle = loader;
    process.once('exit', () => loader.save());
  }
  return bundle.load(name);
}

/**
 * Writes the records of the files loaded so far, and keeps them as they are for the rest of the run
 * (BundleLoader#keep). Nothing from source.
 */
export function keepStartRecords(): void {
  bundle?.keep();
}
