// The writer moves finished files from .ami-wizard/staging/ into place with rename(), which works
// only within one mount: a file system mounted inside --out, and also a bind mount from the same
// disk (same st_dev, still EXDEV), would stop a run half-way. Both are found before anything changes.
import { lstatSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { asFailure } from './disk-errors.ts';
import { FailureError } from '../errors.ts';
import { shownPath } from './manifest.ts';
import { printable } from '../text/printable.ts';
import { inspect, type LstatCache } from './safe-path.ts';

// mountinfo writes space, tab, newline and backslash in a mount point as octal escapes.
const unescapeMountPath = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** The mount points strictly below `root` (a real path), relative to it and sorted, from the text of /proc/self/mountinfo. */
export function mountPointsBelow(mountinfo: string, root: string): string[] {
  const prefix = root.endsWith('/') ? root : `${root}/`;
  const below = new Set<string>();
  for (const line of mountinfo.split('\n')) {
    const field = line.split(' ')[4]; // id, parent id, major:minor, root, mount point, ...
    if (field === undefined) continue;
    const mountPoint = unescapeMountPath(field);
    if (mountPoint.startsWith(prefix) && mountPoint.length > prefix.length) below.add(mountPoint.slice(prefix.length));
  }
  return [...below].sort();
}

/** The device of the nearest existing folder above `rel`: where a rename from staging would land. */
async function deviceOf(outDir: string, rel: string, cache: LstatCache): Promise<number> {
  for (let dir = dirname(rel); dir !== '.'; dir = dirname(dir)) {
    const found = await inspect(outDir, dir, cache);
    if (found.kind === 'folder') return found.dev;
  }
  return lstatSync(outDir).dev;
}

/** Refuses, before anything changes, a run whose `paths` (relative to `outDir`) are not all on one mount with `staging`. */
export async function assertOneMount(outDir: string, staging: string, paths: readonly string[]): Promise<void> {
  // Not Linux, or /proc not mounted: the device check below still catches another file system.
  let mountinfo = '';
  try {
    mountinfo = readFileSync('/proc/self/mountinfo', 'utf8');
  } catch {
    // as above
  }
  for (const mount of mountPointsBelow(mountinfo, outDir)) {
    const hit = [staging, ...paths].find((path) => path === mount || path.startsWith(`${mount}/`));
    if (hit === undefined) continue;
    throw new FailureError(
      `Cannot write ${shownPath(join(outDir, hit))}: ${printable(shownPath(mount))} is a mount point inside --out (another file system, or a bind mount).\n` +
        'ami-wizard moves finished files into place, which works only within one mount; nothing was changed. Choose another --out folder.',
    );
  }
  // One look at the folders the paths share (a look changes nothing); the first in the list that differs is named.
  const cache: LstatCache = new Map();
  const [device, ...devices] = await Promise.all([staging, ...paths].map((path) => deviceOf(outDir, path, cache)));
  const other = paths.find((_, i) => devices[i] !== device);
  if (other !== undefined)
    throw asFailure(Object.assign(new Error('cross-device'), { code: 'EXDEV' }), outDir, join(outDir, other));
}
