// The build-and-boot simulation's pass-through wrappers (pass-through.sh) record a call without node:
// each line must be the JSON stubs.mjs writes for the same call, whatever the arguments hold, and a
// call it cannot record plainly (a control character) is left to stubs.mjs, recording nothing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';

const SCRIPT = fileURLToPath(new URL('pass-through.sh', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-pass-through-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const calls = join(work, 'calls.jsonl');

/** `record TOOL ARGS...` in /bin/sh (dash on Debian and Ubuntu), in `work`, with SIM_STEP = step. */
function record(tool: string, args: string[], step?: string) {
  writeFileSync(calls, '');
  const result = spawnSync('/bin/sh', ['-c', `. "${SCRIPT}" && record "$@"`, 'sh', tool, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH, SIM_CALLS_FILE: calls, ...(step === undefined ? {} : { SIM_STEP: step }) },
    encoding: 'utf8',
  });
  return { status: result.status, stderr: result.stderr, lines: readFileSync(calls, 'utf8') };
}

describe('pass-through.sh record', () => {
  it('writes the line stubs.mjs writes: step, tool, args, cwd', () => {
    const args = ['-sS', '-H', 'X-aws-ec2-metadata-token: AQAE"x\\y', 'http://169.254.169.254/latest/meta-data/tags'];
    const { status, lines } = record('curl', args, 'boot1');
    expect(status).toBe(0);
    expect(lines.endsWith('\n')).toBe(true);
    expect(JSON.parse(lines)).toEqual({ step: 'boot1', tool: 'curl', args, cwd: work });
    expect(JSON.parse(record('sudo', []).lines)).toEqual({ step: '', tool: 'sudo', args: [], cwd: work });
  });

  it('any printable argument, quotes, backslashes, spaces and non-ASCII text round-trips', () => {
    const printable = fc.string({
      unit: fc.constantFrom('a', ' ', '"', '\\', "'", '$', '*', '日', 'é', '{', ',', '-', '\u00a0'),
    });
    fc.assert(
      fc.property(fc.array(printable, { maxLength: 4 }), printable, (args, step) => {
        const { status, lines } = record('sudo', args, step);
        expect(status).toBe(0);
        expect(JSON.parse(lines)).toEqual({ step, tool: 'sudo', args, cwd: work });
      }),
      { numRuns: 60 },
    );
  });

  it('a control character anywhere leaves the call to stubs.mjs: nothing recorded, a failure', () => {
    for (const [args, step] of [[['a\nb']], [['\t']], [['x'], 'step\u001b[1m'], [['\u007f']]] as const) {
      const { status, lines } = record('sudo', [...args], step);
      expect(status, JSON.stringify(args)).toBe(1);
      expect(lines).toBe('');
    }
  });
});
