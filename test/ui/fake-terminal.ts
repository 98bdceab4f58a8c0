// Stand-ins for process.stdin and process.stdout that record what Ink does with them (as
// ink-testing-library's do, plus raw mode and everything written, escape sequences included).
import { EventEmitter } from 'node:events';

export class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = 80;
  rows = 30;
  written = '';
  write = (data: string) => {
    this.written += data;
    return true;
  };
}

export class FakeStdin extends EventEmitter {
  isTTY = true;
  rawMode = false;
  private pending: string | null = null;
  write(data: string) {
    this.pending = data;
    this.emit('readable');
  }
  read = () => {
    const data = this.pending;
    this.pending = null;
    return data;
  };
  setRawMode(on: boolean) {
    this.rawMode = on;
  }
  setEncoding() {}
  ref() {}
  unref() {}
  resume() {}
  pause() {}
}

export function fakeTerminal() {
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  return {
    stdout,
    stdin,
    streams: { stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream },
  };
}
