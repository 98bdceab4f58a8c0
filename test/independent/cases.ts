// Six answers files of the independent check's own, each with the answers to check the output
// against written out by hand (never derived by the generator's code): design, engine, OS,
// architecture, every region with its key, sharing, the SSM path and deprecation days.

export interface IndependentCase {
  name: string;
  answers: Record<string, unknown>;
  expect: {
    design: 'fully-baked' | 'hybrid' | 'jeos';
    builder: 'image-builder' | 'both';
    family: 'linux' | 'windows';
    /** The base recipe's parent: a public SSM parameter (exact), or a parameter of type AWS::EC2::Image::Id. */
    baseParent: { ssm: string } | 'image-id-parameter';
    /** Recipe names: the baseline first, then one per role image. */
    recipes: string[];
    /** Every region an image goes to, build region first, and the KMS key its copy gets (undefined: none named). */
    regions: [string, string | undefined][];
    encrypted: boolean;
    share: { UserIds?: string[]; OrganizationArns?: string[]; OrganizationalUnitArns?: string[] };
    ssmPath?: string;
    deprecateAfterDays: number;
  };
}

const guidance = (over: Record<string, unknown> = {}) => ({
  recoveryTime: 'tens-of-minutes',
  baselineStability: 'monthly',
  appReleaseCadence: 'weekly',
  manualSteps: false,
  onPremises: false,
  existingTooling: 'none',
  automationExperience: 'some',
  distinctConfigurations: 'few',
  latestAtLaunch: false,
  ...over,
});

const OU = 'arn:aws:organizations::111122223333:ou/o-a1b2c3d4e5/ou-ab12-cd34ef56';
const ORG = 'arn:aws:organizations::111122223333:organization/o-a1b2c3d4e5';

