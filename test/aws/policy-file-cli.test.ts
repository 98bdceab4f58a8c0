// audit --policy FILE is read like an answers file: at most 1 MB from any source, a read error named
// as what it is (not "not found"), and a FIFO nothing writes to ends the run instead of hanging it.
// Each case fails before any AWS call, so no endpoint is needed.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

/** Far beyond the wait for a FIFO's writer: a run still going then is a hang. */
const KILL_AFTER_MS = 30_000;
const audit = (policy: string) => runCli(['audit', '--policy', policy], awsEnv(home.dir), { timeoutMs: KILL_AFTER_MS });

describe('audit --policy FILE', () => {
  it('/dev/zero is refused at 1 MB (exit 2), not read for hundreds of MB and called missing', async () => {
    const result = await audit('/dev/zero');
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toMatch(/\/dev\/zero holds more than 1048576 bytes; a tag policy is at most that/);
    expect(result.stderr).not.toMatch(/not found/);
    expectAdvice(result, expect);
  });

  it('a folder is named as a folder', async () => {
    const folder = join(home.dir, 'policies');
    mkdirSync(folder);
    const result = await audit(folder);
    expect(result.code, result.stderr).toBe(2);
    expect(result.stderr).toContain(`${folder} is a folder.`);
    expect(result.stderr).not.toMatch(/not found/);
  });

  it('a FIFO nothing writes to ends with a message (exit 2) instead of hanging', async () => {
    const fifo = join(home.dir, 'policy.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const result = await audit(fifo);
    expect(result.code, `still running after ${KILL_AFTER_MS} ms? stderr: ${result.stderr}`).toBe(2);
    expect(result.stderr).toMatch(/policy\.fifo is a pipe that nothing wrote to/);
  }, 40_000);

  it('the control: a FIFO with a writer is read (here: not JSON, so exit 2 naming that)', async () => {
    const fifo = join(home.dir, 'written.fifo');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const writer = spawn('sh', ['-c', `printf 'not json' > '${fifo}'`], { stdio: 'ignore' });
    try {
      const result = await audit(fifo);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stderr).toMatch(/written\.fifo is not valid JSON/);
    } finally {
      writer.kill('SIGKILL');
    }
  });

  it('a missing file is still "not found", with the hint', async () => {
    const result = await audit(join(home.dir, 'missing.json'));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Tag policy not found: .*missing\.json\n\s*Pass the generated one/);
  });
});
