// audit --org in-process: the real SDK clients (Organizations, STS, EC2) against one local endpoint
// (test/aws/support/org-server.ts) with a small organization. The big one is in org-audit-cli.test.ts.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { auditImage } from '../../source/audit/checks.ts';
import { drained } from '../../source/audit/drained.ts';
import { parseTagPolicy } from '../../source/audit/tag-policy.ts';
import { parseArgs } from '../../source/cli-options.ts';
import { main } from '../../source/main.ts';
import { auditOrgCommand } from '../../source/commands/audit-org.ts';
import { EXIT } from '../../source/errors.ts';
import { tempDir } from '../support/answers.ts';
import { captureIO } from '../support/command-io.ts';
import { accountIds, fixtureRecord, SCENARIO_POLICY, scenarioImages, startFakeOrg } from '../aws/support/org-server.ts';
import type { OrgScenario, OrgStats } from '../aws/support/org-server.ts';

let work: { dir: string; cleanup: () => void };
let policy: string;
beforeAll(() => {
  work = tempDir('ami-wizard-org-');
  policy = join(work.dir, 'tag-policy.json');
  writeFileSync(policy, JSON.stringify(SCENARIO_POLICY));
});
afterAll(() => work.cleanup());
beforeEach(() => {
  vi.stubEnv('AWS_REGION', 'eu-west-1');
  vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDLOCALTESTONLY0000');
  vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'local-test-secret-never-printed');
  vi.stubEnv('AWS_CONFIG_FILE', join(work.dir, 'no-config'));
  vi.stubEnv('AWS_SHARED_CREDENTIALS_FILE', join(work.dir, 'no-credentials'));
  vi.stubEnv('AWS_EC2_METADATA_DISABLED', 'true');
  vi.stubEnv('AWS_ENDPOINT_URL', '');
  vi.stubEnv('AWS_ENDPOINT_URL_EC2', '');
  return () => vi.unstubAllEnvs();
});

const SMALL: OrgScenario = { accounts: 6, regions: ['eu-west-1', 'us-east-1', 'ap-south-1'], imagesPerRegion: 5 };

interface Line {
  type: string;
  accountId: string;
  imageId?: string;
  region?: string;
  compliant?: boolean;
  failed?: { check: string }[];
  action?: string;
  kind?: string;
  exitCode?: number;
}

async function run(
  scenario: OrgScenario,
  extra: string[] = [],
  onStdout?: (text: string) => void,
  status?: { isTTY: boolean; write: (text: string) => boolean },
  stdoutDrained?: () => Promise<void>,
  onStart?: (stats: OrgStats) => void,
) {
  const org = await startFakeOrg(scenario);
  onStart?.(org.stats);
  try {
    const captured = captureIO({ cwd: work.dir });
    if (status) captured.io.status = status;
    if (stdoutDrained) captured.io.stdoutDrained = stdoutDrained;
    const stdout = captured.io.stdout;
    captured.io.stdout = (text) => {
      onStdout?.(text);
      stdout(text);
    };
    const args = parseArgs(['audit', '--org', '--policy', policy, ...extra]);
    const code = await auditOrgCommand(args, captured.io, org.url);
    const out = captured.stdout();
    const lines = extra.includes('--json')
      ? out
          .trim()
          .split('\n')
          .map((l) => JSON.parse(l) as Line)
      : [];
    return { code, out, lines, stats: org.stats };
  } finally {
    await org.close();
  }
}

/** What the single-account audit finds in each account and region the run could reach. */
function expectedFindings(scenario: OrgScenario, skip: (account: string, region: string) => boolean) {
  const checks = { rules: parseTagPolicy(SCENARIO_POLICY, 'policy'), maxAgeDays: 365, now: new Date() };
  const found: string[] = [];
  for (const account of accountIds(scenario))
    for (const region of scenario.regions) {
      if (skip(account, region)) continue;
      for (const image of scenarioImages(scenario, account, region)) {
        const audit = auditImage(fixtureRecord(image, region), checks);
        const failed = audit.results.filter((r) => r.status === 'fail').map((r) => r.check);
        found.push(`${account} ${region} ${image.id} ${failed.join(',') || 'compliant'}`);
      }
    }
  return found.sort();
}

const findings = (lines: Line[]) =>
  lines
    .filter((l) => l.type === 'image')
    .map((l) => `${l.accountId} ${l.region} ${l.imageId} ${l.failed!.map((f) => f.check).join(',') || 'compliant'}`)
    .sort();

