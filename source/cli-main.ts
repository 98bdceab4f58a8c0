// What the entry (cli.ts) loads, through the code cache in the bundle: the terminal-safe output every
// command prints through, then main.
import { drained } from './audit/drained.ts';
import type { CommandIO } from './commands/context.ts';
import { awsWorkAbandoned } from './aws/deadline.ts';
import { main } from './main.ts';
import { printableMessage } from './text/printable.ts';

// Every line a command prints passes here: whatever an answers file, an option or AWS put into a
// message, the terminal never receives a raw control sequence (the Ink screens draw on their own).
const io: CommandIO = {
  stdout: (text) => void process.stdout.write(printableMessage(text)),
  stdoutDrained: () => drained(process.stdout),
  stderr: (text) => void process.stderr.write(printableMessage(text)),
  cwd: process.cwd(),
  env: process.env,
  // Asked only by commands that may need a terminal. stdout first: process.stdin builds a stream
  // when touched, which a run whose output is not a terminal never needs.
  get isInteractive() {
    return Boolean(process.stdout.isTTY && process.stdin.isTTY);
  },
  status: process.stderr,
  get columns() {
    return (process.stdout.isTTY && process.stdout.columns) || undefined;
  },
  terminal: () => ({ stdin: process.stdin, stdout: process.stdout }),
  onInterrupt(handler) {
    process.on('SIGINT', handler);
    return () => void process.off('SIGINT', handler);
  },
};
// No top-level await: the bundle makes this module a CommonJS file (scripts/bundle-files.mjs). Should
// main never settle (a promise nothing will resolve, and nothing left to run), the run must not
// look like a success: 13 is Node's own exit code for a top-level await that never settles.
process.exitCode = 13;
void main(process.argv.slice(2), io).then(async (code) => {
  process.exitCode = code;
  // An AWS call given up at its deadline may leave a credential_process child or a socket behind, and
  // Node would wait for it (a `sleep 600` for ten minutes). Exit once the output is written out.
  if (awsWorkAbandoned()) {
    const flushed = (stream: NodeJS.WriteStream) => new Promise<void>((resolve) => stream.write('', () => resolve()));
    await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
    process.exit();
  }
});
