// The first-boot bootstrap sends its output to the journal and to its log file through tee (a
// process substitution). bash does not wait for one, and systemd stops what is left of a service
// once its script ends: the last lines, the error that says why the boot failed, could be lost from
// both. Here the generated script's start (down to its fail function) runs with a tee that takes
// its time, and fails as an instance that names no role does: the error must reach the script's
// output and the log file before it exits.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { answersFrom, generate } from '../support/generate.ts';
import { minimalAnswers } from '../support/answers.ts';

const work = mkdtempSync(join(tmpdir(), 'ami-wizard-bootstrap-log-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('the error a failed boot ends with reaches the journal and the log file, however slow tee is', async () => {
  const files = await generate(answersFrom({ ...minimalAnswers(), strategy: 'jeos' }));
  const script = files.find((f) => f.path === 'bootstrap/ami-bootstrap.sh')?.contents ?? '';
  const end = script.indexOf('\nfail() {');
  expect(end).toBeGreaterThan(0);
  const start = script.slice(0, script.indexOf('\n', end + 1) + 1);
  const log = join(work, 'ami-bootstrap.log');
  const paths: [string, string][] = [
    ['/var/log/ami-bootstrap.log', log],
    ['/var/lib/ami-wizard', join(work, 'state')],
    ['/etc/ami-wizard', join(work, 'etc')],
  ];
  let text = start;
  for (const [from, to] of paths) {
    expect(text).toContain(from);
    text = text.replaceAll(from, to);
  }
  writeFileSync(join(work, 'start.sh'), `${text}fail 20 "no role: this image records none"\n`);
  // A tee that starts writing a moment late, as one does on a busy first boot.
  const bin = join(work, 'bin');
  mkdirSync(bin);
  writeFileSync(
    join(bin, 'tee'),
    `#!/bin/sh\nsleep 0.3\nexec ${spawnSync('sh', ['-c', 'command -v tee'], { encoding: 'utf8' }).stdout.trim()} "$@"\n`,
  );
  chmodSync(join(bin, 'tee'), 0o755);
  // As systemd runs it: once the script ends, what is left of the service (tee) is stopped.
  const out = join(work, 'journal.txt');
  const systemdLike = [
    `setsid bash ${JSON.stringify(join(work, 'start.sh'))} > ${JSON.stringify(out)} 2>&1 &`,
    'pid=$!',
    'wait "$pid"; rc=$?',
    'kill -TERM -- "-$pid" 2>/dev/null',
    'sleep 0.5',
    'exit "$rc"',
  ].join('\n');
  const run = spawnSync('bash', ['-c', systemdLike], { encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}` } });
  expect(run.status).toBe(20);
  expect(readFileSync(out, 'utf8')).toMatch(/ERROR: no role: this image records none/);
  expect(readFileSync(log, 'utf8')).toMatch(/ERROR: no role: this image records none/);
});
