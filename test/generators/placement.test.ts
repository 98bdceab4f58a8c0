// The generators follow the placement (questionnaire/placement.ts). One hybrid case holds one package
// of each kind: nginx, which every role lists (the baseline), java, which takes 20 minutes to install
// (the role image), and jq, which changes daily and installs in a minute (first boot). Each lands where
// its placement says in the Packer builds, the Image Builder components, every configuration tool's
// phases and the images' Software tags.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import type { ConfigTool, OperatingSystem } from '../../questionnaire/answers-schema.ts';
import type { Design } from '../../questionnaire/questions.ts';
import { minimalAnswers, tempDir } from '../support/answers.ts';
import { parseTemplate } from '../support/cfn-spec.ts';
import { answersFrom, generate, writeFiles } from '../support/generate.ts';
import { fileReader } from '../support/script-lines.ts';
import { packerBuilds } from '../boot/packer-builds.ts';

const JAVA = 'java-17-amazon-corretto';

async function folder(
  tool: ConfigTool,
  { design = 'hybrid', os = 'amazon-linux-2023' }: { design?: Design; os?: OperatingSystem } = {},
) {
  const a = minimalAnswers();
  Object.assign(a, {
    strategy: design,
    configManagement: tool,
    builder: 'both',
    platform: { os, regions: ['eu-west-1'] },
    roles: [
      {
        name: 'web',
        software: [
          'nginx',
          { name: JAVA, installMinutes: 20, changes: 'monthly' },
          { name: 'jq', installMinutes: 1, changes: 'daily' },
        ],
      },
      { name: 'api', software: ['nginx'] },
    ],
  });
  const files = await generate(answersFrom(a));
  return { files, file: fileReader(files) };
}

/** Each Packer build's environment_vars, by build name and script. */
function packerEnv(files: { path: string; contents: string; mode: number }[]): Map<string, string[]> {
  const dir = tempDir();
  try {
    writeFiles(dir.dir, files);
    const env = new Map<string, string[]>();
    for (const build of packerBuilds(join(dir.dir, 'packer'))) {
      for (const p of build.provisioners) {
        const vars = p.attrs.environment_vars;
        if (!Array.isArray(vars)) continue;
        const scripts = ([] as string[]).concat((p.attrs.scripts ?? p.attrs.script) as string | string[]);
        for (const script of scripts) env.set(`${build.name} ${script}`, vars);
      }
    }
    return env;
  } finally {
    dir.cleanup();
  }
}

/** The variables each Image Builder step exports before its script, by component and step. */
function imageBuilderEnv(yaml: string): Map<string, string[]> {
  const template = parseTemplate(yaml);
  const env = new Map<string, string[]>();
  for (const [id, r] of Object.entries(
    template.Resources as Record<string, { Type: string; Properties: { Data?: string } }>,
  )) {
    if (r.Type !== 'AWS::ImageBuilder::Component') continue;
    for (const phase of parseYaml(r.Properties.Data!).phases as {
      name: string;
      steps: { name: string; inputs: { commands?: string[] } }[];
    }[]) {
      for (const step of phase.steps) {
        const exports = (step.inputs.commands ?? []).flatMap((c) =>
          [...c.matchAll(/^(?:export |\$env:)(\w+)(?:=| = )'([^']*)'$/gm)].map((m) => `${m[1]}=${m[2]}`),
        );
        env.set(`${id} ${phase.name} ${step.name}`, exports);
      }
    }
  }
  return env;
}

const envValue = (vars: string[] | undefined, name: string) =>
  vars?.find((v) => v.startsWith(`${name}=`))?.slice(name.length + 1);

