// What a command may touch: the streams it writes to. Injected so tests drive commands directly.
export interface CommandIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
}
