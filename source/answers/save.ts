// `s` on the what-if board and "save the answers only" on the Files screen: write the answers file,
// atomically and never through a symlink (a link there could lead to any file the user can write);
// the caller asks before replacing a file that is there (wizard/save-answers.ts). On the board, an existing
// file keeps everything else, comments included (the guidance values change, and version and
// project.name are added if missing); a new file is
// the minimal valid one. Loaded only when someone saves: the yaml library is large.
import { randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { lstat, open, readdir, rename, rm, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { isMap, parseDocument, stringify } from 'yaml';
import { errorCode, FailureError } from '../errors.ts';
import { writeNewFile } from '../output/safe-path.ts';
import { MAX_ANSWERS_BYTES } from './bounded-text.ts';

const tempName = (file: string, id: string): string => `.${basename(file)}.${id}.tmp`;

/** Temp files a killed save left beside `file` (regular files of our naming pattern only). */
async function removeStaleTemps(file: string): Promise<void> {
  const prefix = `.${basename(file)}.`;
  const entries = await readdir(dirname(file), { withFileTypes: true }).catch(() => []);
  for (const entry of entries) {
    const id = entry.name.startsWith(prefix) ? entry.name.slice(prefix.length) : '';
    if (entry.isFile() && /^[0-9a-f]{12}\.tmp$/.test(id))
      await unlink(join(dirname(file), entry.name)).catch(() => undefined);
  }
}

/** The file's permissions, or null when there is no file; a symlink is refused, never followed. */
async function existingMode(file: string): Promise<number | null> {
  const stats = await lstat(file).catch((error: Error) => {
    if (errorCode(error) === 'ENOENT') return null;
    throw new FailureError(`Cannot save ${file}: ${error.message}`);
  });
  if (stats?.isSymbolicLink()) {
    throw new FailureError(
      `Not saved: ${file} is a symlink; ami-wizard never writes through one.\nSave to a regular file (replace the link with a copy of its target).`,
    );
  }
  if (stats && !stats.isFile())
    throw new FailureError(
      `Cannot save ${file}: it is not a regular file (a folder, a pipe or a device). Save to a regular file.`,
    );
  return stats ? stats.mode & 0o7777 : null;
}

/** Writes a sibling temp file as the output writer writes (safe-path.ts), then renames it over `file`. */
async function replaceFile(file: string, text: string, mode: number): Promise<void> {
  await removeStaleTemps(file);
  const temp = join(dirname(file), tempName(file, randomBytes(6).toString('hex')));
  try {
    await writeNewFile(temp, text, mode);
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new FailureError(`Cannot save ${file}: ${(error as Error).message}`);
  }
}

/**
 * The text of an answers file to update, or undefined when there is none: a regular file of at most
 * MAX_ANSWERS_BYTES, as loading allows (anything else, a FIFO above all, would hold the screen).
 * Opened without waiting (O_NONBLOCK) and checked on the open file, so a swap after a check cannot
 * slip a pipe or a huge file in.
 */
async function readIfThere(file: string): Promise<string | undefined> {
  let handle;
  try {
    handle = await open(file, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    throw new FailureError(`Cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    const stats = await handle.stat();
    if (!stats.isFile())
      throw new FailureError(
        `Cannot save ${file}: it is not a regular file (a folder, a pipe or a device). Save to a regular file.`,
      );
    const buffer = Buffer.alloc(MAX_ANSWERS_BYTES + 1);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    if (bytesRead > MAX_ANSWERS_BYTES) {
      throw new FailureError(
        `Not saved: ${file} holds more than ${MAX_ANSWERS_BYTES} bytes; an answers file is at most that. Is this the right file?`,
      );
    }
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/**
 * Writes `guidance` into `file`. A new file starts from `base` when given (the --answers file, so a
 * copy saved under another name keeps the team's other answers), else from the minimal valid file.
 */
export async function saveGuidance(
  file: string,
  guidance: GuidanceAnswers,
  projectName: string,
  base?: string,
): Promise<void> {
  const mode = (await existingMode(file)) ?? 0o644;
  const existing = (await readIfThere(file)) ?? (base === undefined ? undefined : await readIfThere(base));
  if (existing === undefined || existing.trim() === '') {
    await replaceFile(file, stringify({ version: 1, project: { name: projectName }, guidance }), mode);
    return;
  }
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new FailureError(`Not saved: ${file} is not a YAML mapping. Fix or move it, then save again.`);
  }
  if (!doc.has('version')) doc.set('version', 1);
  if (!doc.hasIn(['project', 'name'])) doc.setIn(['project', 'name'], projectName);
  for (const key of QUESTION_KEYS) doc.setIn(['guidance', key], guidance[key]);
  const text = doc.toString();
  // Never write a file that loading would refuse.
  if (Buffer.byteLength(text) > MAX_ANSWERS_BYTES) {
    throw new FailureError(
      `Not saved: ${file} would hold more than ${MAX_ANSWERS_BYTES} bytes, more than an answers file may. Trim its comments, then save again.`,
    );
  }
  await replaceFile(file, text, mode);
}

/** Whether anything (a file, a folder, a link) is at `file`: the caller asks before replacing it. */
export async function answersFileExists(file: string): Promise<boolean> {
  return (await lstat(file).catch(() => null)) !== null;
}

/** Writes a whole answers file (the Files screen's "save the answers only"), replacing what is there. */
export async function saveAnswersText(file: string, text: string): Promise<void> {
  const mode = (await existingMode(file)) ?? 0o644;
  await replaceFile(file, text, mode);
}
