// `ami-wizard audit` end to end: the built CLI, the real @aws-sdk/client-ec2, a local EC2 Query endpoint.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIT_PAGES, describeImagesXml, hybridTags, threePages } from '../aws/fixtures/images.ts';
import { ok, withFakeEc2 } from '../aws/support/ec2-server.ts';
import { UPSTREAM_DIR } from '../support/tools.ts';
import { awsEnv, expectAdvice, ROOT, runCli, TEST_ACCESS_KEY, tempHome } from '../aws/support/run-cli.ts';

const UPSTREAM_AWS = join(UPSTREAM_DIR, 'aws');
const FIXTURES = join(ROOT, 'test/aws/fixtures');

let home: { dir: string; cleanup: () => void };
let generatedPolicy: string;
beforeAll(async () => {
  home = tempHome();
  const out = join(home.dir, 'generated');
  const result = await runCli(['--answers', 'examples/hybrid.yaml', '--out', out], awsEnv(home.dir));
  expect(result.code, result.stderr).toBe(0);
  generatedPolicy = join(out, 'tagging/tag-policy.json');
});
afterAll(() => home.cleanup());

describe('audit over three pages', () => {
  it('lists every page of the own images, including deprecated ones, and reports each check', async () => {
    await withFakeEc2(threePages(), async (ec2) => {
      const result = await runCli(['audit', '--policy', generatedPolicy], awsEnv(home.dir, { endpoint: ec2.url }));
      console.log(`audit table as printed:\n${result.stdout}`);
      expect(result.code, result.stderr).toBe(1);
      expectAdvice(result, expect);
      expect(result.stderr).toBe(''); // no spinner without a terminal, no SDK warning

      // What EC2 was asked: own images, deprecated included, page by page.
      expect(ec2.requests).toHaveLength(3);
      for (const req of ec2.requests) {
        expect(req.action).toBe('DescribeImages');
        expect(req.params.Version).toBe('2016-11-15');
        expect(req.owners).toEqual(['self']);
        expect(req.params.IncludeDeprecated).toBe('true');
        expect(req.params.MaxResults).toBe('200');
        expect(req.authorization).toMatch(
          new RegExp(`^AWS4-HMAC-SHA256 Credential=${TEST_ACCESS_KEY}/\\d{8}/eu-west-1/ec2/aws4_request`),
        );
      }
      expect(ec2.requests.map((r) => r.params.NextToken)).toEqual([undefined, 'token-page-2', 'token-page-3']);

      const lines = result.stdout.split('\n');
      expect(Math.max(...lines.map((l) => l.length))).toBeLessThanOrEqual(80);
      // 80 columns (not a terminal): one character per check, a legend, and the names beside the ids.
      expect(result.stdout).toContain('Checks: T tags, V values, A age, P public, E encrypted, I imdsv2, D deprecated');
      const header = lines.find((l) => l.startsWith('IMAGE'))!;
      expect(header.split(/\s+/)).toEqual(['IMAGE', 'T', 'V', 'A', 'P', 'E', 'I', 'D', 'NAME']);
      const row = (n: string) => lines.find((l) => l.startsWith(`ami-0a00000000000000${n} `))!;
      const cells = (n: string) => row(n).split(/\s+/).slice(1, 8).join('');
      expect(['1', '6', '9'].map(cells)).toEqual(['.......', '.......', '.......']);
      expect(['2', '3', '4', '5', '7', '8'].map(cells)).toEqual([
        'X......',
        '.X.....',
        '..X...X',
        '...X...',
        '....X..',
        '.....X.',
      ]);
      expect(row('1')).toMatch(/ web-shop-base-2025-06-01$/);
      expect(row('7')).toMatch(/ web-shop-web-unencryp\.\.[a-z-]*-does-not-fit$/); // long names lose their middle
      expect(row('7').length).toBe(80);
      expect(result.stdout).toContain('eu-west-1: 9 images, 6 failing');
      expect(result.stdout).toContain('tags: costcenter should be CostCenter; missing Stage');
      expect(result.stdout).toContain('values: Team="finance" not allowed (commerce, platform)');
      expect(result.stdout).toMatch(/age: 400 days old, window 365 days/);
      expect(result.stdout).toMatch(/deprecated: deprecated since \d{4}-/);
      expect(result.stdout).toContain('encrypted: unencrypted: snap-0b000000000000008 (/dev/xvdb)');
      expect(result.stdout).toContain('imdsv2: imdsSupport is unset');
      expect(result.stdout).toMatch(
        /\n9 images in eu-west-1: 3 compliant, 6 failing\.\nFailed: tags 1, values 1, age 1, public 1, encrypted 1, imdsv2 1, deprecated 1\.\n$/,
      );
    });
  });

  it('--json prints one object per image with the failed checks', async () => {
    await withFakeEc2(threePages(), async (ec2) => {
      const result = await runCli(
        ['audit', '--policy', generatedPolicy, '--json'],
        awsEnv(home.dir, { endpoint: ec2.url }),
      );
      expect(result.code, result.stderr).toBe(1);
      const rows = JSON.parse(result.stdout) as {
        imageId: string;
        name: string;
        compliant: boolean;
        failed: { check: string; detail: string }[];
      }[];
      expect(rows.map((r) => r.imageId)).toEqual(AUDIT_PAGES.flat().map((i) => i.id));
      expect(rows.filter((r) => r.compliant).map((r) => r.imageId)).toEqual([
        'ami-0a000000000000001',
        'ami-0a000000000000006',
        'ami-0a000000000000009',
      ]);
      const four = rows.find((r) => r.imageId === 'ami-0a000000000000004')!;
      expect(four.name).toBe('web-shop-web-2024-01-01');
      expect(four.failed.map((f) => f.check)).toEqual(['age', 'deprecated']);
      expect(rows.find((r) => r.imageId === 'ami-0a000000000000002')!.failed).toEqual([
        { check: 'tags', detail: 'costcenter should be CostCenter; missing Stage' },
      ]);
    });
  });

  it('exits 0 when every image passes, and --answers gives the same policy as the generated file', async () => {
    const compliant = [AUDIT_PAGES[0]![0]!, AUDIT_PAGES[1]![2]!];
    await withFakeEc2(
      () => ok(describeImagesXml(compliant)),
      async (ec2) => {
        const env = awsEnv(home.dir, { endpoint: ec2.url });
        const byPolicy = await runCli(['audit', '--policy', generatedPolicy], env);
        const byAnswers = await runCli(['audit', '--answers', 'examples/hybrid.yaml'], env);
        expect(byPolicy.code, byPolicy.stderr).toBe(0);
        expect(byAnswers.code, byAnswers.stderr).toBe(0);
        expect(byPolicy.stdout).toContain('2 images in eu-west-1: all compliant.');
        expect(byAnswers.stdout).toContain('examples/hybrid.yaml (as in tagging/tag-policy.json), 12 tags');
        const afterPolicyLine = (text: string) => text.slice(text.indexOf('\n\n'));
        expect(afterPolicyLine(byAnswers.stdout)).toEqual(afterPolicyLine(byPolicy.stdout));
      },
    );
  });

  it('--max-age-days overrides the window; --region is repeatable and each region is listed', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([AUDIT_PAGES[0]![0]!])),
      async (ec2) => {
        const result = await runCli(
          [
            'audit',
            '--answers',
            'examples/hybrid.yaml',
            '--max-age-days',
            '7',
            '--region',
            'us-east-1',
            '--region',
            'us-west-2',
            '--json',
          ],
          awsEnv(home.dir, { endpoint: ec2.url }),
        );
        expect(result.code).toBe(1);
        const rows = JSON.parse(result.stdout) as { region: string; failed: { check: string; detail: string }[] }[];
        expect(rows.map((r) => r.region)).toEqual(['us-east-1', 'us-west-2']);
        expect(rows[0]!.failed).toEqual([{ check: 'age', detail: '30 days old, window 7 days' }]);
        expect(ec2.requests.map((r) => /\/(\w+-\w+-\d)\/ec2\//.exec(r.authorization)?.[1])).toEqual([
          'us-east-1',
          'us-west-2',
        ]);
      },
    );
  });

  it('without a policy the tag checks are skipped and say so; no images is a pass', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([])),
      async (ec2) => {
        const result = await runCli(['audit'], awsEnv(home.dir, { endpoint: ec2.url }));
        expect(result.code, result.stderr).toBe(0);
        expect(result.stdout).toContain('No tag policy given (--policy FILE or --answers FILE): tag checks skipped');
        expect(result.stdout).toContain('No images owned by this account in eu-west-1.');
      },
    );
  });

  it("reads the documented DescribeImages response (the EC2 API Reference's example, and our own copy)", async () => {
    const files = [join(FIXTURES, 'describe-images.xml'), join(UPSTREAM_AWS, 'ec2-xml/describe-images.xml')];
    for (const file of files) {
      await withFakeEc2(
        () => ok(readFileSync(file, 'utf8')),
        async (ec2) => {
          const result = await runCli(
            ['audit', '--policy', join(FIXTURES, 'tag-policies/effective.json'), '--json'],
            awsEnv(home.dir, { endpoint: ec2.url }),
          );
          expect(result.code, `${file}: ${result.stderr}`).toBe(1);
          const [row] = JSON.parse(result.stdout) as { imageId: string; name: string; failed: { check: string }[] }[];
          expect(row!.imageId).toBe('ami-1a2b3c4d');
          expect(row!.name).toBe('getting-started');
          // Public, no Encrypted flag on its snapshot, created 2024, deprecated 2026-01-15; CostCenter=100 and v2.0 pass.
          expect(row!.failed.map((f) => f.check)).toEqual(['age', 'public', 'encrypted', 'deprecated']);
        },
      );
    }
  });
});

