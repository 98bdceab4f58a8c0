// Puppet's public packages stopped in 2025: the answers choose OpenVox (the default) or Perforce's
// licensed Puppet Core, and decision.md says which (issue 18, defect 7). A Puppet Core build needs a
// Forge API key, which never lands in a generated file or an image.
import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { AnswersSchema } from '../../questionnaire/answers-schema.ts';
import { minimalAnswers } from '../support/answers.ts';
import { answersFrom, generate } from '../support/generate.ts';

async function folder(os: string, puppetDistribution?: string) {
  const a = minimalAnswers();
  Object.assign(a, {
    strategy: 'hybrid',
    builder: 'both',
    configManagement: 'puppet',
    platform: { os, regions: ['eu-west-1'] },
    roles: [{ name: 'web', software: [] }],
  });
  if (puppetDistribution) a.options = { puppetDistribution };
  const files = await generate(answersFrom(a));
  return (path: string) => files.find((f) => f.path === path)?.contents ?? '';
}

describe.each(['amazon-linux-2023', 'ubuntu-24.04', 'rhel-9'])('%s', (os) => {
  it('OpenVox by default, and decision.md says so', async () => {
    const file = await folder(os);
    expect(file('packer/scripts/agents.sh')).toMatch(/install git openvox-agent/);
    expect(file('packer/scripts/agents.sh')).not.toMatch(/puppetcore|puppet-agent/);
    expect(file('decision.md')).toMatch(/\*\*OpenVox\*\*/);
  });

  it('Puppet Core when chosen: the key is a sensitive Packer variable or an SSM parameter, never a value in a file', async () => {
    const file = await folder(os, 'puppet-core');
    expect(file('packer/scripts/agents.sh')).toMatch(/install git puppet-agent/);
    expect(file('packer/variables.pkr.hcl')).toMatch(
      /variable "puppet_core_forge_key" \{\n\s+type\s+= string\n\s+default\s+= ""\n\s+sensitive\s+= true/,
    );
    expect(file('packer/versions.auto.pkrvars.hcl')).not.toMatch(/forge/);
    const stack = file('imagebuilder/image-builder.yaml');
    expect(stack).toMatch(/export PUPPET_CORE_FORGE_KEY_PARAMETER='\/demo\/build\/puppet-core-forge-key'/);
    expect(stack).not.toMatch(/export PUPPET_CORE_FORGE_KEY=/);
    expect(stack).toMatch(
      /PolicyName: read-build-secrets[\s\S]*Action: ssm:GetParameter[\s\S]*parameter\/demo\/build\/puppet-core-forge-key/,
    );
    expect(file('decision.md')).toMatch(/\*\*Puppet Core\*\*/);
  });
});

it('Puppet Core on Windows is refused, naming the field', () => {
  const a = minimalAnswers();
  Object.assign(a, {
    configManagement: 'puppet',
    platform: { os: 'windows-server-2022' },
    options: { puppetDistribution: 'puppet-core' },
  });
  const result = z.safeParse(AnswersSchema, a);
  expect(result.success).toBe(false);
  expect(result.error!.issues.map((i) => i.path.join('.'))).toContain('options.puppetDistribution');
});
