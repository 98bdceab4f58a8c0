// Issue 19, two engines with one meaning: who may launch an image. A build keeps its images private
// (they are born at the first stage, untested); promoting an image past it shares the image with
// options.shareWith, whichever engine built it: `make promote` for Packer, and the same promote script
// for Image Builder's images (its distribution carries no launch permission). The script runs here
// against a stub AWS CLI.
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { awsStub, callsOf, hasAwsStub } from '../support/aws-cli-stub.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';

const OU = 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56';
const ORG = 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5';

function answers(builder = 'both') {
  const a = minimalAnswers();
  a.builder = builder;
  a.strategy = 'hybrid';
  a.roles = [{ name: 'web' }];
  a.platform = { regions: ['us-east-1', 'eu-west-1'] };
  a.options = {
    kmsKeyId: 'alias/images',
    shareWith: { accounts: ['444455556666', '777788889999'], organizations: [ORG], organizationalUnits: [OU] },
  };
  return a;
}

describe('a build keeps its images private', () => {
  it('Packer shares nothing at build: no ami_users, ami_org_arns, ami_ou_arns or snapshot_users', async () => {
    const files = await generate(answersFrom(answers()));
    const hcl = files
      .filter((f) => f.path.endsWith('.pkr.hcl'))
      .map((f) => f.contents)
      .join('\n');
    expect(hcl).not.toMatch(/ami_users|ami_org_arns|ami_ou_arns|snapshot_users/);
  });

  it('Image Builder distributions give no launch permission, in any region', async () => {
    const files = await generate(answersFrom(answers()));
    const template = parseTemplate(files.find((f) => f.path === 'imagebuilder/image-builder.yaml')!.contents) as Record<
      string,
      any
    >;
    const distributions = Object.values(template.Resources as Record<string, any>).filter(
      (r) => r.Type === 'AWS::ImageBuilder::DistributionConfiguration',
    );
    expect(distributions.length).toBeGreaterThan(0);
    for (const d of distributions)
      for (const region of d.Properties.Distributions)
        expect(region.AmiDistributionConfiguration.LaunchPermissionConfiguration).toBeUndefined();
  });

  it('Image Builder alone gets the promote script too, and the README says how to promote', async () => {
    const files = await generate(answersFrom(answers('image-builder')));
    expect(files.some((f) => f.path.startsWith('packer/'))).toBe(false);
    expect(files.find((f) => f.path === 'imagebuilder/promote-image.sh')?.mode).toBe(0o755);
    expect(files.find((f) => f.path === 'README.md')!.contents).toMatch(
      /imagebuilder\/promote-image\.sh ami-\.\.\. test/,
    );
  });
});

describe.skipIf(!hasAwsStub())('promotion past the first stage shares the image', () => {
  let dir: string;
  let cleanup: () => void;
  beforeEach(() => ({ dir, cleanup } = tempDir()));
  afterEach(() => cleanup());

  const IMAGE = 'ami-0123456789abcdef0';
  const account = () => ({
    images: [
      {
        ImageId: IMAGE,
        Region: 'eu-west-1',
        CreationDate: '2026-11-28T09:30:00.000Z',
        Tags: [
          { Key: 'Role', Value: 'web' },
          { Key: 'Stage', Value: 'dev' },
        ],
        BlockDeviceMappings: [{ DeviceName: '/dev/xvda', Ebs: { SnapshotId: 'snap-0123456789abcdef0' } }],
      },
    ],
    snapshots: ['eu-west-1/snap-0123456789abcdef0'],
    parameters: {},
  });

  async function promote(builder: string, stage: string) {
    const files = await generate(answersFrom(answers(builder)));
    writeFiles(dir, files);
    const aws = awsStub(dir, account());
    const script = builder === 'image-builder' ? 'imagebuilder/promote-image.sh' : 'packer/scripts/promote-image.sh';
    const result = aws.run('bash', [join(dir, script), IMAGE, stage], { env: { AWS_REGION: 'eu-west-1' } });
    return { result, calls: aws.calls() };
  }

  it.each(['both', 'image-builder'])(
    '%s: STAGE=test adds launch permission for every account, organization and OU, and volume permission for the accounts',
    async (builder) => {
      const { result, calls } = await promote(builder, 'test');
      expect(result.code, result.output).toBe(0);
      const launch = callsOf(calls, 'ec2', 'modify-image-attribute');
      expect(launch).toHaveLength(1);
      expect(launch[0]!.region).toEqual(['eu-west-1']);
      expect(launch[0]!['image-id']).toEqual([IMAGE]);
      expect(JSON.parse(launch[0]!['launch-permission']![0]!)).toEqual({
        Add: [
          { UserId: '444455556666' },
          { UserId: '777788889999' },
          { OrganizationArn: ORG },
          { OrganizationalUnitArn: OU },
        ],
      });
      const volumes = callsOf(calls, 'ec2', 'modify-snapshot-attribute');
      expect(volumes).toEqual([
        {
          region: ['eu-west-1'],
          'snapshot-id': ['snap-0123456789abcdef0'],
          attribute: ['createVolumePermission'],
          'operation-type': ['add'],
          'user-ids': ['444455556666', '777788889999'],
        },
      ]);
      expect(result.stdout).toMatch(/shared with 2 accounts, 1 organization and 1 organizational unit/);
    },
  );

  it('STAGE=dev (the stage images are born at) shares nothing', async () => {
    const { result, calls } = await promote('both', 'dev');
    expect(result.code, result.output).toBe(0);
    expect(calls.filter((c) => /^modify-/.test(c[1]!))).toEqual([]);
  });
});
