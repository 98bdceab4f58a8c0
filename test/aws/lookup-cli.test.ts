// `ami-wizard lookup` end to end against the local EC2 endpoint: the request it makes (owners and name
// filter from generators/platforms.ts) and the image it picks (newest available, not deprecated).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { platformFacts } from '../../generators/platforms.ts';
import { describeImagesXml } from './fixtures/images.ts';
import type { FixtureImage } from './fixtures/images.ts';
import { ok, withFakeEc2 } from './support/ec2-server.ts';
import type { FakeEc2 } from './support/ec2-server.ts';
import { awsEnv, expectAdvice, runCli, tempHome } from './support/run-cli.ts';

let home: { dir: string; cleanup: () => void };
beforeAll(() => void (home = tempHome()));
afterAll(() => home.cleanup());

// As EC2 may list them: not sorted, one newer image already deprecated, one still pending.
const AL2023_ARM: FixtureImage[] = [
  {
    id: 'ami-0d000000000000001',
    name: 'al2023-ami-2023.6.20250101.0-kernel-6.1-arm64',
    ageDays: 60,
    deprecatesInDays: 670,
    architecture: 'arm64',
    owner: '137112412989',
  },
  {
    id: 'ami-0d000000000000003',
    name: 'al2023-ami-2023.7.20250301.0-kernel-6.1-arm64',
    ageDays: 5,
    deprecatesInDays: -1,
    architecture: 'arm64',
    owner: '137112412989',
  },
  {
    id: 'ami-0d000000000000002',
    name: 'al2023-ami-2023.7.20250215.0-kernel-6.1-arm64',
    ageDays: 10,
    deprecatesInDays: 720,
    architecture: 'arm64',
    owner: '137112412989',
  },
  {
    id: 'ami-0d000000000000004',
    name: 'al2023-ami-2023.7.20250305.0-kernel-6.1-arm64',
    ageDays: 1,
    state: 'pending',
    architecture: 'arm64',
    owner: '137112412989',
  },
];

const withEc2 = <T>(images: FixtureImage[], run: (ec2: FakeEc2) => Promise<T>) =>
  withFakeEc2(() => ok(describeImagesXml(images)), run);

describe('lookup', () => {
  it('picks the newest non-deprecated image and prints name, id, creation and deprecation date', async () => {
    await withEc2(AL2023_ARM, async (ec2) => {
      const result = await runCli(
        ['lookup', '--os', 'amazon-linux-2023', '--arch', 'arm64', '--region', 'eu-west-1'],
        awsEnv(home.dir, { endpoint: ec2.url }),
      );
      expect(result.code, result.stderr).toBe(0);
      expectAdvice(result, expect);
      expect(result.stderr).toBe('');
      expect(result.stdout).toMatch(/^Amazon Linux 2023 arm64 in eu-west-1:\n/);
      expect(result.stdout).toContain('  name        al2023-ami-2023.7.20250215.0-kernel-6.1-arm64\n');
      expect(result.stdout).toContain('  id          ami-0d000000000000002\n');
      expect(result.stdout).toMatch(/ {2}created {5}\d{4}-\d\d-\d\dT/);
      expect(result.stdout).toMatch(/ {2}deprecates {2}\d{4}-\d\d-\d\dT/);

      const [req] = ec2.requests;
      expect(ec2.requests).toHaveLength(1);
      expect(req!.action).toBe('DescribeImages');
      expect(req!.owners).toEqual(['amazon']);
      expect(req!.filters).toEqual({
        name: ['al2023-ami-2023.*-kernel-6.*-arm64'],
        architecture: ['arm64'],
        state: ['available'],
      });
      expect(req!.params.IncludeDeprecated).toBeUndefined(); // EC2's default leaves deprecated public images out
      expect(req!.authorization).toContain('/eu-west-1/ec2/aws4_request');
    });
  });

  it('--json for scripts; deprecationTime is null when the image has none', async () => {
    const images: FixtureImage[] = [
      {
        id: 'ami-0e000000000000001',
        name: 'ubuntu/images/hvm-ssd-gp3/ubuntu-noble-24.04-amd64-server-20250601',
        ageDays: 3,
      },
    ];
    await withEc2(images, async (ec2) => {
      const result = await runCli(
        ['lookup', '--os', 'ubuntu-24.04', '--arch', 'x86_64', '--json'],
        awsEnv(home.dir, { endpoint: ec2.url, region: 'us-east-2' }),
      );
      expect(result.code, result.stderr).toBe(0);
      const facts = platformFacts('ubuntu-24.04', 'x86_64');
      expect(JSON.parse(result.stdout)).toEqual({
        os: 'ubuntu-24.04',
        architecture: 'x86_64',
        region: 'us-east-2',
        imageId: 'ami-0e000000000000001',
        name: images[0]!.name,
        creationDate: expect.stringMatching(/^\d{4}-/),
        deprecationTime: null,
        owners: facts.imageOwners,
        nameFilter: facts.imageNameFilter,
      });
      expect(ec2.requests[0]!.owners).toEqual(['099720109477']);
      expect(ec2.requests[0]!.filters.name).toEqual([facts.imageNameFilter]);
    });
  });

  it('--answers supplies os, architecture and the build region', async () => {
    await withEc2(AL2023_ARM, async (ec2) => {
      const result = await runCli(
        ['lookup', '--answers', 'examples/hybrid.yaml', '--json'],
        awsEnv(home.dir, { endpoint: ec2.url }),
      );
      expect(result.code, result.stderr).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({
        os: 'amazon-linux-2023',
        architecture: 'arm64',
        region: 'us-east-1',
        imageId: 'ami-0d000000000000002',
      });
    });
  });

  it('no current image: exit 1 with the filter it used', async () => {
    const deprecated = AL2023_ARM.filter((i) => i.deprecatesInDays !== undefined && i.deprecatesInDays < 0);
    await withEc2(deprecated, async (ec2) => {
      const result = await runCli(
        ['lookup', '--os', 'amazon-linux-2023', '--arch', 'arm64'],
        awsEnv(home.dir, { endpoint: ec2.url }),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(
        /No current Amazon Linux 2023 arm64 image found in eu-west-1 \(owners amazon, name al2023-ami-2023\.\*-kernel-6\.\*-arm64\)/,
      );
      expectAdvice(result, expect);
    });
  });

  it('bad input is refused before any AWS call (exit 2)', async () => {
    await withEc2(AL2023_ARM, async (ec2) => {
      const env = awsEnv(home.dir, { endpoint: ec2.url });
      const cases: [string[], RegExp][] = [
        [['lookup'], /lookup needs --os/],
        [['lookup', '--os', 'debian-12'], /--os "debian-12" is not supported; use one of amazon-linux-2023/],
        [['lookup', '--os', 'rhel-9', '--arch', 'i386'], /--arch "i386" is not supported; use x86_64 or arm64/],
        [['lookup', '--os', 'rhel-9', '--region', 'eu-west-1', '--region', 'us-east-1'], /lookup takes one --region/],
      ];
      for (const [args, pattern] of cases) {
        const result = await runCli(args, env);
        expect(result.code, args.join(' ')).toBe(2);
        expect(result.stderr).toMatch(pattern);
      }
      expect(ec2.requests).toHaveLength(0);
    });
  });
});
