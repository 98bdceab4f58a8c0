// Start-up and generate cost as ratios to bare `node -e 0`, measured in this same run (never as
// absolute times in tests). Each command runs RUNS times, interleaved with the baseline. This
// machine is shared and noisy (bare node varies by +-30%), so targets are judged on the fastest
// run of each command, the one least disturbed by other load; medians are printed beside it.
import { spawnSync } from 'node:child_process';
import pty from '@lydell/node-pty';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.env.BENCH_RUNS ?? 31);
const cli = new URL('../dist/cli.js', import.meta.url).pathname;
const example = new URL('../examples/hybrid.yaml', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-bench-'));
// The same project with both engines: packer/ and imagebuilder/ from the same scripts.
const both = join(work, 'both.yaml');
writeFileSync(both, `${readFileSync(example, 'utf8')}builder: both\n`);

const cases = [
  { name: 'baseline: node -e 0', args: ['-e', '0'] },
  { name: 'ami-wizard --help', args: [cli, '--help'], target: 1.3 },
  { name: 'ami-wizard recommend --json', args: [cli, 'recommend', '--answers', example, '--json'], target: 1.5 },
  { name: 'ami-wizard generate (fresh folder)', args: [cli, '--answers', example, '--out'], fresh: true, target: 2 },
  { name: 'generate, builder: both (fresh folder)', args: [cli, '--answers', both, '--out'], fresh: true, target: 2.2 },
];

function time(c, i) {
  const args = c.fresh ? [...c.args, join(work, `out-${i}`)] : c.args;
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}`);
  return ms;
}

// The wizard needs a terminal, so its cases run in a pseudo-terminal against a baseline that also
// runs there: the time from spawn until a marker is on the screen. The first frame is the welcome
// (drawn before Ink loads); "ready for keys" is when Ink has drawn it and reads keys.
const ptyCases = [
  { name: 'baseline (pty): node -e write', args: ['-e', 'process.stdout.write("ready")'], marker: 'ready' },
  { name: 'wizard first frame (pty)', args: [cli], marker: 'How much software', target: 2.5 },
  { name: 'wizard ready for keys (pty)', args: [cli], marker: 'Enter start', target: 2.5 },
];

function timeInPty(c) {
  return new Promise((resolve, reject) => {
    const start = process.hrtime.bigint();
    const term = pty.spawn(process.execPath, c.args, { cols: 80, rows: 30, cwd: work, env: process.env });
    let output = '';
    let ms;
    term.onData((data) => {
      output += data;
      if (ms === undefined && output.includes(c.marker)) {
        ms = Number(process.hrtime.bigint() - start) / 1e6;
        term.kill('SIGKILL');
      }
    });
    term.onExit(() =>
      ms === undefined ? reject(new Error(`${c.name}: no "${c.marker}" on the screen`)) : resolve(ms),
    );
  });
}

const samples = cases.map(() => []);
for (let i = 0; i < RUNS; i++) cases.forEach((c, k) => samples[k].push(time(c, i)));
const ptySamples = ptyCases.map(() => []);
for (let i = 0; i < RUNS; i++) for (const [k, c] of ptyCases.entries()) ptySamples[k].push(await timeInPty(c));
rmSync(work, { recursive: true, force: true });

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const min = (xs) => Math.min(...xs);
console.log(
  `bench: ${RUNS} runs each, interleaved, on node ${process.version}; ratio = fastest run / fastest bare node (median ratio in brackets)`,
);
function report(list, all) {
  const [baseMin, baseMedian] = [min(all[0]), median(all[0])];
  list.forEach((c, k) => {
    const ratio = min(all[k]) / baseMin;
    const medianRatio = median(all[k]) / baseMedian;
    const verdict = c.target
      ? ratio <= c.target
        ? `target <= ${c.target}x: met`
        : `target <= ${c.target}x: MISSED`
      : k === 0
        ? 'baseline'
        : '';
    console.log(
      `${c.name.padEnd(38)} ${min(all[k]).toFixed(1).padStart(7)} ms  ${ratio.toFixed(2)}x  (median ${median(all[k]).toFixed(1)} ms, ${medianRatio.toFixed(2)}x)  ${verdict}`,
    );
  });
}
report(cases, samples);
report(ptyCases, ptySamples);
