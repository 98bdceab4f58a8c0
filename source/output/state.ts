// Reads the output folder as far as planning needs it: the last manifest, what each path holds, the
// symlinks on the way (never followed), and free NAME.orig names. A journal left by an interrupted
// run is checked against this run (journal-trust.ts), then rolled forward in memory only, so even a
// dry run reports the folder as the next write will find it.
import { join } from 'node:path';
import { errorCode, FailureError, InputError } from '../errors.ts';
import { assertGeneratedPath, NOT_A_FILE, type Interrupted, type OutputState } from './plan.ts';
import { journalProblem, journalToFinish } from './journal-trust.ts';
import {
  JOURNAL_PATH,
  LIMITS,
  MANIFEST_PATH,
  META_DIR,
  STAGING_DIR,
  parseManifest,
  shownPath,
  type Manifest,
} from './manifest.ts';
import { assertPathsFit, resolveOutDir } from './out-dir.ts';
import { firstFreeOrig, hashRegularFile, inspect, readSmallFile, type LstatCache } from './safe-path.ts';
import { SYMLINK, parseJournal, pathHash, rollForward, type Journal, type PathHash } from './journal.ts';

interface Meta {
  previous: Manifest | null;
  previousText?: string;
  journal: Journal | null;
  /** Under --force: why the journal on disk is not valid (it is discarded). */
  journalInvalid?: string;
  metaSymlink?: string;
}

function symlinkInMeta(root: string, link: string): FailureError {
  return new FailureError(
    `${link} is a symlink (in ${shownPath(root)}); ami-wizard keeps its manifest there and never follows a link, so nothing was written.\n` +
      'Remove the link, or re-run with --force to replace it (its target is left alone).',
  );
}

async function readMetaFile(
  root: string,
  rel: string,
  cache: LstatCache,
): Promise<string | null | { invalid: string }> {
  const found = await inspect(root, rel, cache);
  if (found.kind === 'missing') return null;
  if (found.kind !== 'file') return { invalid: 'it is not a file' };
  try {
    return (await readSmallFile(join(root, rel), LIMITS.fileBytes)) ?? { invalid: 'it is not a file' };
  } catch (error) {
    if (errorCode(error) === 'EFBIG') return { invalid: `it is larger than ${LIMITS.fileBytes / 1024 / 1024} MiB` };
    if (errorCode(error) === 'ELOOP') return { invalid: 'it became a symlink' }; // swapped since the look above
    throw error;
  }
}

/** The manifest and the journal, read only when nothing in .ami-wizard/ on the way to them is a symlink. */
async function readMeta(root: string, force: boolean, cache: LstatCache): Promise<Meta> {
  const folder = await inspect(root, META_DIR, cache);
  if (folder.kind === 'file' || folder.kind === 'other') {
    throw new FailureError(
      `${join(root, META_DIR)} is not a folder; ami-wizard keeps its manifest in a folder of that name.\nMove it away or choose another --out folder.`,
    );
  }
  // A link at .ami-wizard/ or the manifest hides the last run; one at the journal or staging/ hides
  // only an interrupted run's leftovers, which --force then discards.
  let metaSymlink: string | undefined;
  for (const rel of [META_DIR, MANIFEST_PATH, JOURNAL_PATH, STAGING_DIR]) {
    const found = await inspect(root, rel, cache);
    if (found.kind !== 'symlink') continue;
    if (!force) throw symlinkInMeta(root, found.at);
    metaSymlink = found.at;
    if (found.at === META_DIR || found.at === MANIFEST_PATH) return { previous: null, journal: null, metaSymlink };
    break;
  }

  const manifestText = await readMetaFile(root, MANIFEST_PATH, cache);
  let previous: Manifest | null = null;
  let previousText: string | undefined;
  if (manifestText !== null) {
    const parsed = typeof manifestText === 'string' ? parseManifest(manifestText) : manifestText.invalid;
    if (typeof manifestText === 'string') previousText = manifestText;
    if (typeof parsed !== 'string') previous = parsed;
    else if (!force) {
      throw new InputError(
        `The manifest ${join(root, MANIFEST_PATH)} is not valid: ${parsed}.\n` +
          `Delete ${MANIFEST_PATH} in that folder, or re-run with --force (a file that differs from the new one is then kept as NAME.orig).`,
      );
    }
  }

  const journalText = metaSymlink ? null : await readMetaFile(root, JOURNAL_PATH, cache);
  let journal: Journal | null = null;
  let journalInvalid: string | undefined;
  if (journalText !== null) {
    const parsed = typeof journalText === 'string' ? parseJournal(journalText) : journalText.invalid;
    if (typeof parsed !== 'string') journal = parsed;
    else if (!force) {
      throw new InputError(
        `The journal of an interrupted run, ${join(root, JOURNAL_PATH)}, is not valid: ${parsed}.\n` +
          `Delete ${JOURNAL_PATH} and ${STAGING_DIR}/ in that folder, or re-run with --force (which discards it).`,
      );
    } else journalInvalid = `it is not valid: ${parsed}`;
  }
  return { previous, previousText, journal, journalInvalid, metaSymlink };
}

