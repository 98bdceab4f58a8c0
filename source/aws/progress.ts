// A one-line spinner on stderr while AWS answers. Only on a terminal: in a pipe or a CI log it would be
// noise, and stdout stays clean for --json either way. It writes to the stream itself, past the CLI's
// output filter, so it escapes its text (a region, a count) itself.
import { printable } from '../text/printable.ts';

export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(text: string): void;
  stop(): void;
}

const FRAMES = ['|', '/', '-', '\\'];

export function progress(stream: ProgressStream, intervalMs = 100): Progress {
  if (!stream.isTTY) return { update() {}, stop() {} };
  let text = '';
  let frame = 0;
  const draw = () => void stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${text}\x1b[K`);
  const timer = setInterval(draw, intervalMs);
  timer.unref(); // never keeps the process alive on its own
  return {
    update(next) {
      text = printable(next);
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write('\r\x1b[K');
    },
  };
}