describe('audit --org', () => {
  it('finds what single-account audits find, and reports exactly the injected faults', async () => {
    const ids = accountIds(SMALL);
    const scenario: OrgScenario = {
      ...SMALL,
      suspended: 2,
      throttleEvery: 7,
      deny: [ids[1]!],
      disabled: [{ account: ids[2]!, region: 'ap-south-1' }],
      stall: [{ account: ids[3]!, region: 'us-east-1' }],
    };
    // A throttled call waits a second or more before its retry (the SDK's backoff for throttling, and
    // the adaptive rate limiter), so the deadline that ends the stalled call leaves room for that.
    const { code, lines, stats } = await run(scenario, ['--json', '--aws-timeout', '4']);
    expect(code).toBe(EXIT.incomplete);
    const skipped = (a: string, r: string) =>
      a === ids[1] || (a === ids[2] && r === 'ap-south-1') || (a === ids[3] && r === 'us-east-1');
    expect(findings(lines)).toEqual(expectedFindings(scenario, skipped));
    const errors = lines
      .filter((l) => l.type === 'error')
      .map((l) => `${l.accountId} ${l.region ?? '-'} ${l.action} ${l.kind}`);
    expect(errors.sort()).toEqual(
      [
        `${ids[1]} - sts:AssumeRole access-denied`,
        `${ids[2]} ap-south-1 ec2:DescribeImages region-unavailable`,
        `${ids[3]} us-east-1 ec2:DescribeImages deadline`,
      ].sort(),
    );
    expect(stats.throttled).toBeGreaterThan(0); // and none of them became an error: retried
    expect(stats.assumed.filter((a) => a.startsWith('9'))).toEqual([]); // suspended accounts are left out
    expect(lines.at(-1)).toMatchObject({
      type: 'summary',
      exitCode: EXIT.incomplete,
      failedAccounts: 1,
      failedRegions: 2,
    });
  }, 30_000);

  it('retries throttling: every third call throttled, nothing lost', async () => {
    const { code, lines, stats } = await run({ ...SMALL, throttleEvery: 3 }, ['--json']);
    expect(stats.throttled).toBeGreaterThanOrEqual(10); // of 31 calls
    expect(lines.filter((l) => l.type === 'error')).toEqual([]);
    expect(findings(lines)).toEqual(expectedFindings(SMALL, () => false));
    expect(code).toBe(EXIT.failure);
  }, 30_000);

  it('keeps at most --concurrency calls in flight', async () => {
    const many: OrgScenario = { ...SMALL, accounts: 12, delayMs: 20 };
    const bounded = await run(many, ['--json', '--concurrency', '3']);
    expect(bounded.stats.maxInFlight).toBeLessThanOrEqual(3);
    expect(bounded.stats.maxInFlight).toBe(3);
    const wider = await run(many, ['--json', '--concurrency', '12']);
    expect(wider.stats.maxInFlight).toBeGreaterThan(3);
    expect(wider.stats.maxInFlight).toBeLessThanOrEqual(12);
  }, 30_000);

  it('streams: the first image line is out while later accounts are still held', async () => {
    const [first] = accountIds(SMALL);
    let release!: (why: string) => void;
    const released = new Promise<string>((resolve) => (release = resolve));
    setTimeout(() => release('timeout'), 5_000).unref();
    const scenario: OrgScenario = {
      ...SMALL,
      hold: (req) =>
        req.action === 'DescribeImages' && req.account !== first ? released.then(() => undefined) : undefined,
    };
    const { lines } = await run(scenario, ['--json', '--concurrency', '32'], (text) => {
      if (text.includes('"type":"image"')) release('first line');
    });
    expect(await released).toBe('first line');
    expect(findings(lines)).toHaveLength(6 * 3 * 5);
  }, 30_000);

  it('--json waits for a slow reader: no more pages are asked for while the output is blocked', async () => {
    // A pipe whose reader has stopped: a 1 KiB buffer, and nothing is taken from it until released.
    let flowing = false;
    const held: (() => void)[] = [];
    const pipe = new Writable({
      highWaterMark: 1024,
      write(_chunk, _encoding, callback) {
        if (flowing) setImmediate(callback);
        else held.push(callback);
      },
    });
    const scenario: OrgScenario = { ...SMALL, accounts: 20 };
    let stats!: OrgStats;
    const running = run(
      scenario,
      ['--json', '--concurrency', '2'],
      (text) => void pipe.write(text),
      undefined,
      () => drained(pipe),
      (s) => (stats = s),
    );
    const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
    while (!held.length) await new Promise((resolve) => setTimeout(resolve, 20)); // the first page is out
    await settle();
    const blockedAt = stats.requests;
    await settle();
    // The fan-out has stopped: the same calls as before, far fewer than the run makes, and what waits
    // in the pipe's buffer is a page or two a region in flight, not the organization's output.
    expect(stats.requests).toBe(blockedAt);
    expect(stats.byAction.DescribeImages ?? 0).toBeLessThan(20 * 3);
    expect(pipe.writableLength).toBeLessThan(40_000);
    flowing = true;
    for (const callback of held.splice(0)) callback();
    const { code, lines } = await running;
    expect(code).toBe(EXIT.failure);
    expect(findings(lines)).toEqual(expectedFindings(scenario, () => false));
    expect(stats.byAction.DescribeImages).toBe(20 * 3);
  }, 30_000);

  describe('--view ARN (Resource Explorer)', () => {
    const VIEW = 'arn:aws:resource-explorer-2:us-west-2:100000000000:view/images/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';

    it('finds what the fan-out finds, without DescribeRegions or empty regions', async () => {
      // The view's pages are small and throttled now and then, so paging and retries are exercised.
      const scenario: OrgScenario = { ...SMALL, viewPageSize: 7, throttleEvery: 5 };
      const fanOut = await run(scenario, ['--json']);
      const viewed = await run(scenario, ['--json', '--view', VIEW]);
      expect(viewed.code).toBe(fanOut.code);
      expect(findings(viewed.lines)).toEqual(findings(fanOut.lines));
      expect(findings(viewed.lines)).toEqual(expectedFindings(scenario, () => false));
      expect(viewed.stats.byAction.DescribeRegions).toBeUndefined();
      expect(viewed.stats.listResources.every((c) => c.viewArn === VIEW && c.filter === 'resourcetype:ec2:image')).toBe(
        true,
      );
      expect(viewed.stats.byAction.ListResources).toBeGreaterThanOrEqual(Math.ceil((6 * 3 * 5) / 7));
      expect(new Set(viewed.stats.listResourcesRegions)).toEqual(new Set(['us-west-2'])); // the view's region
      expect(viewed.stats.byAction.ListAccounts).toBeUndefined();
      expect(viewed.lines.at(-1)).toMatchObject({ type: 'summary', accounts: 6, images: 6 * 3 * 5 });
    }, 30_000);

    it('trusts the index: an image the view does not list is not seen, an empty region is not visited', async () => {
      const [first] = accountIds(SMALL);
      const images = scenarioImages(SMALL, first!, 'ap-south-1').map((i) => i.id);
      const missing = scenarioImages(SMALL, first!, 'eu-west-1')[0]!.id;
      const scenario: OrgScenario = { ...SMALL, unindexed: [...images, missing] };
      const { lines, stats } = await run(scenario, ['--json', '--view', VIEW]);
      const seen = findings(lines);
      expect(seen.some((f) => f.includes(missing))).toBe(false);
      expect(seen.filter((f) => f.startsWith(`${first} ap-south-1 `))).toEqual([]);
      expect(seen).toHaveLength(6 * 3 * 5 - 6);
      // One DescribeImages a region with images: 6 accounts x 3 regions, less the first one's ap-south-1.
      expect(stats.byAction.DescribeImages).toBe(6 * 3 - 1);
    }, 30_000);

    it.each([
      ['not an ARN', 'images'],
      ['another service', 'arn:aws:ec2:us-west-2:100000000000:view/images/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f'],
      ['no view id', 'arn:aws:resource-explorer-2:us-west-2:100000000000:view/images'],
    ])('refuses %s before any AWS call (exit 2)', async (_, arn) => {
      const org = await startFakeOrg(SMALL);
      try {
        const captured = captureIO({ cwd: work.dir });
        const args = parseArgs(['audit', '--org', '--policy', policy, '--view', arn]);
        await expect(auditOrgCommand(args, captured.io, org.url)).rejects.toThrow(
          /--view needs a Resource Explorer view ARN.*list-views/,
        );
        expect(org.stats.requests).toBe(0);
      } finally {
        await org.close();
      }
    });
  });

  it('ListAccounts denied: says what to allow, exit 1, no output and no resume record', async () => {
    const org = await startFakeOrg({ ...SMALL, denyListAccounts: true });
    try {
      const captured = captureIO({ cwd: work.dir });
      const argv = ['audit', '--org', '--policy', policy, '--json', '--resume', 'denied.jsonl'];
      vi.stubEnv('AWS_ENDPOINT_URL', org.url);
      const code = await main(argv, captured.io);
      expect(code).toBe(EXIT.failure);
      expect(captured.stdout()).toBe(''); // no summary: nothing was audited
      expect(captured.stderr()).toMatch(
        /Access denied \(AccessDeniedException\) for organizations:ListAccounts\.\s+Allow the IAM action organizations:ListAccounts/,
      );
      const state = join(work.dir, 'denied.jsonl');
      expect(existsSync(state) ? readFileSync(state, 'utf8') : '').toBe('');
      expect(org.stats.assumed).toEqual([]);
    } finally {
      await org.close();
    }
  });

  it('--resume: a second run assumes no role in the accounts the first one finished', async () => {
    const ids = accountIds(SMALL);
    const state = join(work.dir, 'resume.jsonl');
    const first = await run({ ...SMALL, deny: [ids[4]!] }, ['--json', '--resume', 'resume.jsonl']);
    expect(first.code).toBe(EXIT.incomplete);
    expect(readFileSync(state, 'utf8').trim().split('\n')).toHaveLength(5);
    const second = await run(SMALL, ['--json', '--resume', 'resume.jsonl']);
    expect(second.stats.assumed).toEqual([ids[4]]);
    expect(new Set(second.lines.filter((l) => l.type === 'image').map((l) => l.accountId))).toEqual(new Set([ids[4]]));
    expect(second.code).toBe(EXIT.failure);
    expect(second.lines.at(-1)).toMatchObject({ type: 'summary', accounts: 6, resumed: 5, images: 6 * 3 * 5 });
    // A third run has nothing left to do, and its text report still covers every account.
    const third = await run(SMALL, ['--resume', 'resume.jsonl']);
    expect(third.stats.assumed).toEqual([]);
    expect(third.out).toContain(`90 images in 6 accounts (6 from the resume file)`);
  }, 30_000);

  it('--resume: an account the listing does not give (another organization, closed since) adds nothing', async () => {
    const stale = {
      account: {
        accountId: '999999999999',
        regions: [{ region: 'eu-west-1', images: 40, failing: 40, failed: { encrypted: 40 } }],
        failures: [],
      },
    };
    writeFileSync(join(work.dir, 'stale.jsonl'), `${JSON.stringify(stale)}\n`);
    const plain = await run(SMALL, ['--json']);
    const result = await run(SMALL, ['--json', '--resume', 'stale.jsonl']);
    expect(result.lines.at(-1)).toMatchObject({ type: 'summary', accounts: 6, resumed: 0, images: 6 * 3 * 5 });
    expect(result.lines.at(-1)).toEqual(plain.lines.at(-1));
  }, 30_000);

  it('shows a progress line on a terminal (stderr), never in the output', async () => {
    let shown = '';
    const { out } = await run(SMALL, ['--json'], undefined, { isTTY: true, write: (t) => ((shown += t), true) });
    expect(shown).toMatch(/\r. Auditing the organization: 6 accounts done, 90 images, 0 errors/);
    expect(out).not.toContain('Auditing');
  });

  it('text: accounts with the most failing images first, regions beneath, failures listed', async () => {
    const ids = accountIds(SMALL);
    const { out, code } = await run({ ...SMALL, deny: [ids[0]!] });
    expect(code).toBe(EXIT.incomplete);
    const order = [...out.matchAll(/^ {2}(\d{12}) /gm)].map((m) => m[1]);
    // Fail rates are (index % 7) in 10: account 5 fails most, account 1 least; account 0 was denied.
    expect(order.slice(0, 5)).toEqual([ids[5], ids[4], ids[3], ids[2], ids[1]]);
    expect(out).toContain('Could not audit:');
    expect(out).toMatch(new RegExp(`${ids[0]} sts:AssumeRole, access-denied: AccessDenied`));
    expect(out).toContain('Not audited: 1 account (see above); the audit is incomplete.');
    expect(Math.max(...out.split('\n').map((l) => l.length))).toBeLessThanOrEqual(80);
  }, 30_000);
});