describe('tag policies the audit reads', () => {
  const image = {
    id: 'ami-0c000000000000001',
    name: 'tagged',
    ageDays: 1,
    tags: { CostCenter: '3001', Project: 'x', department: 'Sales' },
  };

  it('accepts @@assign / @@append / @@remove, wildcards and report_required_tag_for', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([image])),
      async (ec2) => {
        const result = await runCli(
          ['audit', '--policy', join(FIXTURES, 'tag-policies/operators.json'), '--json'],
          awsEnv(home.dir, { endpoint: ec2.url }),
        );
        const [row] = JSON.parse(result.stdout) as { failed: { check: string; detail: string }[] }[];
        // 3001 matches "300*"; Department is required on instances only, but its key case is still checked.
        expect(row!.failed).toEqual([{ check: 'tags', detail: 'department should be Department' }]);
      },
    );
  });

  it('refuses a policy with two wildcards in one value (exit 2, before any AWS call)', async () => {
    await withFakeEc2(
      () => ok(describeImagesXml([image])),
      async (ec2) => {
        const result = await runCli(
          ['audit', '--policy', join(FIXTURES, 'tag-policies/two-wildcards.json')],
          awsEnv(home.dir, { endpoint: ec2.url }),
        );
        expect(result.code).toBe(2);
        expect(result.stderr).toMatch(/"\*@\*\.com" has more than one "\*"/);
        expect(ec2.requests).toHaveLength(0);
      },
    );
  });

  // What the documented examples say about an image tagged CostCenter=3001, Project=x.
  const expected: Record<string, { code: number; failed?: string[] }> = {
    'ami-scaffold.json': { code: 0, failed: [] }, // "300*" matches 3001
    'basic.json': { code: 1, failed: ['values'] }, // 100 or 200 only
    'policy-a-key-case.json': { code: 0, failed: [] }, // CostCenter and Project present with the right case
    'policy-c-append.json': { code: 1, failed: ['values'] }, // @@append alone: Marketing only
    'bad-two-wildcards.json': { code: 2 },
  };
  const documented = readdirSync(join(UPSTREAM_AWS, 'tag-policy-examples')).sort();
  it('reads the documented examples: the valid ones audit, bad-two-wildcards is refused', async () => {
    const tagged = { ...image, tags: { CostCenter: '3001', Project: 'x' } };
    await withFakeEc2(
      () => ok(describeImagesXml([tagged])),
      async (ec2) => {
        for (const name of documented) {
          const result = await runCli(
            ['audit', '--policy', join(UPSTREAM_AWS, 'tag-policy-examples', name), '--json'],
            awsEnv(home.dir, { endpoint: ec2.url }),
          );
          const want = expected[name]!;
          expect(want, `no expectation written for ${name}`).toBeDefined();
          expect(result.code, `${name}: ${result.stderr}`).toBe(want.code);
          if (want.code === 2) {
            expect(result.stderr, name).toMatch(/more than one "\*"/);
            continue;
          }
          const [row] = JSON.parse(result.stdout) as { failed: { check: string }[] }[];
          if (want.failed)
            expect(
              row!.failed.map((f) => f.check),
              name,
            ).toEqual(want.failed);
        }
      },
    );
  });
});

describe('hybrid tags fixture', () => {
  it('matches the generated policy keys', () => {
    const policy = JSON.parse(readFileSync(generatedPolicy, 'utf8')) as {
      tags: Record<string, { tag_key: { '@@assign': string } }>;
    };
    expect(
      Object.values(policy.tags)
        .map((t) => t.tag_key['@@assign'])
        .sort(),
    ).toEqual(Object.keys(hybridTags()).sort());
  });
});
