// The answers the validator suites generate from: every design x OS x configuration tool, the
// examples, and edge cases (every option, hostile strings, arm64).
import { readdirSync, readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { CONFIG_TOOLS, OPERATING_SYSTEMS } from '../../questionnaire/answers-schema.ts';
import type { ConfigTool, OperatingSystem } from '../../questionnaire/answers-schema.ts';
import { DESIGNS } from '../../questionnaire/questions.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { minimalAnswers } from '../support/answers.ts';

export interface Case {
  name: string;
  input: unknown;
}

const NASTY = 'Billing & "EU" $(touch /tmp/ami-wizard-pwned) $var.y $HOME{y} {z} { {a} } `id` \'q\' %{x} \\ *';
const EXAMPLES = new URL('../../examples/', import.meta.url);

export function combination(design: Design, os: OperatingSystem, tool: ConfigTool): Case {
  const a = minimalAnswers();
  a.strategy = design;
  // Both engines from the same modules: every combination checks the Packer and the Image Builder output.
  a.builder = 'both';
  a.configManagement = tool;
  a.platform = { os };
  a.roles =
    os === 'windows-server-2022'
      ? [{ name: 'iis', software: ['dotnet-8.0-runtime', 'Microsoft.PowerShell'] }]
      : [
          { name: 'web', software: ['nginx'] },
          { name: 'worker-1', software: [] },
        ];
  return { name: `${design}-${tool}-${os}`, input: a };
}

/** Every design and tool on one OS (Windows has no ansible-pull, so no ansible there). */
export function matrixFor(os: OperatingSystem): Case[] {
  const tools = CONFIG_TOOLS.filter((t) => !(os === 'windows-server-2022' && t === 'ansible'));
  return DESIGNS.flatMap((design) => tools.map((tool) => combination(design, os, tool)));
}

export const ALL_OPERATING_SYSTEMS = OPERATING_SYSTEMS;

export function examplesAndEdgeCases(): Case[] {
  const cases: Case[] = [];
  for (const file of readdirSync(EXAMPLES).filter((f) => f.endsWith('.yaml'))) {
    cases.push({
      name: `example-${file.replace('.yaml', '')}`,
      input: parseYaml(readFileSync(new URL(file, EXAMPLES), 'utf8')),
    });
  }
  // Puppet Core on both Linux package managers: a sensitive Packer variable, an SSM read in Image Builder.
  for (const os of ['rhel-9', 'ubuntu-24.04'] as const) {
    const core = combination('fully-baked', os, 'puppet');
    (core.input as Record<string, any>).options = { puppetDistribution: 'puppet-core' };
    cases.push({ ...core, name: `puppet-core-${os}` });
  }
  const arm = minimalAnswers();
  arm.platform = { os: 'ubuntu-24.04', architecture: 'arm64', regions: ['eu-west-1'] };
  arm.strategy = 'hybrid';
  cases.push({ name: 'hybrid-arm64-ubuntu', input: arm });

  const options = minimalAnswers();
  options.strategy = 'fully-baked';
  options.platform = { os: 'amazon-linux-2023', regions: ['eu-west-1'] };
  options.options = {
    kmsKeyId: 'alias/images',
    copyToRegions: ['eu-central-1', 'us-east-1'],
    shareWith: {
      accounts: ['111122223333'],
      organizations: ['arn:aws:organizations::111122223333:organization/o-exampleorgid'],
      organizationalUnits: ['arn:aws:organizations::111122223333:ou/o-exampleorgid/ou-ab12-cdef3456'],
    },
    deprecateAfterDays: 90,
    publishToSsm: '/ami-wizard-test/images',
    githubActions: { roleArn: 'arn:aws:iam::111122223333:role/ami-build', directory: 'infra/ami' },
  };
  cases.push({ name: 'options-all', input: options });

  // Regions, a key ARN per copy region, Session Manager, and every guidance answer that shapes files.
  const pipeline = minimalAnswers();
  const arn = (region: string) => `arn:aws:kms:${region}:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
  pipeline.strategy = 'hybrid';
  pipeline.configManagement = 'salt';
  pipeline.platform = { os: 'ubuntu-24.04', regions: ['us-east-1', 'eu-west-1'] };
  pipeline.project = { name: 'pipeline', owner: 'platform-team' };
  pipeline.guidance = { ...pipeline.guidance, manualSteps: true, latestAtLaunch: true, onPremises: true };
  pipeline.options = {
    kmsKeyId: arn('us-east-1'),
    regionKmsKeyIds: { 'eu-west-1': arn('eu-west-1') },
    shareWith: { accounts: ['111122223333'] },
    sessionManager: { instanceProfile: 'packer-build' },
    manualCaptureSteps: ['Activate the vendor licence', 'Import the HSM certificate'],
    enforceTagsOnInstances: true,
    publishToSsm: '/pipeline/images',
    githubActions: {
      roleArn: 'arn:aws:iam::111122223333:role/ami-build',
      directory: 'images',
      repository: 'example-org/pipeline-images',
    },
  };
  cases.push({ name: 'pipeline-options', input: pipeline });
  // Image Builder alone, with copies, keys per region, sharing and SSM publication (no manual steps:
  // Image Builder cannot pause for them, and refuses them).
  cases.push({
    name: 'image-builder-only',
    input: {
      ...pipeline,
      builder: 'image-builder',
      project: { name: 'ib-only' },
      guidance: { ...pipeline.guidance, manualSteps: false },
    },
  });

  const windowsFeed = minimalAnswers();
  windowsFeed.strategy = 'jeos';
  windowsFeed.configManagement = 'chef';
  windowsFeed.platform = { os: 'windows-server-2022' };
  windowsFeed.guidance = { ...windowsFeed.guidance, latestAtLaunch: true, onPremises: true, manualSteps: true };
  windowsFeed.options = { chocolateySource: 'https://nexus.example.com/repository/choco/' };
  cases.push({ name: 'windows-feed-jeos', input: windowsFeed });

  // Hostile free text with every configuration tool, Windows included. Package names keep to their
  // manager's grammar (questionnaire/package-names.ts); the free text carries the payload.
  const nastyCases: [string, Design, ConfigTool, OperatingSystem, string[]][] = [
    ['nasty-fully-baked', 'fully-baked', 'ansible', 'amazon-linux-2023', ['nginx', 'python3.11-pip', 'gcc-c++']],
    ['nasty-hybrid', 'hybrid', 'chef', 'amazon-linux-2023', ['nginx', 'python3.11-pip', 'gcc-c++']],
    ['nasty-jeos', 'jeos', 'puppet', 'amazon-linux-2023', ['nginx', 'python3.11-pip', 'gcc-c++']],
    ['nasty-salt-ubuntu', 'hybrid', 'salt', 'ubuntu-24.04', ['nginx', 'libssl3t64', 'g++']],
    [
      'nasty-shell-windows-server-2022',
      'fully-baked',
      'shell',
      'windows-server-2022',
      ['dotnet-8.0-runtime', 'Microsoft.PowerShell'],
    ],
  ];
  for (const [name, design, tool, os, software] of nastyCases) {
    const nasty = minimalAnswers();
    nasty.strategy = design;
    nasty.configManagement = tool;
    nasty.platform = { os };
    // Without the '*': it reaches the tag policy, where it is a wildcard, so every such field refuses it.
    nasty.project = {
      name: NASTY.replace(' *', ''),
      system: NASTY.replace(' *', ''),
      owner: NASTY.replace(' *', ''),
      costCenter: 'cc $(x) $y{z}',
    };
    nasty.roles = [{ name: 'web', software }];
    nasty.project.compliance = [NASTY.replace(' *', '').slice(0, 64)];
    nasty.tags = { 'Team:x': { value: 'a "b" {c} $d{e} <%= x %> #{y} $(z) ‘q’' } };
    cases.push({ name, input: nasty });
  }
  return cases;
}
