// stdout and stderr written straight to their descriptors: Node's process.stdout builds the stream
// stack on first touch (two dozen of its own modules, 2 to 3 ms of a 40 ms recommend), which a
// command that prints a page of text and exits never needs. Node's stream is still used once
// something needs it (Ink draws on it, the spinner on stderr, output that streams while other work
// runs: a blocking write would stop that work), once the descriptor cannot take a write at once (a
// non-blocking pipe that is full), and always on Windows, where a console is written as UTF-16 by
// the stream only. From then on every write goes through the stream, so nothing overtakes what it
// holds.
//
// A reader that has gone away (`ami-wizard recommend | head -1`, EPIPE) ends the output, not the run:
// the rest of what is written there is dropped and the command finishes as it would have, with its
// own exit code.
import { fstatSync, statSync, writeSync } from 'node:fs';

/** What the output needs of Node's stream for the descriptor. */
export interface FallbackStream {
  write(data: Uint8Array | string): unknown;
  on(event: 'error', listener: (error: NodeJS.ErrnoException) => void): unknown;
}

export interface DirectOutput<S extends FallbackStream> {
  write(text: string): void;
  /** Node's stream for the descriptor, from now on the one every write goes through. */
  stream(): S;
  /** Whether the stream is in use (asked by whoever waits for it to drain). */
  readonly streamed: S | undefined;
}

type Write = (fd: number, data: Uint8Array, offset: number) => number;

const defaultWrite: Write = (fd, data, offset) => writeSync(fd, data, offset);

/**
 * Output to `fd`, written synchronously until `openStream`'s stream is needed (`direct` false: the
 * stream from the start).
 */
export function directOutput<S extends FallbackStream>(
  fd: number,
  openStream: () => S,
  { direct = process.platform !== 'win32', write = defaultWrite }: { direct?: boolean; write?: Write } = {},
): DirectOutput<S> {
  let streamed: S | undefined;
  let readerGone = false;
  const stream = (): S => {
    if (!streamed) {
      streamed = openStream();
      streamed.on('error', (error) => {
        if (error.code !== 'EPIPE') throw error;
        readerGone = true;
      });
    }
    return streamed;
  };
  return {
    write(text) {
      if (readerGone) return;
      if (streamed || !direct) {
        stream().write(text);
        return;
      }
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) {
          const written = write(fd, bytes, done);
          // Nothing taken and no error: the stream will wait for room instead of this loop spinning.
          if (written === 0) throw Object.assign(new Error('no room'), { code: 'EAGAIN' });
          done += written;
        }
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') readerGone = true;
        else if (code === 'EAGAIN') stream().write(bytes.subarray(done));
        else throw error;
      }
    },
    stream,
    get streamed() {
      return streamed;
    },
  };
}

let devNull: bigint | null | undefined;

/**
 * Whether `fd` is a terminal. What is not a character device, or is /dev/null, is not: only a
 * character device of another kind asks Node's stream for it (`stdio`), which loads the tty module
 * and the stream stack with it.
 */
export function isTerminal(fd: number, stdio: () => { isTTY?: boolean }): boolean {
  const stats = fstatSync(fd, { bigint: true });
  if (!stats.isCharacterDevice()) return false;
  if (devNull === undefined) {
    try {
      devNull = statSync('/dev/null', { bigint: true }).rdev;
    } catch {
      devNull = null;
    }
  }
  return stats.rdev !== devNull && Boolean(stdio().isTTY);
}
