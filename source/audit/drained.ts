// Backpressure for output that streams (audit --org --json): once a write finds the stream's buffer full
// (write() returned false), the next page waits until the reader has caught up ('drain'). A slow pipe
// then slows the audit instead of piling its lines up in memory. A stream that ends or fails stops the
// wait: the write that follows reports it, as any write would.

/** What `drained` needs of a stream: Node's Writable (process.stdout) has it. */
export interface DrainableStream {
  readonly writableNeedDrain: boolean;
  readonly destroyed?: boolean;
  once(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
  off(event: 'drain' | 'close' | 'error', listener: () => void): unknown;
}

/** Resolves at once when the stream can take more, else on its 'drain' (or 'close', 'error'). */
export function drained(stream: DrainableStream): Promise<void> {
  if (!stream.writableNeedDrain || stream.destroyed) return Promise.resolve();
  return new Promise<void>((resolve) => {
    const done = () => {
      for (const event of ['drain', 'close', 'error'] as const) stream.off(event, done);
      resolve();
    };
    for (const event of ['drain', 'close', 'error'] as const) stream.once(event, done);
  });
}
