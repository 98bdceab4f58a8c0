// What a command may touch: the streams it writes to and whether a person is at a terminal.
// Injected so tests drive commands directly.
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** stdin and stdout are both terminals: the wizard and the workshop may run. */
  isInteractive: boolean;
}
