// The build's IAM policy holds every call the generated build makes, for every design x OS x builder
// and the options that change the calls (copies, keys, sharing, Session Manager, SSM publication).
// The calls are derived from the generated files (test/support/packer-api-calls.ts), never from the
// generator's own list; the README's list of actions is the module's, and the policy names no more.
import { describe, expect, it } from 'vitest';
import { buildContext } from '../../generators/build-context.ts';
import { packerBuildActions } from '../../generators/build-permissions.ts';
import type { GeneratedFile } from '../../generators/generated-file.ts';
import { BUILDERS, OPERATING_SYSTEMS } from '../../questionnaire/answer-values.ts';
import { decisionFor } from '../../questionnaire/decision.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';
import { actionMatches, allows, readTemplate, roleStatements } from '../support/iam-policies.ts';
import type { Statement } from '../support/iam-policies.ts';
import { awsCliActions, packerBuildCalls, readmeSection, shellBlocks } from '../support/packer-api-calls.ts';

const REPOSITORY = 'example-org/platform-images';
const KEY = (region: string) => `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;

/** Options that change what the build calls. */
const VARIANTS: Record<string, (a: Record<string, any>) => void> = {
  defaults: () => {},
  'alias key, copies, sharing with accounts, organizations and OUs, SSM publication': (a) => {
    a.platform.regions = ['eu-west-1', 'eu-central-1'];
    a.options = {
      ...a.options,
      kmsKeyId: 'alias/images',
      copyToRegions: ['us-east-1'],
      shareWith: {
        accounts: ['444455556666'],
        organizations: ['arn:aws:organizations::111122223333:organization/o-exampleorgid'],
        organizationalUnits: ['arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456'],
      },
      publishToSsm: '/web-shop/images',
    };
  },
  'key ARN per region, no copies for the launch key, Session Manager on Linux': (a) => {
    a.platform.regions = ['us-east-1', 'eu-west-1'];
    a.options = {
      ...a.options,
      kmsKeyId: KEY('us-east-1'),
      regionKmsKeyIds: { 'eu-west-1': KEY('eu-west-1') },
      shareWith: { accounts: ['444455556666'] },
    };
    if (a.platform.os !== 'windows-server-2022') a.options.sessionManager = { instanceProfile: 'packer-build' };
  },
  'key id in one region, no copies': (a) => {
    a.options = { ...a.options, kmsKeyId: '1234abcd-12ab-34cd-56ef-1234567890ab' };
  },
  'unencrypted, shared': (a) => {
    a.options = { ...a.options, encryption: false, shareWith: { accounts: ['444455556666'] } };
  },
};

function answersOf(design: string, os: string, builder: string, variant: string) {
  const a = minimalAnswers();
  a.strategy = design;
  a.builder = builder;
  a.platform = { os, regions: ['us-east-1'] };
  a.configManagement = os === 'windows-server-2022' ? 'shell' : 'ansible';
  a.options = { githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', repository: REPOSITORY } };
  VARIANTS[variant]!(a);
  return answersFrom(a);
}

const CASES = [
  ...DESIGNS.flatMap((design) =>
    OPERATING_SYSTEMS.flatMap((os) => BUILDERS.map((builder) => ({ design, os, builder, variant: 'defaults' }))),
  ),
  ...Object.keys(VARIANTS)
    .filter((v) => v !== 'defaults')
    .flatMap((variant) => OPERATING_SYSTEMS.map((os) => ({ design: 'hybrid', os, builder: 'both', variant }))),
];

const file = (files: GeneratedFile[], path: string) => files.find((f) => f.path === path)?.contents;

/** The actions of the README's "The identity that builds needs ..." paragraph. */
function readmeBuildActions(readme: string): string[] {
  const start = readme.indexOf('The identity that builds needs');
  expect(start, 'README names what the build identity needs').toBeGreaterThan(-1);
  const paragraph = readme.slice(start, readme.indexOf('\n\n', start));
  return [...paragraph.matchAll(/`([a-z0-9-]+:[A-Za-z*]+)`/g)].map((m) => m[1]!);
}

describe('the build policy (iam/access.yaml) holds every call the generated build makes', () => {
  it.each(CASES.map((c) => [`${c.design} ${c.os} ${c.builder}: ${c.variant}`, c] as const))('%s', async (_, c) => {
    const answers = answersOf(c.design, c.os, c.builder, c.variant);
    const files = await generate(answers);
    const access = readTemplate(file(files, 'iam/access.yaml')!);
    const region = answers.platform.regions[0]!;
    const readme = file(files, 'README.md')!;
    const missing: string[] = [];
    const check = (
      statements: Statement[],
      role: string,
      calls: { action: string; regions: string[]; because: string }[],
    ) => {
      for (const call of calls)
        for (const r of call.regions)
          if (!allows(statements, call.action, r)) missing.push(`${role}: ${call.action} in ${r} (${call.because})`);
    };
    if (c.builder !== 'image-builder') {
      const calls = [
        ...packerBuildCalls(files),
        ...awsCliActions(shellBlocks(readmeSection(readme, 'Build the images'))).map((action) => ({
          action,
          regions: [region],
          because: 'README: Build the images',
        })),
      ];
      const build = roleStatements(access, 'PackerBuildRole', region);
      check(build, 'PackerBuildRole', calls);
      check(roleStatements(access, 'GitHubBuildRole', region), 'GitHubBuildRole', calls);
      // The README's list is the module's, and the policy grants nothing beyond it.
      const listed = readmeBuildActions(readme);
      const ctx = buildContext(answers, decisionFor(answers), { generator: 'test', answersChecksum: 'x' });
      expect(listed).toEqual(packerBuildActions(ctx));
      const granted = [...new Set(build.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action])))].sort();
      expect(granted).toEqual([...listed].sort());
      for (const call of calls)
        expect(
          listed.some((a) => actionMatches(a, call.action)),
          `${call.action} (${call.because}) in the README's list`,
        ).toBe(true);
    } else {
      expect(access.Resources.PackerBuildRole).toBeUndefined();
      expect(readme).not.toContain('The identity that builds needs');
    }
    if (c.builder !== 'packer') {
      const section = readmeSection(readme, 'Build the images with EC2 Image Builder');
      const calls = awsCliActions(shellBlocks(section)).map((action) => ({
        action,
        regions: [region],
        because: 'README: Build the images with EC2 Image Builder',
      }));
      expect(calls.map((x) => x.action)).toEqual(
        expect.arrayContaining(['cloudformation:CreateChangeSet', 'imagebuilder:StartImagePipelineExecution']),
      );
      check(roleStatements(access, 'GitHubBuildRole', region), 'GitHubBuildRole', calls);
    }
    expect(missing).toEqual([]);
  });
});
