// Packer templates and build scripts: a baseline image and, for fully-baked and hybrid, one role
// image per role built on it.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import { alignHcl } from './hcl-format.ts';
import { FAMILY_SCRIPTS } from './platforms.ts';
import type { Renderer } from './render.ts';

const SCRIPT = 0o755;
const FILE = 0o644;

// EC2 filter values treat * and ? as wildcards; a backslash makes them literal.
const ec2FilterLiteral = (value: string): string => value.replace(/[\\*?]/g, (c) => `\\${c}`);

function packerView(ctx: BuildContext) {
  const arch = ctx.platform.architecture === 'arm64' ? 'arm64' : 'amd64';
  const baseSoftware = ['amazon-ssm-agent', 'amazon-cloudwatch-agent', ...(ctx.bootstrapRunsConfig ? [ctx.configTool] : [])];
  const toolPartial = (kind: 'agent' | 'bake') =>
    `packer/partials/${FAMILY_SCRIPTS[ctx.platform.facts.family].partialPrefix}${kind}-${ctx.configTool}`;
  return {
    ...ctx,
    baseProvisioners: `packer/partials/provision-${ctx.platform.facts.family}-base`,
    roleProvisioners: `packer/partials/provision-${ctx.platform.facts.family}-role`,
    pkgArch: arch,
    baseSoftware: baseSoftware.join(','),
    baseDescription: `${ctx.project.name} baseline image (${ctx.platform.facts.label}, ${ctx.design} design)`,
    agentPartial: toolPartial('agent'),
    bakePartial: toolPartial('bake'),
    // Role images find their baseline by its Project tag, an EC2 filter value.
    parentProjectFilter: ec2FilterLiteral(ctx.project.name),
  };
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
  const scripts = FAMILY_SCRIPTS[ctx.platform.facts.family];
  const script = (name: string, template: string, data: unknown = view): GeneratedFile => ({
    path: `packer/scripts/${name}.${scripts.ext}`,
    contents: templates.render(`${scripts.packerTemplates}/${template}.${scripts.ext}.hbs`, data),
    mode: scripts.mode,
  });
  for (const name of scripts.packerScripts) files.push(script(name, name));
  if (ctx.options.publishToSsm) {
    // Runs on the build machine (shell-local), whatever the image's OS.
    files.push({ path: 'packer/scripts/publish-image-id.sh', contents: templates.render('packer/scripts/publish-image-id.sh.hbs', view), mode: SCRIPT });
  }
  for (const role of ctx.imageRoles) {
    const roleView = {
      ...view,
      role: {
        ...role,
        description: `${ctx.project.name} ${role.name} image (${ctx.design} design)`,
      },
    };
    files.push(hcl(`role-${role.name}.pkr.hcl`, 'role.pkr.hcl.hbs', roleView));
    files.push(script(`role-${role.name}`, 'role', roleView));
  }
  return files;
}
