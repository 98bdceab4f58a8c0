// The answers file shares the policy's bounded reader (source/answers/bounded-text.ts): a FIFO that nothing
// writes to ends the run with a message instead of waiting forever in open().
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../support/answers.ts';
import { cli } from '../support/cli.ts';

const { dir, cleanup } = tempDir();
afterAll(cleanup);

describe('--answers FIFO', () => {
  it('with no writer: exit 2 and says so', () => {
    const fifo = join(dir, 'answers.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = cli(['recommend', '--answers', fifo], { timeoutMs: 30_000 });
    expect(result.code, `killed after 30 s? stderr: ${result.stderr}`).toBe(2);
    expect(result.stderr).toMatch(/answers\.fifo is a pipe that nothing wrote to/);
  }, 40_000);
});

// Issue 21: a writer that opens the FIFO and never writes used to hold every reader forever.
describe('a FIFO whose writer opens it and never writes', () => {
  const silentWriter = (fifo: string) => {
    // Opens the FIFO for writing (read-write, so the open itself never waits) and holds it for 60 s.
    const holder = spawn('sh', ['-c', `exec 3<>"$1"; sleep 60`, 'sh', fifo], { stdio: 'ignore' });
    return () => holder.kill('SIGKILL');
  };

  it.each([
    ['--answers', (fifo: string) => ['recommend', '--answers', fifo]],
    ['--compare', (fifo: string) => ['recommend', '--answers', 'examples/hybrid.yaml', '--compare', fifo]],
    ['--policy', (fifo: string) => ['audit', '--policy', fifo, '--region', 'eu-west-1']],
  ])(
    '%s: exit 2 within seconds, saying the pipe sent nothing',
    (_name, argv) => {
      const fifo = join(dir, `silent-${_name.slice(2)}.fifo`);
      expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
      const stop = silentWriter(fifo);
      try {
        const result = cli(argv(fifo), {
          timeoutMs: 30_000,
          env: { AWS_ACCESS_KEY_ID: 'x', AWS_SECRET_ACCESS_KEY: 'y', AWS_EC2_METADATA_DISABLED: 'true' },
        });
        expect(result.code, `killed after 30 s? stderr: ${result.stderr}`).toBe(2);
        expect(result.stderr).toMatch(/is a pipe that sent nothing for 5 s/);
      } finally {
        stop();
      }
    },
    40_000,
  );
});
