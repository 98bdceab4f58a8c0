// Applies a FilePlan so that an interrupted run never leaves a half-written file: each target is
// either the old file or the complete new one, and the manifest is written last.
import { randomBytes } from 'node:crypto';
import { mkdir, open, rename, rm, rmdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { FailureError } from './errors.ts';
import { MANIFEST_PATH, manifestText, type FilePlan, type PlanAction } from './file-plan.ts';

const WRITES: ReadonlySet<PlanAction> = new Set(['create', 'update', 'overwrite']);

/** Turns the errors a user can fix (permissions, something in the way) into a FailureError. */
function asFailure(error: unknown, folder: string, target: string): unknown {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  switch (code) {
    case 'EACCES':
    case 'EPERM':
    case 'EROFS': {
      const why = code === 'EROFS' ? 'read-only file system' : 'permission denied';
      return new FailureError(`Cannot write to ${folder}: ${why}.\nChoose another --out folder or fix its permissions.`);
    }
    case 'ENOTDIR':
    case 'EEXIST':
      return new FailureError(
        `Cannot write to ${folder}: part of that path is a file, not a folder.\nChoose another --out folder or move that file away.`,
      );
    case 'EISDIR':
      return new FailureError(`Cannot write ${target}: a folder is in the way.\nMove that folder away or choose another --out folder.`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new FailureError(`Cannot write to ${folder}: no space left.\nFree some space or choose another --out folder.`);
    default:
      return error;
  }
}

async function ensureFolder(folder: string): Promise<void> {
  try {
    await mkdir(folder, { recursive: true });
  } catch (error) {
    throw asFailure(error, folder, folder);
  }
}

/** Writes a sibling temp file, then renames it over the target (atomic within one file system). */
async function writeAtomically(target: string, contents: string, mode: number): Promise<void> {
  const folder = dirname(target);
  await ensureFolder(folder);
  const temp = join(folder, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`);
  let created = false;
  try {
    const handle = await open(temp, 'wx', mode);
    created = true;
    try {
      await handle.writeFile(contents);
      await handle.chmod(mode); // open's mode is reduced by the umask
      await handle.sync(); // so a crash right after rename cannot leave an empty file
    } finally {
      await handle.close();
    }
    await rename(temp, target);
  } catch (error) {
    if (created) await rm(temp, { force: true }).catch(() => undefined);
    throw asFailure(error, folder, target);
  }
}

/** Deletes a file the last run generated, then the folders it leaves empty (up to outDir). */
async function removeGenerated(outDir: string, path: string): Promise<void> {
  const target = join(outDir, path);
  try {
    await unlink(target);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw asFailure(error, dirname(target), target);
  }
  for (let dir = dirname(path); dir !== '.'; dir = dirname(dir)) {
    // rmdir only succeeds on empty folders, so anything the user put there stays.
    const removed = await rmdir(join(outDir, dir)).then(() => true, () => false);
    if (!removed) break;
  }
}

/** Carries out the plan: removals, then writes, then the manifest (skipped when identical). */
export async function applyPlan(plan: FilePlan): Promise<void> {
  const { outDir } = plan;
  await ensureFolder(outDir);
  // Removals first, so a generated file may replace a folder that only held removed files.
  for (const entry of plan.entries) {
    if (entry.action === 'remove') await removeGenerated(outDir, entry.path);
  }
  // Files are independent: write them concurrently, so their fsyncs overlap.
  await Promise.all(
    plan.entries
      .filter((entry) => WRITES.has(entry.action))
      .map((entry) => {
        if (!entry.file) throw new Error(`applyPlan: ${entry.action} ${entry.path} has no file.`);
        return writeAtomically(join(outDir, entry.path), entry.file.contents, entry.file.mode);
      }),
  );
  if (!plan.manifestUnchanged) await writeAtomically(join(outDir, MANIFEST_PATH), manifestText(plan.manifest), 0o644);
}
