// The file system errors a user can act on, as messages that say what to do. Anything else is ours.
import { errorCode, FailureError, InputError } from '../errors.ts';
import { shownPath } from './manifest.ts';

/** A symlink turned up where the plan saw none (something changed the folder while we ran). */
export class SymlinkInTheWay extends FailureError {
  constructor(outDir: string, link: string) {
    super(
      `${link} in ${shownPath(outDir)} is a symlink; ami-wizard never follows one, so it was left alone.\nRemove the link, or re-run with --force to replace it (its target is left alone).`,
    );
  }
}

/** Turns the errors a user can fix (permissions, a full disk, something in the way) into our errors. */
export function asFailure(error: unknown, folder: string, target: string): unknown {
  if (error instanceof FailureError || error instanceof InputError) return error;
  const where = shownPath(folder);
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return new FailureError(
        `Cannot write to ${where}: permission denied.\nChoose another --out folder or fix its permissions.`,
      );
    case 'EROFS':
      return new FailureError(`Cannot write to ${where}: read-only file system.\nChoose another --out folder.`);
    case 'ENOTDIR':
    case 'EEXIST':
      return new FailureError(
        `Cannot write to ${where}: part of that path is a file, not a folder.\nChoose another --out folder or move that file away.`,
      );
    case 'EISDIR':
    case 'ENOTEMPTY':
      return new FailureError(
        `Cannot write ${shownPath(target)}: a folder is in the way.\nMove that folder away or choose another --out folder.`,
      );
    case 'ENOSPC':
    case 'EDQUOT':
      return new FailureError(
        `Cannot write to ${where}: no space left.\nFree some space or choose another --out folder.`,
      );
    case 'EXDEV':
      return new FailureError(
        `Cannot write ${shownPath(target)}: its folder is on another file system (a mount point inside --out).\n` +
          'ami-wizard moves finished files into place, which works only within one file system. Choose another --out folder.',
      );
    case 'ELOOP':
      return new FailureError(
        `Cannot write ${shownPath(target)}: a symlink is in the way; ami-wizard never follows one.\nRemove the link or re-run with --force.`,
      );
    case 'ENOENT':
      // The plan saw it there: something else moved or removed part of the folder while we wrote.
      return new FailureError(
        `${where} changed while ami-wizard wrote to it: ${shownPath(target)} or its folder vanished (another program moved or removed it).\n` +
          'Run again once nothing else changes that folder; the next run finishes or clears what this one started.',
      );
    case 'ENAMETOOLONG':
      return new InputError(`Cannot write ${shownPath(target)}: the path is too long.\nChoose a shorter --out path.`);
    default:
      return error;
  }
}
