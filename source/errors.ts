// Errors a user can act on. The CLI prints their message (never a stack) and exits with their code.
// incomplete: an audit that could not reach every account or region it was to check (audit --org).
export const EXIT = { ok: 0, failure: 1, badInput: 2, incomplete: 3, cancelled: 130 } as const;

/** Bad input from the user: the message names the problem and the fix. Exit code 2. */
export class InputError extends Error {
  readonly exitCode: number = EXIT.badInput;
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}

/** Something failed that is not the input's fault (a disk, a conflict, a tool). Exit code 1. */
export class FailureError extends Error {
  readonly exitCode: number = EXIT.failure;
  constructor(message: string) {
    super(message);
    this.name = 'FailureError';
  }
}

/** Ctrl+C, or quitting at the confirm step: nothing was written. Exit code 130. */
export class CancelledError extends Error {
  readonly exitCode: number = EXIT.cancelled;
  constructor(message = 'Cancelled, nothing was written.') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** The errno code of a failed system call (ENOENT, EACCES, ...), or undefined for any other error. */
export const errorCode = (error: unknown): string | undefined => (error as NodeJS.ErrnoException | null)?.code;
