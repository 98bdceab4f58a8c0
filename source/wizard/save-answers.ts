// `s` on the what-if board: write the board's answers to the answers file, atomically. An existing
// file keeps everything else, comments included (the guidance values change, and version and
// project.name are added if missing); a new file is
// the minimal valid one. Loaded only when someone saves: the yaml library is large.
import { randomBytes } from 'node:crypto';
import { open, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { GuidanceAnswers } from '../../questionnaire/questions.ts';
import { QUESTION_KEYS } from '../../questionnaire/questions.ts';
import { isMap, parseDocument, stringify } from 'yaml';
import { FailureError } from '../errors.ts';

async function writeAtomically(file: string, text: string): Promise<void> {
  const temp = join(dirname(file), `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      await handle.writeFile(text);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw new FailureError(`Cannot save ${file}: ${(error as Error).message}`);
  }
}

export async function saveGuidance(file: string, guidance: GuidanceAnswers, projectName: string): Promise<void> {
  const existing = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return undefined;
    throw new FailureError(`Cannot read ${file}: ${error.message}`);
  });
  if (existing === undefined || existing.trim() === '') {
    await writeAtomically(file, stringify({ version: 1, project: { name: projectName }, guidance }));
    return;
  }
  const doc = parseDocument(existing);
  if (doc.errors.length > 0 || !isMap(doc.contents)) {
    throw new FailureError(`Not saved: ${file} is not a YAML mapping. Fix or move it, then save again.`);
  }
  if (!doc.has('version')) doc.set('version', 1);
  if (!doc.hasIn(['project', 'name'])) doc.setIn(['project', 'name'], projectName);
  for (const key of QUESTION_KEYS) doc.setIn(['guidance', key], guidance[key]);
  await writeAtomically(file, doc.toString());
}
