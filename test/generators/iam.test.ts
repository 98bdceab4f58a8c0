// iam/: the GitHub role trusts exactly one repository's environment; instances get their own stage's
// secrets and nothing more; the launch template requires IMDSv2 and sets the tags the bootstrap reads;
// the key policy statements let the consumers of shared encrypted images launch them. Every policy is
// checked against AWS's service authorization reference (actions, resources, condition keys).
import { describe, expect, it } from 'vitest';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { IMAGE_STACK_RESOURCE_ACTIONS } from '../../generators/image-stack-permissions.ts';
import { OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { lintStatements, readTemplate, resolver, roleStatements } from '../support/iam-policies.ts';
import type { Statement, Template } from '../support/iam-policies.ts';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/ci/ami-build';
const OU = 'arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456';
const ORG = 'arn:aws:organizations::111122223333:organization/o-exampleorgid';

async function folder(patch: (a: Record<string, any>) => void = () => {}) {
  const a = minimalAnswers();
  a.platform = { os: 'amazon-linux-2023', regions: ['eu-west-1'] };
  patch(a);
  return generate(answersFrom(a));
}
const file = (files: GeneratedFile[], path: string) => files.find((f) => f.path === path)?.contents;
const template = (files: GeneratedFile[], path: string): Template => readTemplate(file(files, path)!);

describe('the GitHub workflow role (iam/access.yaml)', () => {
  const withRepository = (environment?: string) =>
    folder((a) => {
      a.options = {
        githubActions: {
          roleArn: ROLE_ARN,
          repository: 'Example-Org/platform.images',
          ...(environment ? { environment } : {}),
        },
      };
    });

  it('trusts exactly repo:OWNER/NAME:environment:ENV and the sts audience, with StringEquals only', async () => {
    for (const [environment, expected] of [
      [undefined, 'ami-build'],
      ['prod-images', 'prod-images'],
    ] as const) {
      const access = template(await withRepository(environment), 'iam/access.yaml');
      const role = resolver(access, 'eu-west-1', true)(access.Resources.GitHubBuildRole!.Properties) as any;
      const [trust, ...more] = role.AssumeRolePolicyDocument.Statement;
      expect(more).toEqual([]);
      expect(trust.Action).toBe('sts:AssumeRoleWithWebIdentity');
      expect(trust.Condition).toEqual({
        StringEquals: {
          'token.actions.githubusercontent.com:sub': `repo:Example-Org/platform.images:environment:${expected}`,
          'token.actions.githubusercontent.com:aud': 'sts.amazonaws.com',
        },
      });
      expect(JSON.stringify(trust)).not.toMatch(/\*|StringLike/);
      // The role is the one options.githubActions.roleArn names.
      expect(role.RoleName).toBe('ami-build');
      expect(role.Path).toBe('/ci/');
    }
  });

  it("creates the OIDC provider unless the stack is given the account's existing one", async () => {
    const access = template(await withRepository(), 'iam/access.yaml');
    expect(access.Resources.GitHubOidcProvider!.Condition).toBe('CreateGitHubOidcProvider');
    expect(access.Resources.GitHubOidcProvider!.Properties).toMatchObject({
      Url: 'https://token.actions.githubusercontent.com',
      ClientIdList: ['sts.amazonaws.com'],
    });
    const created = resolver(access, 'eu-west-1', true)(access.Resources.GitHubBuildRole!.Properties) as any;
    const existing = resolver(access, 'eu-west-1', false)(access.Resources.GitHubBuildRole!.Properties) as any;
    expect(created.AssumeRolePolicyDocument.Statement[0].Principal.Federated).toBe(
      'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com',
    );
    expect(existing.AssumeRolePolicyDocument.Statement[0].Principal.Federated).toBe('PARAMETER-GitHubOidcProviderArn');
  });

  it('is not generated without a repository, and README.md and decision.md say to add one', async () => {
    const files = await folder((a) => {
      a.options = { githubActions: { roleArn: ROLE_ARN } };
    });
    const access = template(files, 'iam/access.yaml');
    expect(access.Resources.GitHubBuildRole).toBeUndefined();
    expect(access.Resources.GitHubOidcProvider).toBeUndefined();
    expect(file(files, 'README.md')).toMatch(/`options\.githubActions` names no `repository`/);
    expect(file(files, 'decision.md')).toMatch(/options\.githubActions\.repository/);
  });

  it('holds the Packer build policy and, for Image Builder, deploys the stack and starts pipelines but changes no IAM', async () => {
    const files = await folder((a) => {
      a.builder = 'both';
      a.options = { githubActions: { roleArn: ROLE_ARN, repository: 'example-org/images' } };
    });
    const access = template(files, 'iam/access.yaml');
    const actions = roleStatements(access, 'GitHubBuildRole', 'eu-west-1').flatMap((s) => s.Action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'ec2:RunInstances',
        'cloudformation:CreateChangeSet',
        'imagebuilder:StartImagePipelineExecution',
      ]),
    );
    expect(actions.filter((a) => /^iam:(Create|Put|Attach|Delete|Update|Tag)/.test(a as string))).toEqual([]);
  });
});

