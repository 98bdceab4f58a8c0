// A CommandIO for driving commands in-process: what they print is collected, there is no terminal.
import type { CommandIO } from '../../source/commands/context.ts';

export interface CapturedIO {
  io: CommandIO;
  stdout: () => string;
  stderr: () => string;
}

export function captureIO(options: { cwd?: string; filter?: (text: string) => string } = {}): CapturedIO {
  let out = '';
  let err = '';
  const filter = options.filter ?? ((text: string) => text);
  const io: CommandIO = {
    stdout: (text) => void (out += filter(text)),
    stderr: (text) => void (err += filter(text)),
    cwd: options.cwd ?? process.cwd(),
    isInteractive: false,
    status: { isTTY: false, write: () => true },
    columns: undefined,
    terminal: () => {
      throw new Error('this test gave the command no terminal');
    },
    onInterrupt: () => () => {},
  };
  return { io, stdout: () => out, stderr: () => err };
}
