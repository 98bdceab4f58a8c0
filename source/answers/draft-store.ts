// The disk side of kept drafts (draft-file.ts says what they hold): read one through the answers
// file's bounded reader, keep one atomically (a private temp file renamed over it), remove one.
// Nothing here throws for a draft: a draft that cannot be read or kept is a notice, never a crash.
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, rename, rm } from 'node:fs/promises';
import { lstatSync } from 'node:fs';
import { basename, dirname, join, relative, isAbsolute } from 'node:path';
import { MAX_ANSWERS_BYTES, readBoundedText } from './bounded-text.ts';
import type { TextFileKind } from './bounded-text.ts';
import { parseDraft } from './draft-file.ts';
import type { KeptDraft } from './draft-file.ts';
import { errorCode } from '../errors.ts';
import { writeNewFile } from '../output/safe-path.ts';

const DRAFT_FILE: TextFileKind = {
  label: 'Draft',
  notFoundHint: '',
  folderHint: () => '',
  sizeNote: 'a draft is at most that',
  binaryHint: '',
  encodingHint: '',
  regularOnly: true,
};

const ownUid = (): number | undefined => process.getuid?.();

/** The draft at `file`, judged at `now`: undefined when there is none; an expired one is removed. */
export async function readKeptDraft(file: string, now: Date): Promise<KeptDraft | undefined> {
  let stats;
  try {
    stats = lstatSync(file);
  } catch (error) {
    return errorCode(error) === 'ENOENT' || errorCode(error) === 'ENOTDIR'
      ? undefined
      : { kind: 'invalid', reason: 'it cannot be read' };
  }
  if (!stats.isFile()) return { kind: 'invalid', reason: 'it is not a regular file' };
  if (ownUid() !== undefined && stats.uid !== ownUid())
    return { kind: 'invalid', reason: 'it belongs to another user' };
  let text: string;
  try {
    text = readBoundedText(file, MAX_ANSWERS_BYTES, DRAFT_FILE, basename(file));
  } catch (error) {
    // The reader's message names the problem (too large, not text, not a regular file); keep its first sentence.
    return { kind: 'invalid', reason: readerReason((error as Error).message, basename(file)) };
  }
  const kept = parseDraft(text, now, basename(file));
  if (kept.kind === 'expired') await removeDraft(file);
  return kept;
}

/** "NAME holds more than N bytes; ..." -> "it holds more than N bytes". */
function readerReason(message: string, name: string): string {
  if (!message.startsWith(`${name} `)) return 'it cannot be read';
  return `it ${message
    .slice(name.length + 1)
    .split('\n')[0]!
    .replace(/[.;].*$/, '')}`;
}

/** Removes the draft at `file` (a link there is removed, never followed); quietly, as there may be none. */
export async function removeDraft(file: string): Promise<void> {
  await rm(file, { force: true }).catch(() => undefined);
}

/**
 * Keeps `text` as the draft at `file`: its folder made private (0700), the file written as a new
 * 0600 temp file and renamed over the old one, so a reader sees the old draft or the new one, whole.
 * `outDir` is the output folder: a state folder inside it is refused. Returns why not, when it was not kept.
 */
export async function keepDraft(file: string, text: string, outDir: string): Promise<string | undefined> {
  const folder = dirname(file);
  const inside = relative(outDir, folder);
  if (inside === '' || (!inside.startsWith('..') && !isAbsolute(inside)))
    return 'the state folder is inside the output folder';
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) return `the answers would take more than ${MAX_ANSWERS_BYTES} bytes`;
  try {
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const stats = await lstat(folder);
    // A link or someone else's folder could send the draft anywhere, or let another user read it.
    if (!stats.isDirectory()) return `${folder} is not a folder`;
    if (ownUid() !== undefined && stats.uid !== ownUid()) return `${folder} belongs to another user`;
    if ((stats.mode & 0o777) !== 0o700) await chmod(folder, 0o700);
    const temp = join(folder, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
    try {
      await writeNewFile(temp, text, 0o600);
      await rename(temp, file);
    } catch (error) {
      await rm(temp, { force: true }).catch(() => undefined);
      throw error;
    }
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
