// What a record of the code cache is (source/start/code-cache.ts): where the records of a run go,
// which file and build a record is of, and its bytes. Pure: the files are read and written in
// record-files.ts.
import { isAbsolute, join } from 'node:path';

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
export const MAX_RECORD_BYTES = 64 * 1024 * 1024;

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
export const recordName = (name: string, source: SourceStamp): string =>
  `${name}.${source.buildId}.${source.size}-${source.mtimeNs}`;
export const RECORD_NAME = /^(.+\.js)\.[\w-]+\.\d+-\d+$/;
export const TEMPORARY_NAME = /^(.+\.js)\.[\w-]+\.\d+-\d+\.[0-9a-f]+\.tmp$/;
