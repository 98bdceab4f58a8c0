// A journal on disk is input from whoever could write the folder. Committed with it (the README's
// `--out .` regenerates a repository), it would otherwise write any file (.git/hooks/...), move any
// file aside and delete any file on the next run. A real journal only holds what the run that wrote
// it planned from the same manifest, so it is finished only when it could be such a journal for this
// run: its writes are files this run generates, staged with the contents its manifest records,
// replacing only what the last run wrote; its removals are last-run files still holding that
// content. Whatever it then writes, this run replaces or removes at once, as from any last run, so
// it can claim no more than a tampered manifest could.
import { isGeneratablePath } from './generated-paths.ts';
import { shownPath, type Manifest } from './manifest.ts';
import { printable } from '../text/printable.ts';
import { settledManifest, type Journal, type JournalWrite } from './journal.ts';

export interface JournalContext {
  /** The manifest on disk. */
  previous: Manifest | null;
  /** The files this run generates. */
  paths: ReadonlySet<string>;
  /** Staged file name -> sha256 of what it holds, for the staged files still there. */
  staged: ReadonlyMap<string, string>;
}

const shown = (path: string): string => printable(shownPath(path));
const entryOf = (manifest: Manifest | null, path: string): string | null =>
  manifest && Object.hasOwn(manifest.files, path) ? manifest.files[path]! : null;

// The manifest on disk is the one the interrupted run planned from, or, when it was killed after
// writing its new manifest, that one: each rule below holds for a real journal in both cases.

/** Why `journal` cannot be finished by this run, or null when it can. Pure. */
export function journalProblem(journal: Journal, ctx: JournalContext): string | null {
  for (const write of journal.writes) {
    const path = shown(write.path);
    if (!ctx.paths.has(write.path)) return `it writes ${path}, which this run does not generate`;
    if (entryOf(journal.manifest, write.path) !== write.to)
      return `it writes ${path} with contents its own manifest does not record`;
    const staged = ctx.staged.get(write.staged);
    if (staged !== undefined && staged !== write.to)
      return `the staged file for ${path} does not hold what the journal says`;
    // Only a write that sets the old file aside (keep) may replace what the last run did not write.
    const now = entryOf(ctx.previous, write.path);
    if (!write.keep && write.from !== null && write.from !== now && now !== write.to)
      return `it overwrites ${path}, which is not what the last run wrote`;
  }
  for (const removal of journal.removals) {
    const path = shown(removal.path);
    if (!isGeneratablePath(removal.path)) return `it removes ${path}, which ami-wizard never generates`;
    const now = entryOf(ctx.previous, removal.path);
    if (now !== null && now !== removal.hash)
      return `it removes ${path}, which the last run did not write with that content`;
  }
  return null;
}

/**
 * The journal as this run finishes it, left with only what it may still do: a write the manifest
 * already records was done before it was written (never redone, so a made-up `from` replaces
 * nothing); a removal of a file the manifest does not hold is dropped; and without --force, a write
 * that would set a file aside as NAME.orig is left undone (the file stays, and this run reports a
 * conflict), since only the user running now can ask for that.
 */
export function journalToFinish(journal: Journal, previous: Manifest | null, force: boolean): Journal {
  const done = (w: JournalWrite): boolean => entryOf(previous, w.path) === w.to;
  const undone = journal.writes.filter((w) => !done(w) && w.keep && !force);
  return {
    ...journal,
    writes: journal.writes.filter((w) => !done(w) && !undone.includes(w)),
    removals: journal.removals.filter((r) => entryOf(previous, r.path) === r.hash),
    manifest: settledManifest(journal, undone),
  };
}
