// The output Ink draws on: the terminal's, written straight through, except that Ink hears of a
// resize only when the host tells it (`resized`), after the screens have been laid out at the new
// size. Ink redraws the moment it hears; told by the terminal itself, it drew the frame of the old
// width first. Ink takes any stream with these members as its stdout (ink-testing-library's is one).
import { EventEmitter } from 'node:events';

export class InkOutput extends EventEmitter {
  constructor(private readonly terminal: NodeJS.WriteStream) {
    super();
  }

  get columns(): number {
    return this.terminal.columns;
  }

  get rows(): number {
    return this.terminal.rows;
  }

  get isTTY(): boolean {
    return Boolean(this.terminal.isTTY);
  }

  get destroyed(): boolean {
    return Boolean(this.terminal.destroyed);
  }

  get writable(): boolean {
    return this.terminal.writable ?? true;
  }

  get writableEnded(): boolean {
    return Boolean(this.terminal.writableEnded);
  }

  get writableLength(): number | undefined {
    return this.terminal.writableLength;
  }

  write(data: string, done?: () => void): boolean {
    return done ? this.terminal.write(data, done) : this.terminal.write(data);
  }

  /** Tells Ink the terminal changed size. */
  resized(): void {
    this.emit('resize');
  }
}