describe('the image builds follow the placement (hybrid)', () => {
  it('Packer: the baseline installs the shared package, the role image only its slow one, and each image test checks what it carries', async () => {
    const env = packerEnv((await folder('ansible')).files);
    expect(envValue(env.get('base scripts/base-packages.sh'), 'BASE_PACKAGES')).toBe('nginx');
    expect(envValue(env.get('role-web scripts/role.sh'), 'ROLE_PACKAGES')).toBe(JAVA);
    expect(envValue(env.get('role-api scripts/role.sh'), 'ROLE_PACKAGES')).toBe('');
    // jq is in no image: the first boot installs it.
    expect(envValue(env.get('base scripts/validate.sh'), 'IMAGE_PACKAGES')).toBe('nginx');
    expect(envValue(env.get('role-web scripts/validate.sh'), 'IMAGE_PACKAGES')).toBe(`nginx ${JAVA}`);
    expect(envValue(env.get('role-api scripts/validate.sh'), 'IMAGE_PACKAGES')).toBe('nginx');
  });

  it('the base-packages script installs BASE_PACKAGES after the agents, before the bootstrap', async () => {
    const { file } = await folder('ansible');
    const base = file('packer/base.pkr.hcl');
    expect(base.indexOf('scripts/agents.sh')).toBeLessThan(base.indexOf('scripts/base-packages.sh'));
    expect(base.indexOf('scripts/base-packages.sh')).toBeLessThan(base.indexOf('scripts/install-bootstrap.sh'));
    expect(file('packer/scripts/base-packages.sh')).toMatch(/^read -r -a PACKAGES <<< "\$\{BASE_PACKAGES:-\}"$/m);
    expect(file('packer/scripts/base-packages.sh')).toMatch(/^dnf -y install -- "\$\{PACKAGES\[@\]\}"$/m);
  });

  it('Image Builder: the same packages in the Baseline and role components, and in their image tests', async () => {
    const env = imageBuilderEnv((await folder('ansible')).file('imagebuilder/image-builder.yaml'));
    expect(envValue(env.get('BaseBaselineComponent build BasePackages'), 'BASE_PACKAGES')).toBe('nginx');
    expect(envValue(env.get('WebRoleWebComponent build Role'), 'ROLE_PACKAGES')).toBe(JAVA);
    expect(envValue(env.get('ApiRoleApiComponent build Role'), 'ROLE_PACKAGES')).toBe('');
    expect(envValue(env.get('BaseFinishBaseComponent validate ImageTest'), 'IMAGE_PACKAGES')).toBe('nginx');
    expect(envValue(env.get('WebFinishWebComponent test LaunchedImageTest'), 'IMAGE_PACKAGES')).toBe(`nginx ${JAVA}`);
  });

  it('Windows: BASE_PACKAGES reaches base-packages.ps1 through both engines, and Chocolatey installs it', async () => {
    const { files, file } = await folder('shell', { os: 'windows-server-2022' });
    expect(envValue(packerEnv(files).get('base scripts/base-packages.ps1'), 'BASE_PACKAGES')).toBe('nginx');
    expect(
      envValue(
        imageBuilderEnv(file('imagebuilder/image-builder.yaml')).get('BaseBaselineComponent build BasePackages'),
        'BASE_PACKAGES',
      ),
    ).toBe('nginx');
    expect(file('packer/scripts/base-packages.ps1')).toMatch(
      /^\$Packages = @\(\(\[string\] \$env:BASE_PACKAGES\) -split ' '/m,
    );
    expect(file('packer/scripts/base-packages.ps1')).toMatch(/^ {2}Invoke-Choco install -y --no-progress @Packages$/m);
  });
});

describe('the Software tags say what each image carries', () => {
  /** Software of each image in Packer's locals. */
  const packerSoftware = (locals: string) =>
    Object.fromEntries(
      [...locals.matchAll(/^ {4}"([^"]+)" = merge\(local\.common_tags, \{[\s\S]*?"Software" = "([^"]*)"/gm)].map(
        (m) => [m[1], m[2]],
      ),
    );

  it('hybrid: the baseline names its agents, the tool and the shared package; a role image its own packages', async () => {
    const { file } = await folder('ansible');
    const expected = { base: 'amazon-ssm-agent,amazon-cloudwatch-agent,ansible,nginx', web: JAVA, api: 'none' };
    expect(packerSoftware(file('packer/locals.pkr.hcl'))).toEqual(expected);
    const template = parseTemplate(file('imagebuilder/image-builder.yaml')) as Record<string, any>;
    const distributions = Object.values(template.Resources as Record<string, any>).filter(
      (r) => r.Type === 'AWS::ImageBuilder::DistributionConfiguration',
    );
    const tags = Object.fromEntries(
      distributions.map((d) => [
        d.Properties.Distributions[0].AmiDistributionConfiguration.AmiTags.Role,
        d.Properties.Distributions[0].AmiDistributionConfiguration.AmiTags.Software,
      ]),
    );
    expect(tags).toEqual(expected);
  });

  it('fully baked: the role image names every package of its role but the shared one; JeOS: the one image names no package', async () => {
    expect(packerSoftware((await folder('ansible', { design: 'fully-baked' })).file('packer/locals.pkr.hcl'))).toEqual({
      base: 'amazon-ssm-agent,amazon-cloudwatch-agent,nginx',
      web: `${JAVA},jq`,
      api: 'none',
    });
    expect(packerSoftware((await folder('ansible', { design: 'jeos' })).file('packer/locals.pkr.hcl'))).toEqual({
      base: 'amazon-ssm-agent,amazon-cloudwatch-agent,ansible',
    });
  });
});

describe("each configuration tool: phase app installs the role's launch packages, phase all every package", () => {
  it('ansible: a task for each phase', async () => {
    const tasks = parseYaml((await folder('ansible')).file('config/ansible/roles/web/tasks/main.yml')) as {
      when?: string;
      'ansible.builtin.package'?: { name: string[] };
    }[];
    const installs = (phase: string) =>
      tasks.filter((t) => t.when === `ami_phase == '${phase}'`).map((t) => t['ansible.builtin.package']!.name);
    expect(installs('all')).toEqual([['nginx', JAVA, 'jq']]);
    expect(installs('app')).toEqual([['jq']]);
    // A role with no launch package has no app-phase task.
    const api = parseYaml((await folder('ansible')).file('config/ansible/roles/api/tasks/main.yml')) as {
      when?: string;
    }[];
    expect(api.filter((t) => t.when === "ami_phase == 'app'")).toEqual([]);
  });

  it('chef: a package resource for each phase, guarded by AMI_PHASE', async () => {
    const recipe = (await folder('chef')).file('config/chef/cookbooks/web/recipes/default.rb');
    const resources = [
      ...recipe.matchAll(
        /^package '[^']+' do\n {2}package_name \[([^\]]*)\]\n {2}action :install\n {2}only_if \{ phase == '(\w+)' \}\nend$/gm,
      ),
    ].map((m) => [m[2], m[1]]);
    expect(resources).toEqual([
      ['all', `'nginx', '${JAVA}', 'jq'`],
      ['app', "'jq'"],
    ]);
  });

  it('puppet: a package resource in each branch of the ami_phase fact', async () => {
    const manifest = (await folder('puppet')).file('config/puppet/modules/role_web/manifests/init.pp');
    expect(manifest).toContain(`  if $facts['ami_phase'] != 'app' {\n    package { ['nginx', '${JAVA}', 'jq']:`);
    expect(manifest).toContain("  if $facts['ami_phase'] == 'app' {\n    package { ['jq']:");
  });

  it.each(['amazon-linux-2023', 'windows-server-2022'] as const)(
    'salt on %s: ROLE.app applies launch.sls (the launch packages); ROLE applies software.sls too',
    async (os) => {
      const { file, files } = await folder('salt', { os });
      const includes = (path: string) => (parseYaml(file(path)) as { include?: string[] }).include ?? [];
      expect(includes('config/salt/web/init.sls')).toEqual(['.software', '.app']);
      expect(includes('config/salt/web/app.sls')).toEqual(['.launch']);
      const names = (path: string) =>
        Object.values(parseYaml(file(path)) as Record<string, Record<string, unknown[]>>).flatMap((state) =>
          state['pkg.installed']
            ? (
                state['pkg.installed'].find((a) => typeof a === 'object' && a !== null && 'pkgs' in a) as {
                  pkgs: string[];
                }
              ).pkgs
            : [
                (
                  state['chocolatey.installed']!.find((a) => typeof a === 'object' && a !== null && 'name' in a) as {
                    name: string;
                  }
                ).name,
              ],
        );
      expect(names('config/salt/web/software.sls')).toEqual(['nginx', JAVA]);
      expect(names('config/salt/web/launch.sls')).toEqual(['jq']);
      // api has no launch package: no launch state, and its app applies only the application.
      expect(files.some((f) => f.path === 'config/salt/api/launch.sls')).toBe(false);
      expect(includes('config/salt/api/app.sls')).toEqual([]);
    },
  );

  it('shell: the role script, run in each phase, asks the package manager for exactly those packages', async () => {
    const script = (await folder('shell')).file('config/shell/web.sh');
    const dir = tempDir();
    try {
      mkdirSync(join(dir.dir, 'bin'));
      // A dnf that records what it was asked to install.
      writeFileSync(join(dir.dir, 'bin', 'dnf'), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${join(dir.dir, 'calls')}"\n`);
      chmodSync(join(dir.dir, 'bin', 'dnf'), 0o755);
      writeFileSync(join(dir.dir, 'web.sh'), script);
      const run = (phase: string) => {
        writeFileSync(join(dir.dir, 'calls'), '');
        const result = spawnSync('bash', [join(dir.dir, 'web.sh')], {
          env: { PATH: `${join(dir.dir, 'bin')}:/usr/bin:/bin`, AMI_PHASE: phase },
          encoding: 'utf8',
        });
        return { code: result.status, calls: readFileSync(join(dir.dir, 'calls'), 'utf8').trim() };
      };
      expect(run('all')).toEqual({ code: 0, calls: `-y install -- nginx ${JAVA} jq` });
      expect(run('app')).toEqual({ code: 0, calls: '-y install -- jq' });
      expect(run('other').code).toBe(2);
    } finally {
      dir.cleanup();
    }
  });

  it('PowerShell: the app branch lists the launch packages, the other every package', async () => {
    const script = (await folder('shell', { os: 'windows-server-2022' })).file('config/powershell/web.ps1');
    expect(script).toContain(
      `$Packages = @(if ($env:AMI_PHASE -eq 'app') { @('jq') } else { @('nginx', '${JAVA}', 'jq') })`,
    );
  });

  it('the first boot of a hybrid Ubuntu image refreshes the emptied apt index when a role has launch packages, and only then', async () => {
    const ubuntu = async (roles: unknown) => {
      const a = minimalAnswers();
      Object.assign(a, { strategy: 'hybrid', configManagement: 'ansible', platform: { os: 'ubuntu-24.04' }, roles });
      return (await generate(answersFrom(a))).find((f) => f.path === 'bootstrap/ami-bootstrap.sh')!.contents;
    };
    const refresh = /^apt_get update \|\| fail 30 "apt-get update failed; see \$LOG_FILE"$/m;
    expect(await ubuntu([{ name: 'web', software: [{ name: 'jq', changes: 'daily' }] }])).toMatch(refresh);
    expect(await ubuntu([{ name: 'web', software: ['jq'] }])).not.toMatch(refresh);
  });
});
