// Applies a FilePlan inside the real output folder, as a journalled transaction (journal.ts):
// an interrupted run never leaves a half-written file, a false conflict or a temporary file behind,
// and no path is ever read, written or deleted through a symlink (safe-path.ts).
import { readdirSync, realpathSync, unlinkSync, type Dirent } from 'node:fs';
import { dirname, join } from 'node:path';
import { asFailure, SymlinkInTheWay } from './disk-errors.ts';
import { WRITES } from './plan.ts';
import type { FilePlan } from './plan.ts';
import { JOURNAL_PATH, MANIFEST_PATH, META_DIR, META_IGNORE_PATH, STAGING_DIR, sha256 } from './manifest.ts';
import { assertOneMount } from './mount-points.ts';
import { eachBounded, ensureFolders, inspect, removeSymlink, tried } from './safe-path.ts';
import {
  clearStaging,
  commitJournal,
  ensureMetaIgnore,
  PARALLEL_PATHS,
  stageFile,
  writeJournal,
  type Journal,
} from './journal.ts';

/** Creates the output folder (already a real path) one component at a time, then checks it still is. */
async function ensureOutDir(outDir: string): Promise<void> {
  await ensureFolders('/', outDir.replace(/^\/+/, ''));
  let real: string;
  try {
    real = realpathSync.native(outDir);
  } catch (error) {
    throw asFailure(error, outDir, outDir);
  }
  if (real !== outDir) throw new SymlinkInTheWay(dirname(outDir), outDir);
}

/**
 * Finishes the interrupted run the plan was made after (its journal as planning checked it, never
 * re-read), or else clears what one left: a journal planning discarded under --force, staged litter,
 * and links in .ami-wizard/ when .ami-wizard/ itself was just replaced (never followed).
 */
async function settleInterruptedRun(plan: FilePlan, metaLinkReplaced: boolean): Promise<void> {
  const { outDir, interrupted } = plan;
  if ((await inspect(outDir, META_DIR)).kind !== 'folder') return;
  if (interrupted && 'finish' in interrupted) {
    await commitJournal(outDir, interrupted.finish);
    return;
  }
  if (metaLinkReplaced) for (const rel of [JOURNAL_PATH, STAGING_DIR]) await removeSymlink(outDir, rel);
  if ((await inspect(outDir, JOURNAL_PATH)).kind !== 'missing') tried(() => unlinkSync(join(outDir, JOURNAL_PATH)));
  await clearStaging(outDir);
}

/** Files from older versions: `.NAME.<12 hex>.tmp` beside a generated file, left by a killed run. */
async function removeOldTempFiles(outDir: string, plan: FilePlan): Promise<void> {
  const namesByFolder = new Map<string, Set<string>>();
  for (const path of [...plan.entries.map((e) => e.path), MANIFEST_PATH]) {
    const folder = dirname(path);
    namesByFolder.set(
      folder,
      (namesByFolder.get(folder) ?? new Set()).add(path.slice(folder === '.' ? 0 : folder.length + 1)),
    );
  }
  // Folders side by side: each is checked right before it is read, and only its own files go.
  await eachBounded([...namesByFolder], PARALLEL_PATHS, async ([folder, names]) => {
    if (folder !== '.' && (await inspect(outDir, folder)).kind !== 'folder') return;
    const abs = folder === '.' ? outDir : join(outDir, folder);
    let entries: Dirent[] = [];
    try {
      entries = readdirSync(abs, { withFileTypes: true });
    } catch {
      return; // gone meanwhile: nothing of ours to clear
    }
    for (const entry of entries) {
      const match = /^\.(.+)\.[0-9a-f]{12}\.tmp$/.exec(entry.name);
      if (match?.[1] && names.has(match[1]) && entry.isFile()) tried(() => unlinkSync(join(abs, entry.name)));
    }
  });
}

/**
 * Carries out the plan: replaced links first, then stage, journal, commit (removals, writes, manifest).
 * A file-system error no step named (a path that vanished because another program changed the folder
 * meanwhile) is named here, never reported as unexpected.
 */
export async function applyPlan(plan: FilePlan): Promise<void> {
  try {
    await applyPlanSteps(plan);
  } catch (error) {
    throw asFailure(error, plan.outDir, plan.outDir);
  }
}

const settle = <T>(work: Promise<T>): Promise<PromiseSettledResult<T>> =>
  work.then(
    (value) => ({ status: 'fulfilled', value }),
    (reason: unknown) => ({ status: 'rejected', reason }),
  );

async function applyPlanSteps(plan: FilePlan): Promise<void> {
  const { outDir } = plan;
  await ensureOutDir(outDir);
  const writes = plan.entries.filter((e) => WRITES.has(e.action) && e.file);
  const removals = plan.entries.filter((e) => e.action === 'remove');
  // Every path a rename may land on, the interrupted run's too (all of them generated paths).
  const touched = [
    ...plan.entries.filter((e) => e.file || e.action === 'remove').map((e) => e.path),
    MANIFEST_PATH,
    META_IGNORE_PATH,
    JOURNAL_PATH,
  ];
  await assertOneMount(outDir, `${STAGING_DIR}/x`, touched);
  // --force replaces a link itself, never what it points to; .ami-wizard/ first (it sorts first).
  const links = [
    ...new Set(plan.entries.filter((e) => e.action === 'replace' && e.symlink).map((e) => e.symlink as string)),
  ];
  for (const link of links) await removeSymlink(outDir, link);
  await settleInterruptedRun(
    plan,
    links.some((link) => link === META_DIR || link.startsWith(`${META_DIR}/`)),
  );

  if (writes.length > 0 || removals.length > 0 || !plan.manifestUnchanged) {
    await ensureFolders(outDir, STAGING_DIR);
    // .ami-wizard/.gitignore before any journal exists, so git never sees one; a run killed here leaves
    // only staged litter. It and the staged files are written concurrently, so the fsyncs overlap;
    // settled, so no write is still running once one fails. Each staged file checks the staging
    // folder's path right before it opens its file: one check for the whole phase would let a folder
    // swapped for a link mid-phase carry the later files out of --out.
    const [ignore, staged] = await Promise.all([
      settle(ensureMetaIgnore(outDir)),
      eachBounded(writes, PARALLEL_PATHS, (e) => settle(stageFile(outDir, e.file!.contents, e.file!.mode))),
    ]);
    if (ignore?.status === 'rejected') {
      await clearStaging(outDir).catch(() => undefined);
      throw asFailure(ignore.reason, join(outDir, META_DIR), join(outDir, META_IGNORE_PATH));
    }
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
