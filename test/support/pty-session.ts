// The built CLI in a real pseudo-terminal (@lydell/node-pty: node-pty's code, prebuilt, so no
// compiler is needed), its screen read back through a headless xterm: what a person at a terminal
// sees. `write` sends a string as one write (one read for the program), `press` one key and waits
// for the frame it causes; `resize` changes both the pty and the emulator, as a window would.
import { mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { spawn } from '@lydell/node-pty';
import type { IPty } from '@lydell/node-pty';
import xterm from '@xterm/headless';
import { CLI, assertBuilt } from './cli.ts';
import { tempDir } from './answers.ts';

export const PTY_KEY = {
  enter: '\r',
  escape: '\u001B',
  up: '\u001B[A',
  down: '\u001B[B',
  right: '\u001B[C',
  left: '\u001B[D',
  backspace: '\u007F',
  ctrlC: '\u0003',
  pageDown: '\u001B[6~',
} as const;

// CI=true on purpose: dev containers set it on people's terminals too, and Ink in CI mode would draw
// nothing until exit. The wizard hides it from Ink (source/commands/load-ui.ts).
// A wizard quit part-way keeps a draft in the user's state folder: never the real home's in a test.
// One folder per test process, removed when it ends; a test that looks at drafts passes its own.
const STATE_DIR = join(tmpdir(), `ami-wizard-test-state-${process.pid}`);
process.once('exit', () => rmSync(STATE_DIR, { recursive: true, force: true }));
const baseEnv = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(NO_COLOR|FORCE_COLOR|AMI_WIZARD_STATE_DIR)$/.test(key)),
  ),
  CI: 'true',
  AMI_WIZARD_STATE_DIR: STATE_DIR,
} as Record<string, string>;

// Ink wraps every frame in synchronized-output marks; between them the screen is half drawn.
const FRAME_START = '\u001B[?2026h';
const FRAME_END = '\u001B[?2026l';

export class PtySession {
  readonly term: InstanceType<typeof xterm.Terminal>;
  readonly pty: IPty;
  raw = '';
  readonly exit: Promise<number>;
  /** Whether the program is still running, for a timeout's message. */
  private ended = 'the program was still running';
  private readonly checks = new Set<() => void>();

  constructor(
    command: string,
    args: string[],
    options: { cwd: string; cols?: number; rows?: number; env?: Record<string, string> },
  ) {
    const cols = options.cols ?? 80;
    const rows = options.rows ?? 40;
    this.term = new xterm.Terminal({ cols, rows, allowProposedApi: true });
    this.pty = spawn(command, args, {
      cols,
      rows,
      cwd: options.cwd,
      env: { ...baseEnv, TERM: 'xterm-256color', ...options.env },
    });
    this.pty.onData((data) => {
      this.raw += data;
      // The screen is up to date once xterm has parsed the chunk: look again then.
      this.term.write(data, () => {
        for (const check of [...this.checks]) check();
      });
    });
    this.exit = new Promise((resolve) =>
      this.pty.onExit(({ exitCode, signal }) => {
        this.ended = `the program had exited (code ${exitCode}${signal ? `, signal ${signal}` : ''})`;
        resolve(exitCode);
      }),
    );
  }

  /** No frame is half written: every frame started has ended. */
  private settled(): boolean {
    return this.raw.lastIndexOf(FRAME_START) < this.raw.lastIndexOf(FRAME_END) || !this.raw.includes(FRAME_START);
  }

