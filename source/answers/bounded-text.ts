// Reading a small text input the user names (the answers file, a tag policy) from any source: a file,
// a FIFO, a device such as /dev/zero, /dev/stdin. The size a stat reports cannot be trusted for those,
// so at most maxBytes (+1, to know there is more) are read, and each failure gets its own message.
import { isUtf8 } from 'node:buffer';
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { errorCode, InputError } from '../errors.ts';

/** What the input is, for the messages: each kind keeps its own wording and hints. */
export interface TextFileKind {
  /** Starts the not-found message: "Answers file", "Tag policy". */
  label: string;
  /** The line after "LABEL not found: FILE". */
  notFoundHint: string;
  /** The sentence after "FILE is a folder.", e.g. what to pass instead. */
  folderHint: (file: string) => string;
  /** After "FILE holds more than N bytes; ", e.g. "an answers file is at most that". */
  sizeNote: string;
  /** After "FILE is not a text file (it contains NUL bytes). " */
  binaryHint: string;
  /** After "FILE is not UTF-8 text. " */
  encodingHint: string;
  /** Only a regular file will do: a symlink, a FIFO or a device is refused before a byte is read. */
  regularOnly?: boolean;
}

/** The most an answers file may hold, loading and saving alike. */
export const MAX_ANSWERS_BYTES = 256 * 1024;

const PAUSE = new Int32Array(new SharedArrayBuffer(4));
/** How long a FIFO may stay without a writer: a writer started just before or after us opens it in time. */
const FIFO_WRITER_WAIT_MS = 5_000;
/** How long a writer may hold a FIFO open without sending a byte, before the read gives up. */
const FIFO_SILENCE_MS = 5_000;

/** The text of `file` (UTF-8, without a BOM); `shown` names it in messages (as typed, not resolved). */
export function readBoundedText(file: string, maxBytes: number, kind: TextFileKind, shown = file): string {
  const bytes = readBounded(file, maxBytes, kind, shown);
  if (bytes.includes(0))
    throw new InputError(`${shown} is not a text file (it contains NUL bytes). ${kind.binaryHint}`);
  if (!isUtf8(bytes)) throw new InputError(`${shown} is not UTF-8 text. ${kind.encodingHint}`);
  const text = bytes.toString('utf8');
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

function readBounded(file: string, maxBytes: number, kind: TextFileKind, shown: string): Buffer {
  // /dev/stdin is fd 0 itself: opening it again fails when stdin is a socket (as Node's child processes get).
  const stdin = file === '/dev/stdin';
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO that no program writes to would otherwise wait in open() forever. For
    // a regular file it changes nothing; a read that would block says EAGAIN and is waited for below.
    fd = stdin
      ? 0
      : openSync(file, constants.O_RDONLY | constants.O_NONBLOCK | (kind.regularOnly ? constants.O_NOFOLLOW : 0));
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new InputError(`${kind.label} not found: ${shown}\n${kind.notFoundHint}`);
    if (code === 'ELOOP' && kind.regularOnly) throw new InputError(`${shown} is a symlink, not a regular file.`);
    throw unreadable(shown, code);
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) throw new InputError(`${shown} is a folder. ${kind.folderHint(shown)}`);
    if (kind.regularOnly && !stat.isFile())
      throw new InputError(`${shown} is not a regular file (a pipe or a device).`);
    const fifo = stat.isFIFO() && !stdin;
    const buffer = Buffer.alloc(maxBytes + 1);
    let length = 0;
    // A FIFO without a writer reads as its end. Until a writer is seen (a byte, or EAGAIN: a writer
    // with nothing to say yet), that end means "no writer yet", and is waited for, up to a limit.
    let writerSeen = !fifo;
    const giveUpAt = Date.now() + FIFO_WRITER_WAIT_MS;
    // A writer that holds the FIFO open and sends nothing would keep the read waiting for ever.
    let silentSince = Date.now();
    for (;;) {
      let n: number;
      try {
        n = readSync(fd, buffer, length, buffer.length - length, null);
      } catch (error) {
        const code = errorCode(error);
        if (code === 'EAGAIN') {
          writerSeen = true;
          if (Date.now() - silentSince >= FIFO_SILENCE_MS) {
            throw new InputError(
              `${shown} is a pipe that sent nothing for ${FIFO_SILENCE_MS / 1000} s (its writer holds it open without writing).\n` +
                'Check the program that writes to it, or pass a file.',
            );
          }
          Atomics.wait(PAUSE, 0, 0, 10); // nothing to read yet: wait, do not spin
          continue;
        }
        if (code === 'EISDIR') throw new InputError(`${shown} is a folder. ${kind.folderHint(shown)}`);
        throw unreadable(shown, code);
      }
      if (n === 0) {
        if (writerSeen) break;
        if (Date.now() >= giveUpAt) {
          throw new InputError(
            `${shown} is a pipe that nothing wrote to within ${FIFO_WRITER_WAIT_MS / 1000} s.\nStart the program that writes to it first, or pass a file.`,
          );
        }
        Atomics.wait(PAUSE, 0, 0, 10);
        continue;
      }
      writerSeen = true;
      silentSince = Date.now();
      length += n;
      if (length > maxBytes)
        throw new InputError(`${shown} holds more than ${maxBytes} bytes; ${kind.sizeNote}. Is this the right file?`);
    }
    return buffer.subarray(0, length);
  } finally {
    if (!stdin) closeSync(fd);
  }
}

const unreadable = (file: string, code: string | undefined): InputError =>
  new InputError(
    `Cannot read ${file}${code === 'EACCES' || code === 'EPERM' ? ': permission denied' : ` (${code})`}.\nMake the file readable, or pass another one.`,
  );
