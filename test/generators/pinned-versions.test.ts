// Pinned installer versions reach the build scripts as values, in both engines. In a Packer HCL
// string `$${var.x}` is an escape for the literal text `${var.x}`: a script given that text installs
// nothing (issue 18, defect 1). packerBuilds evaluates the templates as Packer does.
import { describe, expect, it } from 'vitest';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { packerBuilds } from '../boot/packer-builds.ts';
import type { ConfigTool, OperatingSystem } from '../../questionnaire/answers-schema.ts';

const CASES: { os: OperatingSystem; tool: ConfigTool; env: Record<string, RegExp> }[] = [
  { os: 'windows-server-2022', tool: 'chef', env: { CHOCOLATEY_VERSION: /^\d+\.\d+\.\d+$/ } },
  {
    os: 'ubuntu-24.04',
    tool: 'salt',
    env: { SALT_VERSION: /^\d{4}(\.\d+)?$/, SALT_BOOTSTRAP_VERSION: /^v\d{4}\.\d{2}\.\d{2}$/ },
  },
  { os: 'rhel-9', tool: 'chef', env: { CHEF_VERSION: /^\d+\.\d+\.\d+$/ } },
];

async function folder(os: OperatingSystem, tool: ConfigTool) {
  const a = minimalAnswers();
  Object.assign(a, {
    strategy: 'hybrid',
    configManagement: tool,
    builder: 'both',
    platform: { os, regions: ['eu-west-1'] },
    roles: [{ name: 'web', software: [] }],
  });
  return generate(answersFrom(a));
}

describe.each(CASES)('$os with $tool: pinned installer versions reach the scripts as values', ({ os, tool, env }) => {
  it('Packer: every build passes the pinned versions, evaluated (base and role builds)', async () => {
    const files = await folder(os, tool);
    const dir = tempDir();
    try {
      writeFiles(dir.dir, files);
      const builds = packerBuilds(`${dir.dir}/packer`);
      expect(builds.map((b) => b.name).sort()).toEqual(['base', 'role-web']);
      for (const build of builds) {
        const pairs = build.provisioners.flatMap((p) =>
          Array.isArray(p.attrs.environment_vars) ? p.attrs.environment_vars : [],
        );
        for (const [name, pattern] of Object.entries(env)) {
          const values = pairs.filter((pair) => pair.startsWith(`${name}=`)).map((pair) => pair.slice(name.length + 1));
          expect(values.length, `${build.name}: ${name}`).toBeGreaterThan(0);
          for (const value of values) expect(value, `${build.name}: ${name}`).toMatch(pattern);
        }
      }
    } finally {
      dir.cleanup();
    }
  });

  it('Image Builder: no component passes the text of a Packer expression', async () => {
    const files = await folder(os, tool);
    const template = parseTemplate(files.find((f) => f.path === 'imagebuilder/image-builder.yaml')!.contents);
    const data = Object.values(template.Resources as Record<string, { Type: string; Properties: { Data?: string } }>)
      .filter((r) => r.Type === 'AWS::ImageBuilder::Component')
      .map((r) => r.Properties.Data!);
    expect(data.join('\n')).not.toMatch(/\$\{var\./);
    for (const name of Object.keys(env))
      expect(data.join('\n'), name).toMatch(new RegExp(`(export ${name}=|\\$env:${name} = )'[^'$]+'`));
  });
});
