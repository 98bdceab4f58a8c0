// In a terminal the audit shows a spinner on stderr while pages arrive, erases it, and sizes the table
// to the terminal. (In a pipe, audit-cli.test.ts shows stderr stays empty.)
import { spawn } from '@lydell/node-pty';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { threePages } from '../aws/fixtures/images.ts';
import { withFakeEc2 } from '../aws/support/ec2-server.ts';
import { awsEnv, CLI, ROOT, tempHome } from '../aws/support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

it('spinner on a terminal, then the full-width table', async () => {
  await withFakeEc2(threePages(), async (ec2) => {
    const env = awsEnv(home.dir, { endpoint: ec2.url });
    const term = spawn(process.execPath, [CLI, 'audit'], { cols: 120, rows: 40, cwd: ROOT, env });
    let output = '';
    term.onData((d) => (output += d));
    const code = await new Promise<number>((resolve, reject) => {
      const timer = setTimeout(() => (term.kill(), reject(new Error(`no exit within 30 s:\n${output}`))), 30_000);
      term.onExit(({ exitCode }) => (clearTimeout(timer), resolve(exitCode)));
    });
    expect(code, output).toBe(1);
    expect(output).toContain('Listing images in eu-west-1: page 3, 9 images\x1b[K');
    expect(output).toContain('\r\x1b[K'); // the spinner line is erased before the report
    expect(output).toMatch(/IMAGE {17}TAGS VALUES AGE {2}PUBLIC ENCRYPT IMDSV2 DEPREC NAME/);
    expect(output).not.toMatch(/NodeVersionSupportWarning|NodeDeprecationWarning/);
  });
});
