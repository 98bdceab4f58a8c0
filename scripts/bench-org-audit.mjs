// `audit --org` over a large organization on the local fake (test/aws/support/org-server.ts): 200
// accounts x 17 regions x 50 images, with throttling every 100th call, two roles that deny, a region
// not enabled and one call that never answers (ended by --aws-timeout 10, long enough that a starved
// machine does not end healthy calls). Prints the wall time and the
// CLI's peak RSS (GNU time's %M), and fails when the findings or the faults are not the expected ones.
// Targets on 2 cores: under 30 s and under 300 MB. BENCH_VIEW=1 runs the same scenario through
// --view (a Resource Explorer view that indexes every image, 1,000 a ListResources page): the same
// findings and faults are expected.
// "max N in flight" is what the fake sees: it answers in well under a millisecond while the CLI spends
// milliseconds of CPU on each answer, so the answers wait in the CLI's sockets and the fake rarely holds
// more than 2 calls, though the CLI has 16 (--concurrency) out. BENCH_DELAY_MS=50 gives every answer
// AWS-like latency: then 16 are in flight. BENCH_ACCOUNTS=20 runs a smaller organization.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;
const cli = join(root, 'dist/cli.js');
const TARGET_S = 30;
const TARGET_MB = 300;

// The fake is TypeScript test support: bundled here, as scripts/build.mjs bundles source modules.
const bundled = await build({
  entryPoints: [join(root, 'test/aws/support/org-server.ts')],
  bundle: true,
  format: 'esm',
  platform: 'node',
  write: false,
  logLevel: 'warning',
});
const fake = await import(`data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`);

const accounts = Number(process.env.BENCH_ACCOUNTS ?? 200);
const ids = fake.accountIds({ accounts });
// BENCH_ACCOUNTS below 43 leaves out the second role that denies.
const deny = [ids[7], ids[42]].filter(Boolean);
const scenario = {
  accounts,
  regions: fake.SEVENTEEN_REGIONS,
  imagesPerRegion: 50,
  throttleEvery: 100,
  deny,
  disabled: [{ account: ids[3], region: 'ap-northeast-3' }],
  stall: [{ account: ids[11], region: 'sa-east-1' }],
  suspended: 3,
  viewPageSize: 1000,
  ...(process.env.BENCH_DELAY_MS ? { delayMs: Number(process.env.BENCH_DELAY_MS) } : {}),
};
const VIEW = 'arn:aws:resource-explorer-2:eu-west-1:100000000000:view/images/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const viaView = Boolean(process.env.BENCH_VIEW);
const work = mkdtempSync(join(tmpdir(), 'ami-wizard-bench-org-'));
const policy = join(work, 'tag-policy.json');
writeFileSync(policy, JSON.stringify(fake.SCENARIO_POLICY));
const org = await fake.startFakeOrg(scenario);

const env = {
  PATH: process.env.PATH ?? '',
  HOME: work,
  AWS_CONFIG_FILE: join(work, 'no-config'),
  AWS_SHARED_CREDENTIALS_FILE: join(work, 'no-credentials'),
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_REGION: 'eu-west-1',
  AWS_ACCESS_KEY_ID: 'AKIDLOCALTESTONLY0000',
  AWS_SECRET_ACCESS_KEY: 'local-test-secret-never-printed',
  AWS_ENDPOINT_URL: org.url,
  NODE_OPTIONS: `${process.env.BENCH_NODE_OPTIONS ?? ''} --import=${new URL('../test/aws/fixtures/offline-dns.mjs', import.meta.url).href}`,
};
const start = process.hrtime.bigint();
const fakeCpu = process.cpuUsage();
const child = spawn(
  '/usr/bin/time',
  [
    '-f',
    'peak-rss-kb %M user %U sys %S',
    process.execPath,
    ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROF] : []),
    cli,
    'audit',
    '--org',
    '--policy',
    policy,
    '--json',
    '--aws-timeout',
    '10',
    ...(viaView ? ['--view', VIEW] : []),
  ],
  { env, stdio: ['ignore', 'pipe', 'pipe'] },
);
let firstLineMs;
const counts = { image: 0, compliant: 0, error: 0 };
const errors = [];
let summary;
createInterface({ input: child.stdout }).on('line', (line) => {
  firstLineMs ??= Number(process.hrtime.bigint() - start) / 1e6;
  const record = JSON.parse(line);
  if (record.type === 'image') {
    counts.image++;
    if (record.compliant) counts.compliant++;
  } else if (record.type === 'error') errors.push(`${record.accountId} ${record.region ?? '-'} ${record.kind}`);
  else summary = record;
});
let stderr = '';
child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
const code = await new Promise((resolve) => child.on('close', resolve));
const wallS = Number(process.hrtime.bigint() - start) / 1e9;
const fakeCpuS = (({ user, system }) => (user + system) / 1e6)(process.cpuUsage(fakeCpu));
const [, cliUser, cliSys] = /user ([\d.]+) sys ([\d.]+)/.exec(stderr) ?? [];
await org.close();
rmSync(work, { recursive: true, force: true });

const rssMb = Number(/peak-rss-kb (\d+)/.exec(stderr)?.[1] ?? NaN) / 1024;
const expectedImages = (accounts - deny.length) * 17 * 50 - 2 * 50;
const expectedErrors = [
  ...deny.map((id) => `${id} - access-denied`),
  `${ids[3]} ap-northeast-3 region-unavailable`,
  `${ids[11]} sa-east-1 deadline`,
].sort();
console.log(
  `audit --org${viaView ? ' --view' : ''}: ${accounts} accounts x 17 regions x 50 images on the local fake (2 cores shared)`,
);
console.log(
  `  wall time   ${wallS.toFixed(1)} s (target < ${TARGET_S} s); first JSON line after ${(firstLineMs / 1000).toFixed(2)} s`,
);
console.log(`  peak RSS    ${rssMb.toFixed(0)} MB (target < ${TARGET_MB} MB)`);
console.log(
  `  CPU         the CLI ${(Number(cliUser) + Number(cliSys)).toFixed(1)} s, the fake (this process) ${fakeCpuS.toFixed(1)} s`,
);
console.log(
  `  AWS calls   ${org.stats.requests} requests, ${org.stats.throttled} throttled, max ${org.stats.maxInFlight} in flight`,
);
console.log(
  `  found       ${counts.image} images (${counts.compliant} compliant), ${errors.length} errors, exit ${code}`,
);
const problems = [
  ...(code === 3 ? [] : [`exit code ${code}, expected 3\n${stderr.slice(0, 2000)}`]),
  ...(counts.image === expectedImages ? [] : [`${counts.image} images, expected ${expectedImages}`]),
  ...(JSON.stringify(errors.sort()) === JSON.stringify(expectedErrors) ? [] : [`errors ${errors.join('; ')}`]),
  ...(summary?.images === expectedImages ? [] : ['the summary record is missing or wrong']),
  ...(wallS < TARGET_S ? [] : [`wall time over ${TARGET_S} s`]),
  ...(rssMb < TARGET_MB ? [] : [`peak RSS over ${TARGET_MB} MB`]),
];
if (problems.length) {
  console.error(
    stderr
      .split('\n')
      .filter((l) => l.startsWith('peak'))
      .join(''),
  );
  console.error(`FAILED:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
