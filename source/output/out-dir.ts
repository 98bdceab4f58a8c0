// --out as a real folder: resolved once (the user may point it through a symlink of their choosing),
// after which the writer works only inside the real path. Folders that cannot work are refused here,
// with a message, before anything is read or written. The looks are synchronous, as the writer's are
// (safe-path.ts): each is microseconds of work.
import { lstatSync, readlinkSync, realpathSync, statfsSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { errorCode, FailureError, InputError } from '../errors.ts';
import { shownPath } from './manifest.ts';

// Linux limits: PATH_MAX counts the closing NUL; NAME_MAX is per name.
const PATH_MAX_BYTES = 4095;
const NAME_MAX_BYTES = 255;

// statfs magic numbers of kernel pseudo file systems: writing there means talking to the kernel.
const PSEUDO_FILE_SYSTEMS = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x64626720, 'debugfs'],
  [0x74726163, 'tracefs'],
  [0x73636673, 'securityfs'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0xcafe4a11, 'bpf'],
  [0x6165676c, 'pstore'],
  [0x62656570, 'configfs'],
  [0xde5e81e4, 'efivarfs'],
  [0x65735543, 'fusectl'],
  [0x42494e4d, 'binfmt_misc'],
  [0x6e736673, 'nsfs'],
  [0x19800202, 'mqueue'],
]);
const PSEUDO_ROOTS = ['/proc', '/sys'];

const tooLong = (path: string): InputError =>
  new InputError(
    `--out is too long: ${path.length.toLocaleString('en-US')} characters (a path may have at most ${PATH_MAX_BYTES} bytes, a folder name ${NAME_MAX_BYTES}).\nChoose a shorter path.`,
  );

function refuse(code: string | undefined, outDir: string, error: unknown): never {
  if (code === 'ENAMETOOLONG') throw tooLong(outDir);
  if (code === 'ELOOP')
    throw new InputError(`--out ${shownPath(outDir)} goes through a loop of symlinks.\nChoose another folder.`);
  if (code === 'EACCES' || code === 'EPERM') {
    throw new FailureError(
      `Cannot read ${shownPath(outDir)}: permission denied.\nChoose another --out folder or fix its permissions.`,
    );
  }
  throw error;
}

async function refusePseudoFileSystem(real: string, outDir: string): Promise<void> {
  let type: string | undefined = PSEUDO_ROOTS.find((root) => real === root || real.startsWith(`${root}/`))?.slice(1);
  if (!type) {
    try {
      type = PSEUDO_FILE_SYSTEMS.get(Number(statfsSync(real).type));
    } catch {
      // statfs is an extra safeguard; the path check above covers the usual mounts.
    }
  }
  if (type) {
    throw new InputError(
      `--out ${shownPath(outDir)} is on a pseudo file system of the kernel (${type}); files cannot be written there.\nChoose a folder on a disk.`,
    );
  }
}

/**
 * The real, absolute output folder for `outDir` (which need not exist yet): the nearest existing
 * ancestor resolved with realpath, plus the names still to be created.
 */
export async function resolveOutDir(outDir: string): Promise<string> {
  const absolute = resolve(outDir);
  if (
    Buffer.byteLength(absolute) > PATH_MAX_BYTES ||
    absolute.split('/').some((name) => Buffer.byteLength(name) > NAME_MAX_BYTES)
  ) {
    throw tooLong(absolute);
  }
  const missing: string[] = [];
  let existing = absolute;
  for (;;) {
    try {
      lstatSync(existing);
      break;
    } catch (error) {
      const code = errorCode(error);
      if ((code !== 'ENOENT' && code !== 'ENOTDIR') || existing === dirname(existing)) refuse(code, absolute, error);
      missing.unshift(basename(existing));
      existing = dirname(existing);
    }
  }
  let real: string;
  try {
    real = realpathSync.native(existing);
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') refuse(errorCode(error), absolute, error);
    let target = '?';
    try {
      target = readlinkSync(existing);
    } catch {
      // as shown: unknown
    }
    throw new InputError(
      `--out ${shownPath(absolute)}: ${shownPath(existing)} is a symlink that points nowhere (to ${shownPath(target)}, which does not exist).\nCreate that folder, remove the link, or choose another --out folder.`,
    );
  }
  if (!statSync(real).isDirectory()) {
    if (missing.length === 0)
      throw new InputError(`--out DIR names a file, not a folder: ${absolute}\nChoose a folder path.`);
    throw new FailureError(
      `Cannot write to ${shownPath(absolute)}: part of that path is a file, not a folder.\nChoose another --out folder or move that file away.`,
    );
  }
  await refusePseudoFileSystem(real, absolute);
  const result = join(real, ...missing);
  if (Buffer.byteLength(result) > PATH_MAX_BYTES) throw tooLong(result);
  return result;
}

/** Refuses, before anything is written, an --out whose files would have paths longer than the system allows. */
export function assertPathsFit(outDir: string, paths: readonly string[]): void {
  const longest = paths.reduce((max, path) => Math.max(max, Buffer.byteLength(`${outDir}/${path}`)), 0);
  if (longest > PATH_MAX_BYTES) {
    throw new InputError(
      `--out is too long for the files that go in it: the longest path would have ${longest.toLocaleString('en-US')} bytes (at most ${PATH_MAX_BYTES}).\nChoose a shorter path.`,
    );
  }
}