export const CASES: IndependentCase[] = [
  {
    name: 'fully baked, Amazon Linux 2023 arm64, Ansible, Image Builder, alias key in three regions, accounts and an OU, 90 days',
    answers: {
      version: 1,
      project: { name: 'shop', owner: 'web-team' },
      platform: { os: 'amazon-linux-2023', architecture: 'arm64', regions: ['us-east-1', 'us-west-2'] },
      roles: [{ name: 'web', software: ['nginx'] }, { name: 'worker' }],
      guidance: guidance({ baselineStability: 'weekly', existingTooling: 'ansible' }),
      strategy: 'fully-baked',
      builder: 'image-builder',
      configManagement: 'ansible',
      options: {
        kmsKeyId: 'alias/golden-ami',
        copyToRegions: ['eu-west-1'],
        shareWith: { accounts: ['444455556666', '777788889999'], organizationalUnits: [OU] },
        deprecateAfterDays: 90,
      },
    },
    expect: {
      design: 'fully-baked',
      builder: 'image-builder',
      family: 'linux',
      baseParent: { ssm: '/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-arm64' },
      recipes: ['shop-base', 'shop-web', 'shop-worker'],
      regions: [
        ['us-east-1', 'alias/golden-ami'],
        ['us-west-2', 'alias/golden-ami'],
        ['eu-west-1', 'alias/golden-ami'],
      ],
      encrypted: true,
      share: { UserIds: ['444455556666', '777788889999'], OrganizationalUnitArns: [OU] },
      deprecateAfterDays: 90,
    },
  },
  {
    name: 'hybrid, Ubuntu 24.04, Chef, both engines, a key ARN per region, an organisation, SSM, default days',
    answers: {
      version: 1,
      project: { name: 'ledger' },
      platform: { os: 'ubuntu-24.04', regions: ['eu-west-1'] },
      roles: [{ name: 'api', software: ['nginx'] }],
      guidance: guidance({ existingTooling: 'chef' }),
      strategy: 'hybrid',
      builder: 'both',
      configManagement: 'chef',
      options: {
        kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-2222-bbbb-3333-cccc4444dddd',
        copyToRegions: ['eu-central-1', 'eu-north-1'],
        regionKmsKeyIds: {
          'eu-central-1': 'arn:aws:kms:eu-central-1:111122223333:key/5555eeee-6666-ffff-7777-000088889999',
          'eu-north-1': 'arn:aws:kms:eu-north-1:111122223333:alias/ledger-ami',
        },
        shareWith: { organizations: [ORG] },
        publishToSsm: '/ledger/images',
      },
    },
    expect: {
      design: 'hybrid',
      builder: 'both',
      family: 'linux',
      baseParent: { ssm: '/aws/service/canonical/ubuntu/server/24.04/stable/current/amd64/hvm/ebs-gp3/ami-id' },
      recipes: ['ledger-base', 'ledger-api'],
      regions: [
        ['eu-west-1', 'arn:aws:kms:eu-west-1:111122223333:key/1111aaaa-2222-bbbb-3333-cccc4444dddd'],
        ['eu-central-1', 'arn:aws:kms:eu-central-1:111122223333:key/5555eeee-6666-ffff-7777-000088889999'],
        ['eu-north-1', 'arn:aws:kms:eu-north-1:111122223333:alias/ledger-ami'],
      ],
      encrypted: true,
      share: { OrganizationArns: [ORG] },
      ssmPath: '/ledger/images',
      deprecateAfterDays: 365, // not set: the answers' documented default
    },
  },
  {
    name: 'JeOS, Amazon Linux 2023 minimal, no tool named (Ansible by default), Image Builder, unencrypted, static baseline, 30 days',
    answers: {
      version: 1,
      project: { name: 'edge' },
      platform: { os: 'amazon-linux-2023', regions: ['ap-southeast-2'] },
      guidance: guidance({ baselineStability: 'static' }),
      strategy: 'jeos',
      builder: 'image-builder',
      options: { encryption: false, deprecateAfterDays: 30 },
    },
    expect: {
      design: 'jeos',
      builder: 'image-builder',
      family: 'linux',
      baseParent: { ssm: '/aws/service/ami-amazon-linux-latest/al2023-ami-minimal-kernel-default-x86_64' },
      recipes: ['edge-base'],
      regions: [['ap-southeast-2', undefined]],
      encrypted: false,
      share: {},
      deprecateAfterDays: 30,
    },
  },
  {
    name: 'fully baked, RHEL 9, Puppet, both engines, key id plus a copy key, 730 days',
    answers: {
      version: 1,
      project: { name: 'claims' },
      platform: { os: 'rhel-9', regions: ['ca-central-1', 'us-east-2'] },
      roles: [{ name: 'batch', software: ['java-17-openjdk'] }, { name: 'portal' }],
      guidance: guidance({ existingTooling: 'puppet' }),
      strategy: 'fully-baked',
      builder: 'both',
      configManagement: 'puppet',
      options: {
        kmsKeyId: '0123abcd-4567-89ef-0123-456789abcdef',
        regionKmsKeyIds: { 'us-east-2': 'arn:aws:kms:us-east-2:111122223333:key/fedcba98-7654-3210-fedc-ba9876543210' },
        deprecateAfterDays: 730,
      },
    },
    expect: {
      design: 'fully-baked',
      builder: 'both',
      family: 'linux',
      baseParent: 'image-id-parameter', // Red Hat publishes no public SSM parameter
      recipes: ['claims-base', 'claims-batch', 'claims-portal'],
      regions: [
        ['ca-central-1', '0123abcd-4567-89ef-0123-456789abcdef'],
        ['us-east-2', 'arn:aws:kms:us-east-2:111122223333:key/fedcba98-7654-3210-fedc-ba9876543210'],
      ],
      encrypted: true,
      share: {},
      deprecateAfterDays: 730,
    },
  },
  {
    name: 'hybrid, Windows Server 2022, Salt, Image Builder, alias key, an account and an OU, SSM, 180 days',
    answers: {
      version: 1,
      project: { name: 'billing' },
      platform: { os: 'windows-server-2022', regions: ['us-east-1'] },
      roles: [{ name: 'iis', software: ['urlrewrite'] }],
      guidance: guidance({ existingTooling: 'salt' }),
      strategy: 'hybrid',
      builder: 'image-builder',
      configManagement: 'salt',
      options: {
        kmsKeyId: 'alias/billing-ami',
        copyToRegions: ['us-west-2'],
        shareWith: { accounts: ['444455556666'], organizationalUnits: [OU] },
        publishToSsm: '/billing/ami',
        deprecateAfterDays: 180,
      },
    },
    expect: {
      design: 'hybrid',
      builder: 'image-builder',
      family: 'windows',
      baseParent: { ssm: '/aws/service/ami-windows-latest/Windows_Server-2022-English-Full-Base' },
      recipes: ['billing-base', 'billing-iis'],
      regions: [
        ['us-east-1', 'alias/billing-ami'],
        ['us-west-2', 'alias/billing-ami'],
      ],
      encrypted: true,
      share: { UserIds: ['444455556666'], OrganizationalUnitArns: [OU] },
      ssmPath: '/billing/ami',
      deprecateAfterDays: 180,
    },
  },
  {
    name: 'JeOS, Ubuntu 24.04 arm64, shell, both engines, default EBS key, default days',
    answers: {
      version: 1,
      project: { name: 'ops' },
      platform: { os: 'ubuntu-24.04', architecture: 'arm64', regions: ['eu-west-2', 'eu-west-3'] },
      guidance: guidance({ existingTooling: 'shell-scripts' }),
      strategy: 'jeos',
      builder: 'both',
      configManagement: 'shell',
    },
    expect: {
      design: 'jeos',
      builder: 'both',
      family: 'linux',
      baseParent: { ssm: '/aws/service/canonical/ubuntu/server/24.04/stable/current/arm64/hvm/ebs-gp3/ami-id' },
      recipes: ['ops-base'],
      regions: [
        ['eu-west-2', undefined],
        ['eu-west-3', undefined],
      ],
      encrypted: true,
      share: {},
      deprecateAfterDays: 365,
    },
  },
];
