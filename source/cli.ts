#!/usr/bin/env node
import type { CommandIO } from './commands/context.ts';
import { main } from './main.ts';

const io: CommandIO = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  cwd: process.cwd(),
  isInteractive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
};
process.exitCode = await main(process.argv.slice(2), io);
