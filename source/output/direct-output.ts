// stdout and stderr written straight to their descriptors: Node's process.stdout builds the stream
// stack on first touch (two dozen of its own modules, 2 to 3 ms of a 40 ms recommend), which a
// command that prints a page of text and exits never needs. Node's stream is still used once
// something needs it (Ink draws on it, the spinner on stderr) or once the descriptor cannot take a
// write at once (a non-blocking pipe that is full): from then on every write goes through it, so
// nothing overtakes what it holds.
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

/** Output to `fd`, written synchronously until `openStream`'s stream is needed. */
export function directOutput<S extends FallbackStream>(
  fd: number,
  openStream: () => S,
  write: Write = defaultWrite,
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
      if (streamed) {
        streamed.write(text);
        return;
      }
      const bytes = Buffer.from(text);
      let done = 0;
      try {
        while (done < bytes.length) done += write(fd, bytes, done);
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
 * character device of another kind loads Node's tty module (and the stream stack with it).
 */
export function isTerminal(fd: number): boolean {
  const stats = fstatSync(fd, { bigint: true });
  if (!stats.isCharacterDevice()) return false;
  if (devNull === undefined) {
    try {
      devNull = statSync('/dev/null', { bigint: true }).rdev;
    } catch {
      devNull = null;
    }
  }
  return stats.rdev !== devNull && process.getBuiltinModule('node:tty').isatty(fd);
}
