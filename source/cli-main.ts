// What the entry (cli.ts) loads, through the code cache in the bundle: the terminal-safe output every
// command prints through, then main.
import { drained } from './audit/drained.ts';
import type { CommandIO } from './commands/context.ts';
import { awsWorkAbandoned } from './aws/deadline.ts';
import { main } from './main.ts';
import { directOutput, isTerminal } from './output/direct-output.ts';
import { printableMessage } from './text/printable.ts';

// Every line a command prints passes here: whatever an answers file, an option or AWS put into a
// message, the terminal never receives a raw control sequence (the Ink screens draw on their own).
// Written to the descriptors directly until Node's stream is needed (output/direct-output.ts).
const stdout = directOutput(1, () => process.stdout);
const stderr = directOutput(2, () => process.stderr);
const stdoutIsTerminal = () => isTerminal(1, () => process.stdout);
const io: CommandIO = {
  stdout: (text) => stdout.write(printableMessage(text)),
  // Output that streams while other work runs asks this: from then on stdout is Node's stream, so
  // a slow reader holds back that output, not the whole process (its timers, the AWS calls in flight).
  stdoutDrained: () => drained(stdout.stream()),
  stderr: (text) => stderr.write(printableMessage(text)),
  cwd: process.cwd(),
  env: process.env,
  // Asked only by commands that may need a terminal. stdout first: stdin is rarely asked then.
  get isInteractive() {
    return stdoutIsTerminal() && isTerminal(0, () => process.stdin);
  },
  get status() {
    return stderr.stream();
  },
  get columns() {
    return (stdoutIsTerminal() && process.stdout.columns) || undefined;
  },
  terminal: () => ({ stdin: process.stdin, stdout: stdout.stream() }),
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
  // The command's work is done. When every line went straight to its descriptor, nothing is left to
  // write: the process ends now, not after whatever else is scheduled (a dependency's timer or
  // socket), another turn of the event loop (where a scavenge V8 queued may run) and the heap's
  // teardown: about a millisecond of recommend's 40 on Node 22, next to none on 24. The 'exit'
  // handlers still run (the code cache's save), and so does what process.nextTick holds already (a
  // warning Node is about to print). Not reported: a promise rejected with no handler in the
  // command's last step, which Node checks after that.
  if (!stdout.streamed && !stderr.streamed) {
    process.nextTick(() => process.exit());
    return;
  }
  // Node's streams may still hold output, so it is written out first where exiting matters: an AWS
  // call given up at its deadline may leave a credential_process child or a socket behind, and Node
  // would wait for it (a `sleep 600` for ten minutes).
  if (awsWorkAbandoned()) {
    const flushed = (stream: NodeJS.WriteStream | undefined) =>
      new Promise<void>((resolve) => (stream ? stream.write('', () => resolve()) : resolve()));
    await Promise.all([flushed(stdout.streamed), flushed(stderr.streamed)]);
    process.exit();
  }
});