/** The sha256 of each staged file the journal names that is there (a regular file). */
async function stagedHashes(root: string, journal: Journal, cache: LstatCache): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const write of journal.writes) {
    const rel = `${STAGING_DIR}/${write.staged}`;
    if ((await inspect(root, rel, cache)).kind !== 'file') continue;
    const hash = await hashRegularFile(join(root, rel));
    hashes.set(write.staged, hash === null || hash === 'symlink' || hash === 'other' ? NOT_A_FILE : hash);
  }
  return hashes;
}

/**
 * The journal to finish, checked against what this run generates (journal-trust.ts). One that does
 * not match is refused, naming why; --force discards it, and the plan says so.
 */
async function checkedJournal(
  root: string,
  meta: Meta,
  paths: readonly string[],
  force: boolean,
  cache: LstatCache,
): Promise<Interrupted | undefined> {
  if (meta.journalInvalid) return { discard: meta.journalInvalid };
  if (!meta.journal) return undefined;
  const staged = await stagedHashes(root, meta.journal, cache);
  const problem = journalProblem(meta.journal, { previous: meta.previous, paths: new Set(paths), staged });
  if (!problem) return { finish: journalToFinish(meta.journal, meta.previous, force) };
  if (force) return { discard: problem };
  throw new InputError(
    `The journal of an interrupted run, ${join(root, JOURNAL_PATH)}, does not match this run: ${problem}; nothing was written.\n` +
      `If a run was interrupted here, re-run it with the same answers to finish it. Otherwise it is not from a run here (ami-wizard keeps journals out of git; ` +
      `this one may have come with a commit): delete ${JOURNAL_PATH} and ${STAGING_DIR}/ in that folder, or re-run with --force (which discards it).`,
  );
}

/**
 * Reads the last manifest and what is at `paths` and at every path in that manifest (and in a
 * journal left by an interrupted run). With `force`, a malformed manifest or journal is ignored
 * instead of stopping the run, and a symlink in .ami-wizard/ is planned for replacement.
 */
export async function readOutputState(
  outDir: string,
  paths: readonly string[],
  options: { force?: boolean } = {},
): Promise<OutputState> {
  paths.forEach(assertGeneratedPath);
  const force = options.force ?? false;
  const root = await resolveOutDir(outDir);
  // The longest of the generated paths and of the staged files (a 24-character name in staging/).
  assertPathsFit(root, [...paths, `${STAGING_DIR}/${'x'.repeat(24)}`]);
  const cache: LstatCache = new Map();
  const meta = await readMeta(root, force, cache);
  const interrupted = await checkedJournal(root, meta, paths, force, cache);
  const journal = interrupted && 'finish' in interrupted ? interrupted.finish : null;

  const all = [
    ...new Set([
      ...paths,
      ...Object.keys(meta.previous?.files ?? {}),
      ...(journal ? [...journal.writes, ...journal.removals].map((e) => e.path) : []),
      ...Object.keys(journal?.manifest.files ?? {}),
    ]),
  ];
  const found = await Promise.all(all.map((path) => pathHash(root, path, cache)));
  let disk = new Map<string, PathHash>(all.map((path, i) => [path, found[i]?.hash ?? null]));
  const links = new Map<string, string>();
  all.forEach((path, i) => {
    const link = found[i]?.link;
    if (link) links.set(path, link);
  });

  let previous = meta.previous;
  let previousText = meta.previousText;
  if (journal) {
    // The staged files were hashed (and, when there, found to hold what the journal says) just above.
    const staged = await Promise.all(
      journal.writes.map(async (w) => (await inspect(root, `${STAGING_DIR}/${w.staged}`, cache)).kind === 'file'),
    );
    const after = rollForward(journal, disk, new Set(journal.writes.filter((_, i) => staged[i]).map((w) => w.staged)));
    disk = after.disk;
    previous = after.manifest;
    previousText = undefined; // the text on disk may predate the interrupted run: not relied on
  }

  // What is at a generated path is kept under a free name when --force replaces or overwrites it.
  const origNames = new Map<string, string>();
  const taken = new Set(all);
  for (const path of paths) {
    const current = disk.get(path) ?? null;
    if (current === null || current === SYMLINK || links.has(path)) continue;
    const name = await firstFreeOrig(root, path, taken, cache);
    taken.add(name);
    origNames.set(path, name);
  }

  const publicDisk = new Map([...disk].map(([path, hash]) => [path, hash === SYMLINK ? NOT_A_FILE : hash]));
  return {
    outDir: root,
    previous,
    previousText,
    disk: publicDisk,
    links,
    origNames,
    metaSymlink: meta.metaSymlink,
    ...(interrupted && { interrupted }),
  };
}
