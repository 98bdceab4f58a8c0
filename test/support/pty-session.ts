// The built CLI in a real pseudo-terminal (node-pty), its screen read back through a headless xterm:
// what a person at a terminal sees. `write` sends a string as one write (one read for the program),
// `press` one key and a pause; `resize` changes both the pty and the emulator, as a window would.
import { mkdirSync } from 'node:fs';
import { spawn } from 'node-pty';
import type { IPty } from 'node-pty';
import xterm from '@xterm/headless';
import { CLI, assertBuilt } from './cli.ts';

export const PTY_KEY = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  backspace: '\u007F',
  ctrlC: '\u0003',
} as const;

// CI=true on purpose: dev containers set it on people's terminals too, and Ink in CI mode would draw
// nothing until exit. The wizard hides it from Ink (source/commands/load-ui.ts).
const baseEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !/^(NO_COLOR|FORCE_COLOR)$/.test(key))),
  CI: 'true',
} as Record<string, string>;

export class PtySession {
  readonly term: InstanceType<typeof xterm.Terminal>;
  readonly pty: IPty;
  raw = '';
  readonly exit: Promise<number>;

  constructor(command: string, args: string[], options: { cwd: string; cols?: number; rows?: number; env?: Record<string, string> }) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 40;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    this.pty = spawn(command, args, { cols, rows, cwd: options.cwd, env: { ...baseEnv, TERM: 'xterm-256color', ...options.env } });
    this.pty.onData((data) => {
      this.raw += data;
      this.term.write(data);
    });
    this.exit = new Promise((resolve) => this.pty.onExit(({ exitCode }) => resolve(exitCode)));
  }

  /** The visible screen as text. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)!.translateToString(true));
    return lines.join('\n');
  }

  async waitFor(expected: string | RegExp, timeout = 15_000): Promise<void> {
    const found = () => (typeof expected === 'string' ? this.screen().includes(expected) : expected.test(this.screen()));
    const start = Date.now();
    while (!found()) {
      if (Date.now() - start > timeout) throw new Error(`Timed out waiting for ${expected}. Screen:\n${this.screen()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  /** The whole string as one write: the program gets it in one read. */
  write(data: string): void {
    this.pty.write(data);
  }

  async press(key: string): Promise<void> {
    this.pty.write(key);
    await new Promise((resolve) => setTimeout(resolve, 60));
  }

  resize(cols: number, rows: number): void {
    this.pty.resize(cols, rows);
    this.term.resize(cols, rows);
  }

  kill(): void {
    try {
      this.pty.kill();
    } catch {
      // already gone
    }
  }
}

/** The built wizard in `cwd` (created if missing). */
export function wizardSession(cwd: string, args: string[] = [], options: { cols?: number; rows?: number; env?: Record<string, string> } = {}): PtySession {
  assertBuilt();
  mkdirSync(cwd, { recursive: true });
  return new PtySession(process.execPath, [CLI, ...args], { cwd, ...options });
}
