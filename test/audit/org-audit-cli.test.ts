// The built CLI's `audit --org` over a large organization: 200 accounts x 17 regions x 50 images on the
// local fake of Organizations, STS and EC2 (test/aws/support/org-server.ts), reached the way a user
// points the SDK elsewhere (AWS_ENDPOINT_URL), with throttling, two roles that deny, a region not
// enabled and a call that never answers. scripts/bench-org-audit.mjs times the same scenario.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditImage } from '../../source/audit/checks.ts';
import { parseTagPolicy } from '../../source/audit/tag-policy.ts';
import { EXIT } from '../../source/errors.ts';
import { awsEnv, runCli, tempHome } from '../aws/support/run-cli.ts';
import {
  accountIds,
  fixtureRecord,
  SCENARIO_POLICY,
  SEVENTEEN_REGIONS,
  scenarioImages,
  startFakeOrg,
} from '../aws/support/org-server.ts';
import type { OrgScenario } from '../aws/support/org-server.ts';

let home: { dir: string; cleanup: () => void };
let policy: string;
beforeAll(() => {
  home = tempHome();
  policy = join(home.dir, 'tag-policy.json');
  writeFileSync(policy, JSON.stringify(SCENARIO_POLICY));
});
afterAll(() => home.cleanup());

describe('audit --org over 200 accounts x 17 regions x 50 images', () => {
  it('finishes, reports exactly the injected faults, and finds what single-account audits find', async () => {
    const ids = accountIds({ accounts: 200 });
    const denied = [ids[7]!, ids[42]!];
    const disabled = { account: ids[3]!, region: 'ap-northeast-3' };
    const stalled = { account: ids[11]!, region: 'sa-east-1' };
    const scenario: OrgScenario = {
      accounts: 200,
      regions: SEVENTEEN_REGIONS,
      imagesPerRegion: 50,
      throttleEvery: 100,
      deny: denied,
      disabled: [disabled],
      stall: [stalled],
      suspended: 3,
    };
    const org = await startFakeOrg(scenario);
    try {
      const result = await runCli(
        ['audit', '--org', '--policy', policy, '--json', '--aws-timeout', '10'],
        awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL: org.url } }),
        { timeoutMs: 280_000 },
      );
      expect(result.code, result.stderr).toBe(EXIT.incomplete);
      expect(result.stderr).toBe(''); // no progress line on a pipe
      const lines = result.stdout.trimEnd().split('\n');
      const found: string[] = [];
      const errors: string[] = [];
      const errorLines: string[] = [];
      let summary: Record<string, unknown> | undefined;
      for (const line of lines) {
        const r = JSON.parse(line);
        if (r.type === 'image')
          found.push(
            `${r.accountId} ${r.region} ${r.imageId} ${r.failed.map((f: { check: string }) => f.check).join(',') || 'compliant'}`,
          );
        else if (r.type === 'error') {
          errors.push(`${r.accountId} ${r.region ?? '-'} ${r.action} ${r.kind}`);
          errorLines.push(line);
        } else summary = r;
      }
      // On a mismatch the records themselves, with the code and message that decided each kind.
      expect(errors.sort(), errorLines.join('\n')).toEqual(
        [
          `${denied[0]} - sts:AssumeRole access-denied`,
          `${denied[1]} - sts:AssumeRole access-denied`,
          `${disabled.account} ${disabled.region} ec2:DescribeImages region-unavailable`,
          `${stalled.account} ${stalled.region} ec2:DescribeImages deadline`,
        ].sort(),
      );
      // The union of single-account audits: auditImage over the fake's own data, account by account.
      const checks = { rules: parseTagPolicy(SCENARIO_POLICY, 'policy'), maxAgeDays: 365, now: new Date() };
      const expected: string[] = [];
      for (const account of ids) {
        if (denied.includes(account)) continue;
        for (const region of SEVENTEEN_REGIONS) {
          const at = (p: { account: string; region: string }) => p.account === account && p.region === region;
          if (at(disabled) || at(stalled)) continue;
          for (const image of scenarioImages(scenario, account, region)) {
            const failed = auditImage(fixtureRecord(image, region), checks)
              .results.filter((r) => r.status === 'fail')
              .map((r) => r.check);
            expected.push(`${account} ${region} ${image.id} ${failed.join(',') || 'compliant'}`);
          }
        }
      }
      expect(found.length).toBe(198 * 17 * 50 - 2 * 50);
      expect(found.sort()).toEqual(expected.sort());
      expect(summary).toMatchObject({ type: 'summary', accounts: 198, failedAccounts: 2, failedRegions: 2 });
      expect(org.stats.throttled).toBeGreaterThan(30);
      expect(org.stats.maxInFlight).toBeLessThanOrEqual(16);
      expect(org.stats.assumed.filter((a) => a.startsWith('9'))).toEqual([]); // SUSPENDED accounts left out
    } finally {
      await org.close();
    }
  }, 300_000);
});

