// What a command may touch, and the one door it goes through: the streams it writes to, whether a
// person is at a terminal, that terminal, and Ctrl+C. Injected, so tests drive commands directly
// (source/cli.ts builds the real one from `process`).
import type { ProgressStream } from '../aws/progress.ts';

export interface Terminal {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
}

export interface CommandIO {
  stdout: (text: string) => void;
  /**
   * Resolves when stdout can take more (its reader has caught up with what was written). Output that
   * streams while other work runs (audit --org --json) asks it before its first page and waits on it
   * between pages; absent, nothing waits.
   */
  stdoutDrained?: () => Promise<void>;
  stderr: (text: string) => void;
  cwd: string;
  /** The environment the wizard reads its defaults from (AWS_REGION); none when absent. */
  env?: Readonly<Record<string, string | undefined>>;
  /** stdin and stdout are both terminals: the wizard and the workshop may run. */
  isInteractive: boolean;
  /** Where progress lines go while AWS answers (a spinner on a terminal, nothing elsewhere). */
  status: ProgressStream;
  /** Columns of the output when it is a terminal, else undefined. */
  columns: number | undefined;
  /** The terminal the wizard and the workshop draw on; asked only when isInteractive. */
  terminal: () => Terminal;
  /** Calls `handler` on SIGINT (kill -INT; Ctrl+C reaches Ink as a key) until the returned function runs. */
  onInterrupt: (handler: () => void) => () => void;
}
