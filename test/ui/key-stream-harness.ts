// A KeyStream over a fake terminal input, collecting every key it delivers: for the key-stream tests.
import { EventEmitter } from 'node:events';
import { KeyStream } from '../../source/ui/key-stream.ts';

export function keyStream(options: { textField?: boolean } = {}) {
  const source = Object.assign(new EventEmitter(), {
    isTTY: true,
    read: () => null,
    setEncoding: () => undefined,
  }) as unknown as NodeJS.ReadStream;
  // A text field switches bracketed paste on or off, which writes to the terminal.
  const keys = options.textField === undefined ? new KeyStream(source) : new KeyStream(source, { write: () => true });
  if (options.textField !== undefined) keys.setBracketedPaste(options.textField);
  const seen: string[] = [];
  keys.on('readable', () => {
    const key = keys.read();
    if (key !== null) seen.push(key);
  });
  return { source, keys, seen };
}

/** Lets the stream deliver everything queued (a few turns of the event loop per key). */
export async function settleKeys(): Promise<void> {
  for (let i = 0; i < 200; i++) await new Promise((done) => setImmediate(done));
}
