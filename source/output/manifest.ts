// The `.ami-wizard/` folder inside --out: the manifest of the last run (path -> sha256), and while a
// run writes, its journal and staged files. Everything read from here is untrusted input: a manifest
// decides what gets deleted, so it is held to the same limits as an answers file.
import { createHash } from 'node:crypto';
import { hasControlCharacter } from '../../questionnaire/answer-values.ts';
import { isPlainObject } from '../text/parsed.ts';

/** The folder ami-wizard keeps to itself inside --out. */
export const META_DIR = '.ami-wizard';
/** Where the hashes of the last run live, relative to the output folder. */
export const MANIFEST_PATH = `${META_DIR}/manifest.json`;
/** What a run is about to change; present only while a run writes (or after one was killed). */
export const JOURNAL_PATH = `${META_DIR}/journal.json`;
/** New contents wait here, fsync'd, until the journal says to move them into place. */
export const STAGING_DIR = `${META_DIR}/staging`;
/** Keeps the journal and staging/ out of git. */
export const META_IGNORE_PATH = `${META_DIR}/.gitignore`;

/** Limits on what the manifest and the journal may hold (a generated folder has a few dozen files). */
export const LIMITS = {
  entries: 10_000,
  pathChars: 1024,
  segmentBytes: 255,
  fileBytes: 8 * 1024 * 1024,
} as const;

export interface Manifest {
  version: 1;
  /** `name@version` of the tool that wrote the files. */
  generator: string;
  /** Relative path → sha256 (hex) of the contents as generated. */
  files: Record<string, string>;
}

/** The manifest file's text, as it is written. */
export const manifestText = (manifest: Manifest): string => `${JSON.stringify(manifest, null, 2)}\n`;

export function sha256(contents: string | Buffer): string {
  return createHash('sha256').update(contents).digest('hex');
}

export const isSha256 = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{64}$/.test(value);

// A line break in a path would print plan lines of its own; ESC and bidi controls restyle or reorder.
// Writing into a repository's own folder (.git/hooks/...) runs code. Case-insensitive file systems
// (macOS, Windows) take .GIT for .git, HFS+ ignores the zero-width (non-)joiners and U+206A-206F in
// a name (the other characters it ignores are control characters, refused above), and Windows a
// trailing dot or space.
const IGNORED_IN_NAMES = /\u200c|\u200d|[\u206a-\u206f]|[. ]+$/g;
const isVcsFolder = (name: string): boolean => /^\.(git|hg|svn)$|^git~\d$/i.test(name.replace(IGNORED_IN_NAMES, ''));

/** Why `path` may not be used inside the output folder, or null when it may. */
export function unsafePathReason(path: string): string | null {
  if (path.length > LIMITS.pathChars) return `it is too long (${path.length} characters; at most ${LIMITS.pathChars})`;
  if (path === '' || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return 'it is not a relative path';
  if (path.includes('\\') || path.includes('\0')) return 'it contains a backslash or NUL';
  if (hasControlCharacter(path)) return 'it contains a control character (a line break, ESC or a bidi control)';
  const segments = path.split('/');
  if (segments.some((part) => part === '' || part === '.' || part === '..'))
    return 'it has an empty, "." or ".." segment';
  if (segments.some((part) => Buffer.byteLength(part) > LIMITS.segmentBytes))
    return `a name in it is too long (over ${LIMITS.segmentBytes} bytes)`;
  if (path === META_DIR || path.startsWith(`${META_DIR}/`)) return `${META_DIR}/ is reserved for the manifest`;
  if (segments.some(isVcsFolder)) return 'it is inside a version control folder: .git, .hg or .svn';
  return null;
}

/** A path for a message: long ones are shortened, so an error never repeats a huge value. */
export function shownPath(path: string): string {
  return path.length <= 200 ? path : `${path.slice(0, 60)}… (${path.length.toLocaleString('en-US')} characters)`;
}

/** The manifest, or why it cannot be trusted. */
export function parseManifest(text: string): Manifest | string {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return 'it is not JSON';
  }
  return manifestFrom(data);
}

export function manifestFrom(data: unknown): Manifest | string {
  if (!isPlainObject(data)) return 'it is not a JSON object';
  const { version, generator, files } = data as Record<string, unknown>;
  if (version !== 1) return `unknown version ${JSON.stringify(version)?.slice(0, 40)}`;
  if (typeof generator !== 'string' || generator.length > 200) return '"generator" is not a short string';
  if (!isPlainObject(files)) return '"files" is not an object';
  const entries = Object.entries(files);
  if (entries.length > LIMITS.entries) return `it has too many entries (${entries.length}; at most ${LIMITS.entries})`;
  for (const [path, hash] of entries) {
    // The manifest decides what gets deleted, so a path escaping the folder must never be trusted.
    const reason = unsafePathReason(path);
    if (reason) return `entry ${JSON.stringify(shownPath(path))} is not allowed (${reason})`;
    if (!isSha256(hash)) return `entry ${JSON.stringify(shownPath(path))} has no sha256`;
  }
  // A fresh object without a prototype chain to trip over ("__proto__", "constructor" as paths).
  return { version, generator, files: Object.assign(Object.create(null) as Record<string, string>, files) };
}
