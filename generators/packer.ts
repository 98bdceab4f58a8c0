// Packer templates and build scripts: a baseline image and, for fully-baked and hybrid, one role
// image per role built on it (one shared source, one build per role).
import { STAGES } from '../questionnaire/answer-values.ts';
import { asciiJson } from './escape.ts';
import type { BuildContext, RoleView } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import { BUILD_INSTANCE_MARKER, buildUserData } from './build-instance.ts';
import { alignHcl } from './hcl-format.ts';
import { BASE_SCRIPTS, FAMILY_SCRIPTS } from './platforms.ts';
import type { Renderer } from './render.ts';
import { promoteScript } from './promotion.ts';

const SCRIPT = 0o755;
const FILE = 0o644;

/**
 * Installer versions the builds pin (packer/versions.auto.pkrvars.hcl), passed to the scripts as
 * environment variables. Only the tools this design installs.
 */
export function pinnedVersions(ctx: BuildContext) {
  const windows = ctx.platform.facts.family === 'windows';
  const all = [
    {
      name: 'chef_version',
      env: 'CHEF_VERSION',
      default: '18.5.0',
      description: 'Chef Infra Client version installed by the builds.',
      when: ctx.configTool === 'chef' && !windows,
    },
    {
      name: 'salt_version',
      env: 'SALT_VERSION',
      default: '3007.1',
      description: 'Salt version installed by salt-bootstrap.',
      when: ctx.configTool === 'salt',
    },
    // From v2024.11.07 on, salt-bootstrap finds Salt at packages.broadcom.com (the old repository is gone).
    {
      name: 'salt_bootstrap_version',
      env: 'SALT_BOOTSTRAP_VERSION',
      default: 'v2024.12.12',
      description: 'Release of salt-bootstrap (its script is checked against the release checksum).',
      when: ctx.configTool === 'salt',
    },
    {
      name: 'chocolatey_version',
      env: 'CHOCOLATEY_VERSION',
      default: '2.3.0',
      description: 'Chocolatey version installed on Windows images.',
      when: windows,
    },
    // Vox Pupuli's MSIs: https://downloads.voxpupuli.org/windows/openvox8/ (https://voxpupuli.org/openvox/install/).
    {
      name: 'openvox_agent_version',
      env: 'OPENVOX_AGENT_VERSION',
      default: '8.25.0',
      description: "OpenVox agent version installed from Vox Pupuli's Windows MSI.",
      when: windows && ctx.configTool === 'puppet',
    },
  ];
  return all.filter((v) => v.when);
}

/**
 * Secrets a build needs, as Packer variables marked sensitive (set outside the folder, as
 * PKR_VAR_NAME) and, for Image Builder, the SSM SecureString the script reads instead.
 */
export function buildSecrets(ctx: BuildContext) {
  const all = [
    {
      name: 'puppet_core_forge_key',
      env: 'PUPPET_CORE_FORGE_KEY',
      description: "Forge API key for Puppet Core's repository: set PKR_VAR_puppet_core_forge_key, never in a file.",
      ssmParameter: `/${ctx.project.slug}/build/puppet-core-forge-key`,
      when: ctx.configTool === 'puppet' && ctx.puppetDistribution === 'puppet-core',
    },
  ];
  return all.filter((v) => v.when);
}

/**
 * An environment variable a build script gets. `variable` names the Packer variable that holds the
 * value (a pinned installer version, which a team may override): Packer templates pass
 * `NAME=${var.variable}`, which Packer evaluates; Image Builder has no variables and passes `value`.
 */
export interface BuildEnv {
  name: string;
  value: string;
  variable?: string;
  /** A secret: Image Builder passes NAME_PARAMETER, the SSM SecureString the script reads it from, never a value. */
  ssmParameter?: string | undefined;
}

const env = (name: string, value: string): BuildEnv => ({ name, value });

function roleImageView(ctx: BuildContext, role: RoleView, installerEnv: BuildEnv[]) {
  // The image test checks what the image carries: the baseline's packages and the role image's own.
  const validateEnv = [env('IMAGE_PACKAGES', role.carriedSoftware.join(' ')), env('IMAGE_ROLE', role.name)];
  return {
    ...role,
    description: `${ctx.project.name} ${role.name} image (${ctx.design} design)`,
    // Only the packages placed in the role image: the baseline has the shared ones, the first boot pulls the rest.
    env: [env('ROLE', role.name), env('ROLE_PACKAGES', role.imageSoftware.join(' ')), ...installerEnv],
    validateEnv,
  };
}

