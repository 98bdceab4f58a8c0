// What a security review of issue 19's folder found, each held by a test that failed before its fix:
// the build's snapshot sharing and instance launch scoped to this project, the workflow's credentials
// as long as its role allows, the Config rules asking instances only for tags the launch template sets,
// and a README that names iam/ and no workflow an Image Builder folder does not have.
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { readTemplate, roleStatements } from '../support/iam-policies.ts';
import type { Template } from '../support/iam-policies.ts';

const ROLE_ARN = 'arn:aws:iam::111122223333:role/ci/ami-build';

async function folder(patch: (a: Record<string, any>) => void = () => {}) {
  const a = minimalAnswers();
  a.platform = { os: 'amazon-linux-2023', regions: ['eu-west-1'] };
  a.roles = [{ name: 'web', software: ['nginx'] }];
  patch(a);
  return generate(answersFrom(a));
}
const file = (files: GeneratedFile[], path: string) => files.find((f) => f.path === path)?.contents;
const template = (files: GeneratedFile[], path: string): Template => readTemplate(file(files, path)!);

describe('the build policy keeps to this project', () => {
  it('shares only snapshots that carry the Project tag, with the answers accounts only', async () => {
    const files = await folder(
      (a) => (a.options = { kmsKeyId: 'alias/images', shareWith: { accounts: ['444455556666'] } }),
    );
    const share = roleStatements(template(files, 'iam/access.yaml'), 'PackerBuildRole', 'eu-west-1').filter((s) =>
      ([] as string[]).concat(s.Action as string[]).includes('ec2:ModifySnapshotAttribute'),
    );
    expect(share.length).toBeGreaterThan(0);
    for (const s of share) {
      expect(s.Condition?.StringEquals?.['ec2:ResourceTag/Project'], JSON.stringify(s)).toBe('demo');
      expect(s.Condition?.['ForAllValues:StringEquals']?.['ec2:Add/userId']).toEqual(['444455556666']);
    }
  });

  it('launches its instance with no instance profile, or only the one the answers name', async () => {
    const launches = async (patch: (a: Record<string, any>) => void) => {
      const statements = roleStatements(
        template(await folder(patch), 'iam/access.yaml'),
        'PackerBuildRole',
        'eu-west-1',
      );
      return statements.filter(
        (s) =>
          ([] as string[]).concat(s.Action as string[]).includes('ec2:RunInstances') &&
          JSON.stringify(s.Resource).includes(':instance/'),
      );
    };
    const plain = await launches(() => {});
    expect(plain.length).toBeGreaterThan(0);
    for (const s of plain) expect(s.Condition?.Null?.['ec2:InstanceProfile'], JSON.stringify(s)).toBe('true');
    const withSessionManager = await launches(
      (a) => (a.options = { sessionManager: { instanceProfile: 'packer-build' } }),
    );
    for (const s of withSessionManager) {
      expect(s.Condition?.ArnLike?.['ec2:InstanceProfile'], JSON.stringify(s)).toBe(
        'arn:*:iam::*:instance-profile/packer-build',
      );
    }
  });
});

describe('the workflow and its role agree', () => {
  it('asks for credentials as long as the role allows (web-identity credentials are never renewed)', async () => {
    const files = await folder(
      (a) => (a.options = { githubActions: { roleArn: ROLE_ARN, repository: 'acme/images' } }),
    );
    const workflow = parseYaml(file(files, '.github/workflows/ami-build.yml')!);
    const step = workflow.jobs.build.steps.find((s: any) =>
      String(s.uses).startsWith('aws-actions/configure-aws-credentials@'),
    );
    const role = template(files, 'iam/access.yaml').Resources.GitHubBuildRole!.Properties as Record<string, unknown>;
    expect(step.with['role-duration-seconds']).toBe(role.MaxSessionDuration);
    expect(role.MaxSessionDuration).toBeGreaterThan(3600);
  });
});

describe('AWS Config asks instances only for the tags the launch templates set', () => {
  for (const tool of ['ansible', 'shell'] as const) {
    it(`every key a rule requires of AWS::EC2::Instance is in iam/launch-template.yaml's instance tags (${tool})`, async () => {
      const files = await folder((a) => {
        a.configManagement = tool;
        a.tags = { Team: { value: 'platform' } };
      });
      const rules = parseYaml(file(files, 'tagging/config-rules.yaml')!.replace(/!(\w+)/g, '$1')).Resources as Record<
        string,
        any
      >;
      const required = Object.values(rules)
        .filter((r) => r.Properties.Scope.ComplianceResourceTypes.includes('AWS::EC2::Instance'))
        .flatMap((r) =>
          Object.entries(r.Properties.InputParameters)
            .filter(([k]) => /^tag\dKey$/.test(k))
            .map(([, v]) => v as string),
        );
      const launch = template(files, 'iam/launch-template.yaml').Resources.LaunchTemplate!.Properties as any;
      const instanceTags = launch.LaunchTemplateData.TagSpecifications.find(
        (t: any) => t.ResourceType === 'instance',
      ).Tags;
      const keys = new Set(
        instanceTags.map((t: any) => t.Key ?? t?.['Fn::If']?.[1]?.Key ?? t?.value?.[1]?.Key).filter(Boolean),
      );
      expect(required.length).toBeGreaterThan(0);
      for (const key of required)
        expect(keys.has(key), `${key} is required of instances but the launch template does not set it`).toBe(true);
    });
  }
});

describe('the generated README says what the folder holds', () => {
  it('lists iam/ among the files, and the workflow only where there is one', async () => {
    const packer = await folder(
      (a) => (a.options = { githubActions: { roleArn: ROLE_ARN, repository: 'acme/images' } }),
    );
    expect(file(packer, 'README.md')).toMatch(/^- `iam\/`: /m);
    expect(file(packer, 'README.md')).toMatch(/^- `\.github\/workflows\/ami-build\.yml`/m);
    const imageBuilder = await folder((a) => {
      a.builder = 'image-builder';
      a.options = { githubActions: { roleArn: ROLE_ARN, repository: 'acme/images' } };
    });
    expect(imageBuilder.some((f) => f.path === '.github/workflows/ami-build.yml')).toBe(false);
    expect(file(imageBuilder, 'README.md')).not.toMatch(/^- `\.github\/workflows\/ami-build\.yml`/m);
  });

  it("points instances at their own stage's secrets, never the whole project's", async () => {
    const readme = file(await folder(), 'README.md')!;
    expect(readme).not.toMatch(/parameter\/demo\/\*/);
    expect(readme).toMatch(/iam\/instance-role\.yaml` allows `ssm:GetParameter` on its own stage's/);
  });
});
