#!/usr/bin/env node
import type { CommandIO } from './commands/context.ts';
import { main } from './main.ts';

const io: CommandIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  // Asked only by commands that may need a terminal. stdout first: process.stdin builds a stream
  // when touched, which a run whose output is not a terminal never needs.
  get isInteractive() {
    return Boolean(process.stdout.isTTY && process.stdin.isTTY);
  },
};
process.exitCode = await main(process.argv.slice(2), io);
