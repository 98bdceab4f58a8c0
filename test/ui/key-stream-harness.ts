// A KeyStream over a fake terminal input, collecting every key it delivers: for the key-stream tests.
// The stream hands keys on synchronously, so a test reads `seen` right after `push`.
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
  keys.listen((key) => seen.push(key));
  return { source, keys, seen };
}
