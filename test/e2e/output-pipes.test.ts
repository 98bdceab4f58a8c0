// The built CLI's output into pipes as scripts make them: a reader that stops early
// (`ami-wizard recommend | head -1`) ends the output, not the run, and no stack trace; a pipe that is
// full and non-blocking still gets every byte, in order.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';
import { CLI, assertBuilt, cli } from '../support/cli.ts';

const example = new URL('../../examples/hybrid.yaml', import.meta.url).pathname;

let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

/** Runs the CLI with its stdout's reader closed before the CLI starts: exit code and stderr. */
function withReaderGone(args: string[]): Promise<{ code: number | null; stderr: string }> {
  assertBuilt();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    // Closed at once, in this tick: the CLI takes tens of ms to start, and writes after that.
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('a reader that goes away', () => {
  for (const args of [['--help'], ['recommend', '--answers', example], ['recommend', '--answers', example, '--json']])
    it(`${args.join(' ')}: exit 0, nothing on stderr`, async () => {
      expect(await withReaderGone(args)).toEqual({ code: 0, stderr: '' });
    });

  it('generate still writes every file, and exits 0', async () => {
    const out = join(dir, 'out');
    expect(await withReaderGone(['--answers', example, '--out', out])).toEqual({ code: 0, stderr: '' });
    const whole = join(dir, 'whole');
    expect(cli(['--answers', example, '--out', whole]).code).toBe(0);
    const listing = (root: string) =>
      spawnSync('find', ['.', '-type', 'f', '-not', '-path', './.ami-wizard/*'], { cwd: root, encoding: 'utf8' })
        .stdout.split('\n')
        .sort();
    expect(listing(out)).toEqual(listing(whole));
    expect(existsSync(join(out, 'decision.md'))).toBe(true);
  });
});

// A pipe of one page, non-blocking on the CLI's side, that nobody reads until it is full: the CLI's
// next write finds no room (EAGAIN). Then the reader reads everything.
const FULL_PIPE = `
import fcntl, os, subprocess, sys, time
read_end, write_end = os.pipe()
fcntl.fcntl(write_end, 1031, 4096)  # F_SETPIPE_SZ: one page
fcntl.fcntl(write_end, fcntl.F_SETFL, fcntl.fcntl(write_end, fcntl.F_GETFL) | os.O_NONBLOCK)
child = subprocess.Popen(sys.argv[1:], stdout=write_end)
os.close(write_end)
import termios, array
def pending():
    buf = array.array('i', [0])
    fcntl.ioctl(read_end, termios.FIONREAD, buf)
    return buf[0]
deadline = time.monotonic() + 60
while pending() < 4096 and child.poll() is None and time.monotonic() < deadline:
    time.sleep(0.01)
full = pending() >= 4096
chunks = []
while True:
    chunk = os.read(read_end, 65536)
    if not chunk:
        break
    chunks.append(chunk)
sys.stderr.write('full\\n' if full else 'not full\\n')
sys.stdout.buffer.write(b''.join(chunks))
sys.exit(child.wait())
`;

describe('a full, non-blocking pipe', () => {
  it('gets the whole output, byte for byte, as a file does', () => {
    assertBuilt();
    const args = [CLI, 'schema'];
    const piped = spawnSync('python3', ['-c', FULL_PIPE, process.execPath, ...args], { encoding: 'utf8' });
    expect(piped.status, piped.stderr).toBe(0);
    expect(piped.stderr).toBe('full\n');
    const plain = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(plain.stdout.length).toBeGreaterThan(4096);
    expect(piped.stdout).toBe(plain.stdout);
  });
});