describe('audit --org --json into a slow reader', () => {
  // The pipe fills with pages of 400 images while one call is still out. A write that waited for the
  // reader with the whole process stopped left that call's answer unread until the reader caught up,
  // and its deadline, a timer, fired first: a call answered in time was reported as given up.
  it('waits for the reader without giving up a call that answered in time', async () => {
    const ids = accountIds({ accounts: 4 });
    const late = { account: ids[0]!, region: 'eu-west-1' };
    const scenario: OrgScenario = {
      accounts: 4,
      regions: ['eu-west-1', 'us-east-1', 'eu-central-1'],
      imagesPerRegion: 400,
      // Answered 1.5 s after it is asked: long after the pipe filled, well within the deadline.
      hold: (request) =>
        request.action === 'DescribeImages' && request.account === late.account && request.region === late.region
          ? new Promise((resolve) => setTimeout(resolve, 1500))
          : undefined,
    };
    const org = await startFakeOrg(scenario);
    try {
      const result = await runCli(
        ['audit', '--org', '--policy', policy, '--json', '--aws-timeout', '3'],
        awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL: org.url } }),
        { readerPausesMs: 6000, timeoutMs: 60_000 },
      );
      const lines = result.stdout
        .trimEnd()
        .split('\n')
        .map((line) => JSON.parse(line));
      expect(lines.filter((line) => line.type === 'error')).toEqual([]);
      expect(lines.at(-1)).toMatchObject({ type: 'summary', accounts: 4, images: 4 * 3 * 400 });
      expect(result.code, result.stderr).not.toBe(EXIT.incomplete);
    } finally {
      await org.close();
    }
  }, 90_000);
});

describe('audit --org --view through the built CLI', () => {
  it('loads the Resource Explorer SDK from the bundle and finds every image', async () => {
    const scenario: OrgScenario = { accounts: 4, regions: ['eu-west-1', 'us-east-1'], imagesPerRegion: 3 };
    const org = await startFakeOrg(scenario);
    try {
      const view =
        'arn:aws:resource-explorer-2:eu-west-1:100000000000:view/images/1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
      const result = await runCli(
        ['audit', '--org', '--view', view, '--policy', policy, '--json'],
        awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL: org.url } }),
      );
      expect(result.code, result.stderr).toBe(EXIT.failure);
      const summary = JSON.parse(result.stdout.trimEnd().split('\n').at(-1)!);
      expect(summary).toMatchObject({ type: 'summary', accounts: 4, images: 4 * 2 * 3 });
      expect(org.stats.byAction.ListResources).toBe(1);
      expect(org.stats.byAction.DescribeRegions).toBeUndefined();
    } finally {
      await org.close();
    }
  }, 60_000);

  it('refuses a malformed --view before any AWS call (exit 2)', async () => {
    const result = await runCli(
      ['audit', '--org', '--view', 'my-view', '--policy', policy],
      awsEnv(home.dir, { extra: { AWS_ENDPOINT_URL: 'http://127.0.0.1:9' } }),
    );
    expect(result.code).toBe(EXIT.badInput);
    expect(result.stderr).toMatch(/--view needs a Resource Explorer view ARN/);
    expect(result.stdout).toBe('');
  });
});