/** What the Packer templates and the build scripts are rendered from (Image Builder renders the same scripts). */
export function packerView(ctx: BuildContext) {
  const toolPartial = (kind: 'agent' | 'bake') =>
    `packer/partials/${FAMILY_SCRIPTS[ctx.platform.facts.family].partialPrefix}${kind}-${ctx.configTool}`;
  const versions = pinnedVersions(ctx);
  const secrets = buildSecrets(ctx);
  const installerEnv: BuildEnv[] = [
    ...versions.map((v) => ({ name: v.env, value: v.default, variable: v.name })),
    ...secrets.map((v) => ({ name: v.env, value: '', variable: v.name, ssmParameter: v.ssmParameter })),
  ];
  const { facts } = ctx.platform;
  const minimal = ctx.design === 'jeos' && facts.minimalImageNameFilter !== undefined;
  // The baseline carries git and the configuration tool only when the bootstrap runs one at boot.
  const baseCommands = ctx.bootstrapRunsConfig ? [...new Set(['git', TOOL_COMMAND[ctx.configTool]])] : [];
  return {
    ...ctx,
    baseProvisioners: `packer/partials/provision-${facts.family}-base`,
    roleProvisioners: `packer/partials/provision-${facts.family}-role`,
    pkgArch: ctx.platform.architecture === 'arm64' ? 'arm64' : 'amd64',
    baseDescription: `${ctx.project.name} baseline image (${facts.label}, ${ctx.design} design)`,
    agentPartial: toolPartial('agent'),
    bakePartial: toolPartial('bake'),
    sourceImage: {
      minimal,
      nameFilter: minimal ? facts.minimalImageNameFilter! : facts.imageNameFilter,
      owners: facts.imageOwners,
    },
    pinnedVersions: versions,
    buildSecrets: secrets,
    // The packages every role lists (placement base) are installed by scripts/base-packages.
    baseEnv: [...installerEnv, env('BASE_PACKAGES', ctx.baseSoftware.join(' '))],
    /** What the base provisioner runs after the first wait, in order (BASE_SCRIPTS). */
    baseScripts: BASE_SCRIPTS.map((name) => `scripts/${name}.${FAMILY_SCRIPTS[facts.family].ext}`),
    baseValidateEnv: [
      env('IMAGE_PACKAGES', ctx.baseSoftware.join(' ')),
      env('IMAGE_COMMANDS', baseCommands.join(' ')),
      env('IMAGE_ROLE', ''),
    ],
    imageRoles: ctx.imageRoles.map((role) => roleImageView(ctx, role, installerEnv)),
    stages: STAGES,
    buildInstanceMarker: BUILD_INSTANCE_MARKER,
    buildUserData: buildUserData(facts.family),
    manualCaptureNote: ctx.manualCapture
      ? `Manual steps before capture (answers: guidance.manualSteps): ${ctx.manualCapture.steps.map((s, i) => `${i + 1}. ${s}`).join(' ')} Then press Enter to capture the image.`
      : '',
  };
}

/** The command each configuration tool's agent puts on the baseline. */
const TOOL_COMMAND: Record<BuildContext['configTool'], string> = {
  ansible: 'ansible-pull',
  chef: 'chef-client',
  puppet: 'puppet',
  salt: 'salt-call',
  shell: 'git',
};

export type PackerView = ReturnType<typeof packerView>;

/**
 * One build script (`baseline`, `role`, ...) of the image's OS family, as its text: the one source
 * that the Packer folder writes as a file and the Image Builder components embed.
 */
export function buildScript(templates: Renderer, view: PackerView, name: string): string {
  const scripts = FAMILY_SCRIPTS[view.platform.facts.family];
  return templates.render(`${scripts.packerTemplates}/${name}.${scripts.ext}.hbs`, view);
}

export function generatePacker(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const view = packerView(ctx);
  const hcl = (path: string, template: string, data: unknown = view): GeneratedFile => ({
    path: `packer/${path}`,
    contents: alignHcl(templates.render(`packer/${template}`, data)),
    mode: FILE,
  });
  const files: GeneratedFile[] = [
    hcl('plugins.pkr.hcl', 'plugins.pkr.hcl.hbs'),
    hcl('variables.pkr.hcl', 'variables.pkr.hcl.hbs'),
    hcl('locals.pkr.hcl', 'locals.pkr.hcl.hbs'),
    hcl('base.pkr.hcl', 'base.pkr.hcl.hbs'),
    { path: 'packer/Makefile', contents: templates.render('packer/Makefile.hbs', view), mode: FILE },
  ];
  if (ctx.imageRoles.length) files.push(hcl('roles.pkr.hcl', 'roles.pkr.hcl.hbs'));
  if (view.pinnedVersions.length) files.push(hcl('versions.auto.pkrvars.hcl', 'versions.auto.pkrvars.hcl.hbs'));
  const scripts = FAMILY_SCRIPTS[ctx.platform.facts.family];
  for (const name of scripts.packerScripts) {
    if (name === 'role' && !ctx.imageRoles.length) continue;
    files.push({
      path: `packer/scripts/${name}.${scripts.ext}`,
      contents: buildScript(templates, view, name),
      mode: scripts.mode,
    });
  }
  // These run on the build machine (make, shell-local), whatever the image's OS.
  const buildMachine = [
    ...(ctx.imageRoles.length ? ['image-id'] : []),
    ...(ctx.options.publishToSsm ? ['publish-image-id'] : []),
  ];
  for (const name of buildMachine) {
    files.push({
      path: `packer/scripts/${name}.sh`,
      contents: templates.render(`packer/scripts/${name}.sh.hbs`, view),
      mode: SCRIPT,
    });
  }
  files.push(promoteScript(ctx, templates, 'packer/scripts/promote-image.sh'));
  // EC2 filter values read * and ? as wildcards, \ as their escape (DescribeImages, Filter.N.Value).
  const exactly = (value: string) => value.replace(/[\\*?]/g, (c) => `\\${c}`);
  const prune = {
    ...view,
    regions: [ctx.platform.buildRegion, ...ctx.copyRegions],
    projectFilter: asciiJson({ Name: 'tag:Project', Values: [exactly(ctx.project.name)] }),
  };
  files.push({
    path: 'packer/scripts/prune-images.sh',
    contents: templates.render('packer/scripts/prune-images.sh.hbs', prune),
    mode: SCRIPT,
  });
  return files.sort((a, b) => (a.path < b.path ? -1 : 1));
}
