// The answers file shares the policy's bounded reader (source/bounded-text.ts): a FIFO that nothing
// writes to ends the run with a message instead of waiting forever in open().
import { spawnSync } from 'node:child_process';
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