describe('IAM quotas', () => {
  it('every managed policy fits 6,144 characters and a role holds at most 10, with every option and 12 regions', async () => {
    const files = await folder((a) => {
      a.builder = 'both';
      a.platform = {
        os: 'ubuntu-24.04',
        regions: ['eu-west-1', 'eu-west-2', 'eu-west-3', 'eu-central-1', 'eu-north-1', 'eu-south-1'],
      };
      a.options = {
        kmsKeyId: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        regionKmsKeyIds: Object.fromEntries(
          [
            'eu-west-2',
            'eu-west-3',
            'eu-central-1',
            'eu-north-1',
            'eu-south-1',
            'us-east-1',
            'us-east-2',
            'us-west-1',
            'us-west-2',
            'ap-south-1',
            'ca-central-1',
          ].map((r) => [r, `arn:aws:kms:${r}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`]),
        ),
        copyToRegions: ['us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'ap-south-1', 'ca-central-1'],
        shareWith: { accounts: ['444455556666', '777788889999'], organizations: [ORG], organizationalUnits: [OU] },
        publishToSsm: '/a-rather-long-project-name/published-images',
        sessionManager: { instanceProfile: 'packer-build' },
        githubActions: { roleArn: ROLE_ARN, repository: 'example-org/images' },
      };
    });
    const access = template(files, 'iam/access.yaml');
    const resolve = resolver(access, 'eu-west-1', true);
    const policies = Object.entries(access.Resources).filter(([, r]) => r.Type === 'AWS::IAM::ManagedPolicy');
    expect(policies.length).toBeGreaterThan(1);
    for (const [id, r] of policies) {
      // IAM counts the policy without whitespace.
      const size = JSON.stringify(resolve(r.Properties!.PolicyDocument)).length;
      expect(size, id).toBeLessThanOrEqual(6144);
    }
    for (const role of ['PackerBuildRole', 'GitHubBuildRole'])
      expect((access.Resources[role]!.Properties!.ManagedPolicyArns as unknown[]).length).toBeLessThanOrEqual(10);
  });
});

describe('the Image Builder stack the GitHub role deploys', () => {
  it('has no resource type the deploy policy does not know (or leaves to an administrator)', async () => {
    for (const design of DESIGNS) {
      for (const os of OPERATING_SYSTEMS) {
        const files = await folder((a) => {
          a.strategy = design;
          a.builder = 'image-builder';
          a.platform = { os, regions: ['eu-west-1'] };
          a.configManagement = 'shell';
          a.options = { githubActions: { roleArn: ROLE_ARN, repository: 'example-org/images' } };
        });
        const stack = readTemplate(file(files, 'imagebuilder/image-builder.yaml')!);
        for (const [id, r] of Object.entries(stack.Resources))
          expect(Object.keys(IMAGE_STACK_RESOURCE_ACTIONS), `${design} ${os}: ${id}`).toContain(r.Type);
        // Every Image Builder action the table names is granted on this project's resources.
        const granted = roleStatements(template(files, 'iam/access.yaml'), 'GitHubBuildRole', 'eu-west-1').flatMap(
          (s) => s.Action as string[],
        );
        for (const actions of Object.values(IMAGE_STACK_RESOURCE_ACTIONS)) {
          if (actions !== 'administrator') for (const a of actions) expect(granted).toContain(`imagebuilder:${a}`);
        }
      }
    }
  });
});

describe('the instance role (iam/instance-role.yaml)', () => {
  it("reads its own stage's secrets in every image region, decrypts only through SSM, and has no managed policy", async () => {
    const files = await folder((a) => {
      a.project.stage = 'test';
      a.options = { copyToRegions: ['us-east-1'] };
    });
    const t = template(files, 'iam/instance-role.yaml');
    expect(t.Parameters!.Stage).toMatchObject({ Default: 'test', AllowedValues: ['dev', 'test', 'staging', 'prod'] });
    const role = t.Resources.InstanceRole!.Properties!;
    expect(role.ManagedPolicyArns).toBeUndefined();
    const withKeys = roleStatements(
      {
        ...t,
        Parameters: { ...t.Parameters, SecretsKeyArns: { Default: 'arn:aws:kms:eu-west-1:111122223333:key/k' } },
      },
      'InstanceRole',
      'eu-west-1',
    );
    const read = withKeys.find((s) => s.Sid === 'ReadStageSecrets')!;
    expect(read.Action).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
    expect(read.Resource).toEqual([
      'arn:aws:ssm:eu-west-1:111122223333:parameter/demo/test/*',
      'arn:aws:ssm:us-east-1:111122223333:parameter/demo/test/*',
    ]);
    const decrypt = withKeys.find((s) => s.Sid === 'DecryptStageSecretsThroughSsm')!;
    expect(decrypt.Action).toEqual(['kms:Decrypt']);
    expect(decrypt.Condition).toEqual({
      StringEquals: { 'kms:ViaService': ['ssm.eu-west-1.amazonaws.com', 'ssm.us-east-1.amazonaws.com'] },
    });
    // Every action: the secrets, the key, Session Manager's own; never a wildcard action.
    const actions = new Set(withKeys.flatMap((s) => s.Action as string[]));
    expect([...actions].sort()).toEqual([
      'kms:Decrypt',
      'ssm:GetParameter',
      'ssm:GetParameters',
      'ssm:UpdateInstanceInformation',
      'ssmmessages:CreateControlChannel',
      'ssmmessages:CreateDataChannel',
      'ssmmessages:OpenControlChannel',
      'ssmmessages:OpenDataChannel',
    ]);
    expect(file(files, 'iam/instance-role.yaml')).not.toMatch(/AmazonSSMManagedInstanceCore/);
  });
});

describe('the launch template (iam/launch-template.yaml)', () => {
  it("requires IMDSv2, enables instance metadata tags, uses the stage's profile and sets the tags the bootstrap reads", async () => {
    for (const design of DESIGNS) {
      const files = await folder((a) => {
        a.strategy = design;
        a.roles = [{ name: 'web' }, { name: 'api' }];
        a.options = { publishToSsm: '/demo/images' };
      });
      const t = template(files, 'iam/launch-template.yaml');
      const data = resolver(t, 'eu-west-1', false)(t.Resources.LaunchTemplate!.Properties) as any;
      expect(data.LaunchTemplateData.MetadataOptions).toEqual({
        HttpEndpoint: 'enabled',
        HttpTokens: 'required',
        InstanceMetadataTags: 'enabled',
      });
      expect(data.LaunchTemplateData.IamInstanceProfile).toEqual({ Name: 'demo-instance-dev' });
      expect(data.LaunchTemplateData.ImageId).toBe(
        `resolve:ssm:/demo/images/${design === 'jeos' ? 'base' : 'web'}/dev`,
      );
      const tags = Object.fromEntries(
        data.LaunchTemplateData.TagSpecifications[0].Tags.map((t: { Key: string; Value: string }) => [t.Key, t.Value]),
      );
      expect(tags).toMatchObject({ Role: 'web', Stage: 'dev', Project: 'demo' });
      expect('ConfigSource' in tags).toBe(design !== 'fully-baked');
      expect(t.Parameters!.Role).toMatchObject({ AllowedValues: ['web', 'api'] });
      const withSecrets = resolver(
        {
          ...t,
          Parameters: {
            ...t.Parameters,
            SecretParameters: { Default: 'db/password' },
            ImageId: { Default: 'ami-0123456789abcdef0' },
          },
        },
        'eu-west-1',
        true,
      );
      const set = withSecrets(t.Resources.LaunchTemplate!.Properties) as any;
      expect(set.LaunchTemplateData.ImageId).toBe('ami-0123456789abcdef0');
      expect(set.LaunchTemplateData.TagSpecifications[0].Tags).toContainEqual({
        Key: 'SecretParameters',
        Value: 'db/password',
      });
    }
  });
});

describe('the key policy statements for shared encrypted images (iam/kms-key-policy-statements.json)', () => {
  it('grant the accounts by principal, organizations and OUs by their paths, CreateGrant only for AWS resources', async () => {
    const files = await folder((a) => {
      a.options = {
        kmsKeyId: 'alias/images',
        shareWith: { accounts: ['444455556666'], organizations: [ORG], organizationalUnits: [OU] },
      };
    });
    const statements = JSON.parse(file(files, 'iam/kms-key-policy-statements.json')!) as Statement[];
    const bySid = Object.fromEntries(statements.map((s) => [s.Sid, s]));
    expect(Object.keys(bySid).every((sid) => sid.startsWith('AmiWizardDemo'))).toBe(true);
    expect(bySid.AmiWizardDemoAccountsUse).toMatchObject({
      Principal: { AWS: ['arn:aws:iam::444455556666:root'] },
      Resource: '*',
    });
    expect(bySid.AmiWizardDemoAccountsUse!.Action).toEqual([
      'kms:Decrypt',
      'kms:DescribeKey',
      'kms:GenerateDataKey*',
      'kms:ReEncrypt*',
    ]);
    expect(bySid.AmiWizardDemoOrganizationsUse).toMatchObject({
      Principal: '*',
      Condition: { StringEquals: { 'aws:PrincipalOrgID': ['o-exampleorgid'] } },
    });
    expect(bySid.AmiWizardDemoOrganizationalUnitsUse).toMatchObject({
      Principal: '*',
      Condition: {
        'ForAnyValue:StringLike': {
          'aws:PrincipalOrgPaths': [
            'o-exampleorgid/r-ab12/ou-ab12-cdef3456/*',
            'o-exampleorgid/r-ab12/*/ou-ab12-cdef3456/*',
          ],
        },
      },
    });
    for (const s of statements.filter((x) => x.Sid!.endsWith('Grant'))) {
      expect(s.Action).toEqual(['kms:CreateGrant']);
      expect(s.Condition!.Bool).toEqual({ 'kms:GrantIsForAWSResource': true });
    }
    expect(await lintStatements(statements, { resourcePolicy: true })).toEqual([]);
    expect(file(files, 'README.md')).toMatch(/aws kms get-key-policy[\s\S]*aws kms put-key-policy/);
  });

  it('are not written without a customer key or without sharing', async () => {
    for (const options of [
      { shareWith: { accounts: ['444455556666'] }, encryption: false },
      { kmsKeyId: 'alias/images' },
    ]) {
      const files = await folder((a) => {
        a.options = options;
      });
      expect(file(files, 'iam/kms-key-policy-statements.json')).toBeUndefined();
    }
  });
});

describe("every policy of iam/ by AWS's service authorization reference", () => {
  const cases: [string, (a: Record<string, any>) => void][] = [
    ...DESIGNS.flatMap((design) =>
      OPERATING_SYSTEMS.map((os): [string, (a: Record<string, any>) => void] => [
        `${design} ${os}`,
        (a) => {
          a.strategy = design;
          a.builder = 'both';
          a.platform = { os, regions: ['eu-west-1', 'us-east-1'] };
          a.configManagement = os === 'windows-server-2022' ? 'chef' : 'salt';
          a.options = {
            kmsKeyId: 'alias/images',
            shareWith: { accounts: ['444455556666'], organizations: [ORG], organizationalUnits: [OU] },
            publishToSsm: '/demo/images',
            githubActions: { roleArn: ROLE_ARN, repository: 'example-org/images' },
            ...(os === 'windows-server-2022' ? {} : { sessionManager: { instanceProfile: 'packer-build' } }),
          };
        },
      ]),
    ),
    [
      'key ARNs per region',
      (a) => {
        a.platform = { os: 'ubuntu-24.04', regions: ['us-east-1', 'eu-west-1'] };
        a.options = {
          kmsKeyId: 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
          regionKmsKeyIds: { 'eu-west-1': 'arn:aws:kms:eu-west-1:111122223333:alias/images' },
        };
      },
    ],
  ];

  it.each(cases)('%s: every action exists, every resource fits it, every condition key applies', async (_, patch) => {
    const files = await folder(patch);
    const problems: string[] = [];
    for (const f of files.filter((x) => x.path.startsWith('iam/') && x.path.endsWith('.yaml'))) {
      const t = readTemplate(f.contents);
      for (const [id, r] of Object.entries(t.Resources)) {
        if (r.Type !== 'AWS::IAM::Role') continue;
        const statements = roleStatements(t, id, 'eu-west-1', {
          SecretsKeyArns: 'arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab',
        });
        problems.push(...(await lintStatements(statements)).map((p) => `${f.path} ${id}: ${p}`));
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('the reference check can fail', () => {
  const one = (s: Partial<Statement>): Statement[] => [
    { Sid: 'S', Effect: 'Allow', Action: [], Resource: ['*'], ...s },
  ];
  it.each([
    ['an action AWS does not have', one({ Action: ['ec2:LaunchEverything'] }), /is no IAM action/],
    ['a wildcard that names no action', one({ Action: ['kms:Frobnicate*'] }), /is no IAM action/],
    [
      'a resource of another type',
      one({ Action: ['ec2:TerminateInstances'], Resource: ['arn:aws:ec2:eu-west-1::image/*'] }),
      /no resource of ec2:TerminateInstances/,
    ],
    ['"*" for an action that takes ARNs', one({ Action: ['ec2:TerminateInstances'] }), /takes resource ARNs/],
    [
      'a key the request never carries (an existing tag of an instance being launched)',
      one({
        Action: ['ec2:RunInstances'],
        Resource: ['arn:aws:ec2:eu-west-1:111122223333:instance/*'],
        Condition: { StringEquals: { 'ec2:ResourceTag/Project': 'x' } },
      }),
      /does not support the condition key ec2:ResourceTag\/Project/,
    ],
  ] as const)('%s', async (_, statements, message) => {
    const problems = await lintStatements(statements as Statement[]);
    expect(problems.join('\n')).toMatch(message);
  });
});
