// Applies a FilePlan inside the real output folder, as a journalled transaction (write-journal.ts):
// an interrupted run never leaves a half-written file, a false conflict or a temporary file behind,
// and no path is ever read, written or deleted through a symlink (safe-path.ts).
import { lstat, readdir, realpath, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { asFailure, SymlinkInTheWay } from './disk-errors.ts';
import type { FilePlan, FilePlanEntry, PlanAction } from './file-plan.ts';
import { JOURNAL_PATH, MANIFEST_PATH, META_DIR, STAGING_DIR, sha256 } from './manifest.ts';
import { ensureFolders, inspect, removeSymlink } from './safe-path.ts';
import { clearStaging, commitJournal, readJournal, stageFile, writeJournal, type Journal } from './write-journal.ts';

const WRITES: ReadonlySet<PlanAction> = new Set(['create', 'update', 'overwrite', 'replace']);

/** Creates the output folder (already a real path) one component at a time, then checks it still is. */
async function ensureOutDir(outDir: string): Promise<void> {
  await ensureFolders('/', outDir.replace(/^\/+/, ''));
  const real = await realpath(outDir).catch((error: unknown) => Promise.reject(asFailure(error, outDir, outDir)));
  if (real !== outDir) throw new SymlinkInTheWay(dirname(outDir), outDir);
}

/** Finishes (or, when its .ami-wizard/ was just replaced, discards) what an interrupted run left. */
async function finishInterruptedRun(outDir: string, discard: boolean): Promise<void> {
  if ((await inspect(outDir, META_DIR)).kind !== 'folder') return;
  const journal = discard ? null : await readJournal(outDir);
  if (journal !== null && typeof journal !== 'string') {
    await commitJournal(outDir, journal);
    return;
  }
  // An unreadable journal, or one planning ignored because a link was in .ami-wizard/, gets here
  // only under --force (planning refuses both otherwise): discarded, links included, never followed.
  if (discard) for (const rel of [JOURNAL_PATH, STAGING_DIR]) await removeSymlink(outDir, rel);
  if (journal !== null || discard) await unlink(join(outDir, JOURNAL_PATH)).catch(() => undefined);
  await clearStaging(outDir);
}

/** The device of the nearest existing folder above `rel`: where a rename from staging would land. */
async function deviceOf(outDir: string, rel: string): Promise<number> {
  for (let dir = dirname(rel); dir !== '.'; dir = dirname(dir)) {
    const found = await inspect(outDir, dir);
    if (found.kind === 'folder') return found.dev;
  }
  return (await lstat(outDir)).dev;
}

async function assertOneFileSystem(outDir: string, entries: readonly FilePlanEntry[]): Promise<void> {
  const staging = await deviceOf(outDir, `${STAGING_DIR}/x`);
  for (const entry of entries) {
    if ((await deviceOf(outDir, entry.path)) !== staging) {
      throw asFailure(Object.assign(new Error('cross-device'), { code: 'EXDEV' }), outDir, join(outDir, entry.path));
    }
  }
}

/** Files from older versions: `.NAME.<12 hex>.tmp` beside a generated file, left by a killed run. */
async function removeOldTempFiles(outDir: string, plan: FilePlan): Promise<void> {
  const namesByFolder = new Map<string, Set<string>>();
  for (const path of [...plan.entries.map((e) => e.path), MANIFEST_PATH]) {
    const folder = dirname(path);
    namesByFolder.set(folder, (namesByFolder.get(folder) ?? new Set()).add(path.slice(folder === '.' ? 0 : folder.length + 1)));
  }
  for (const [folder, names] of namesByFolder) {
    if (folder !== '.' && (await inspect(outDir, folder)).kind !== 'folder') continue;
    const abs = folder === '.' ? outDir : join(outDir, folder);
    for (const entry of await readdir(abs, { withFileTypes: true }).catch(() => [])) {
      const match = /^\.(.+)\.[0-9a-f]{12}\.tmp$/.exec(entry.name);
      if (match?.[1] && names.has(match[1]) && entry.isFile()) await unlink(join(abs, entry.name)).catch(() => undefined);
    }
  }
}

/** Carries out the plan: replaced links first, then stage, journal, commit (removals, writes, manifest). */
export async function applyPlan(plan: FilePlan): Promise<void> {
  const { outDir } = plan;
  await ensureOutDir(outDir);
  // --force replaces a link itself, never what it points to; .ami-wizard/ first (it sorts first).
  const links = [...new Set(plan.entries.filter((e) => e.action === 'replace' && e.symlink).map((e) => e.symlink as string))];
  for (const link of links) await removeSymlink(outDir, link);
  await finishInterruptedRun(outDir, links.some((link) => link === META_DIR || link.startsWith(`${META_DIR}/`)));

  const writes = plan.entries.filter((e) => WRITES.has(e.action) && e.file);
  const removals = plan.entries.filter((e) => e.action === 'remove');
  if (writes.length > 0 || removals.length > 0 || !plan.manifestUnchanged) {
    await ensureFolders(outDir, STAGING_DIR);
    await assertOneFileSystem(outDir, writes);
    // Concurrently, so the fsyncs overlap; settled, so no write is still running once this fails.
    const staged = await Promise.allSettled(writes.map((e) => stageFile(outDir, e.file!.contents, e.file!.mode)));
    const failed = staged.find((s): s is PromiseRejectedResult => s.status === 'rejected');
    if (failed) {
      await clearStaging(outDir).catch(() => undefined);
      throw asFailure(failed.reason, join(outDir, STAGING_DIR), join(outDir, STAGING_DIR));
    }
    const journal: Journal = {
      version: 1,
      writes: writes.map((e, i) => ({
        path: e.path,
        staged: (staged[i] as PromiseFulfilledResult<string>).value,
        from: e.found ?? null,
        to: sha256(e.file!.contents),
        keep: e.keptAs !== undefined,
        last: Object.hasOwn(plan.previousFiles, e.path) ? (plan.previousFiles[e.path] ?? null) : null,
      })),
      removals: removals.map((e) => {
        if (!e.found) throw new Error(`applyPlan: remove ${e.path} has no hash.`);
        return { path: e.path, hash: e.found };
      }),
      manifest: plan.manifest,
    };
    try {
      await writeJournal(outDir, journal);
    } catch (error) {
      await clearStaging(outDir).catch(() => undefined);
      throw asFailure(error, join(outDir, META_DIR), join(outDir, META_DIR));
    }
    await commitJournal(outDir, journal);
  }
  await removeOldTempFiles(outDir, plan);
}