  /** Resolves once `test()` is true of a whole frame, looking again after every chunk of output; fails after `timeout` ms. */
  private until(test: () => boolean, what: () => string, timeout = 15_000): Promise<void> {
    const holds = () => this.settled() && test();
    if (holds()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!holds()) return;
        this.checks.delete(check);
        clearTimeout(timer);
        resolve();
      };
      const timer = setTimeout(() => {
        this.checks.delete(check);
        reject(new Error(`Timed out waiting for ${what()}\n(${this.ended})`));
      }, timeout);
      this.checks.add(check);
    });
  }

  /** The visible screen as text. */
  screen(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = 0; i < buffer.length; i++) lines.push(buffer.getLine(i)!.translateToString(true));
    return lines.join('\n');
  }

  /** What is on the terminal's screen now, without the scrollback above it. */
  visible(): string {
    const buffer = this.term.buffer.active;
    const lines: string[] = [];
    for (let i = buffer.baseY; i < buffer.baseY + this.term.rows; i++)
      lines.push(buffer.getLine(i)?.translateToString(true) ?? '');
    return lines.join('\n');
  }

  /** Lines the terminal had to wrap because they were wider than the screen. */
  wrappedLines(): number {
    const buffer = this.term.buffer.active;
    let wrapped = 0;
    for (let i = 0; i < buffer.length; i++) if (buffer.getLine(i)!.isWrapped) wrapped++;
    return wrapped;
  }

  waitFor(expected: string | RegExp, timeout = 15_000): Promise<void> {
    const found = () =>
      typeof expected === 'string' ? this.screen().includes(expected) : expected.test(this.screen());
    return this.until(found, () => `${expected}. Screen:\n${this.screen()}`, timeout);
  }

  /** Waits for output that may already be off screen (or after the screen was redrawn). */
  waitForOutput(expected: RegExp, timeout = 15_000): Promise<void> {
    return this.until(
      () => expected.test(this.raw),
      () => `${expected} in the output.`,
      timeout,
    );
  }

  /** Resolves once the next frame (or other output) has been written whole. */
  nextFrame(timeout = 15_000): Promise<void> {
    const seen = this.raw.length;
    return this.until(
      () => this.raw.length > seen,
      () => `the next frame. Screen:\n${this.screen()}`,
      timeout,
    );
  }

  /** The whole string as one write: the program gets it in one read. */
  write(data: string): void {
    this.pty.write(data);
  }

  /** Sends one key and waits for the frame it causes, so the program has read it before the next key is sent. */
  async press(key: string): Promise<void> {
    const frame = this.nextFrame();
    this.pty.write(key);
    await frame;
  }

  /** Enter on the screen showing, taking what is highlighted (one Enter is one screen, the experience screen's two questions too). */
  async enterScreen(): Promise<void> {
    await this.press(PTY_KEY.enter);
  }

  /** Enter now, then on each screen as it comes (a new "Step n of N"), until the wizard ends; its exit code. */
  async enterToTheEnd(): Promise<number> {
    let exited = false;
    void this.exit.then(() => (exited = true));
    let last = this.screen().match(/Step \d+ of \d+/)?.[0];
    await this.press(PTY_KEY.enter);
    while (!exited) {
      const now = this.screen().match(/Step \d+ of \d+|Enter start/)?.[0];
      if (now && now !== last) {
        last = now;
        await this.enterScreen();
      } else await new Promise((resolve) => setTimeout(resolve, 20));
    }
    return this.exit;
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
export function wizardSession(
  cwd: string,
  args: string[] = [],
  options: { cols?: number; rows?: number; env?: Record<string, string> } = {},
): PtySession {
  assertBuilt();
  mkdirSync(cwd, { recursive: true });
  return new PtySession(process.execPath, [CLI, ...args], { cwd, ...options });
}

/**
 * A fresh folder for every test of the file and the session the test starts there, killed and
 * removed after it. Call once at the top of a test file.
 */
export function ptyTestFolder(prefix: string): { readonly dir: string; track: (session: PtySession) => PtySession } {
  let dir = '';
  let cleanup = () => {};
  let session: PtySession | undefined;
  beforeEach(() => ({ dir, cleanup } = tempDir(prefix)));
  afterEach(() => {
    session?.kill();
    session = undefined;
    cleanup();
  });
  return {
    get dir() {
      return dir;
    },
    track: (started) => (session = started),
  };
}
