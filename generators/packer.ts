// Packer templates and build scripts: a baseline image and, for fully-baked and hybrid, one role
// image per role built on it.
import type { BuildContext } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import { alignHcl } from './hcl-format.ts';
import type { Renderer } from './render.ts';

const SCRIPT = 0o755;
const FILE = 0o644;

// EC2 filter values treat * and ? as wildcards; a backslash makes them literal.
export const ec2FilterLiteral = (value: string): string => value.replace(/[\\*?]/g, (c) => `\\${c}`);

export function packerView(ctx: BuildContext) {
  const arch = ctx.platform.architecture === 'arm64' ? 'arm64' : 'amd64';
  const baseSoftware = ['amazon-ssm-agent', 'amazon-cloudwatch-agent', ...(ctx.bootstrapRunsConfig ? [ctx.configTool] : [])];
  return {
    ...ctx,
    pkgArch: arch,
    baseSoftware: baseSoftware.join(','),
    baseDescription: `${ctx.project.name} baseline image (${ctx.platform.facts.label}, ${ctx.design} design)`,
    agentPartial: `packer/partials/agent-${ctx.configTool}`,
    bakePartial: `packer/partials/bake-${ctx.configTool}`,
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
  if (ctx.platform.facts.family === 'linux') {
    const scripts = ['wait-for-cloud-init', 'baseline', 'agents', 'install-bootstrap', 'cleanup'];
    if (ctx.options.publishToSsm) scripts.push('publish-image-id');
    for (const script of scripts) {
      files.push({ path: `packer/scripts/${script}.sh`, contents: templates.render(`packer/scripts/${script}.sh.hbs`, view), mode: SCRIPT });
    }
  }
  for (const role of ctx.roles.filter((r) => r.hasImage)) {
    const roleView = {
      ...view,
      role: {
        ...role,
        description: `${ctx.project.name} ${role.name} image (${ctx.design} design)`,
        parentProjectFilter: ec2FilterLiteral(ctx.project.name),
      },
    };
    files.push(hcl(`role-${role.name}.pkr.hcl`, 'role.pkr.hcl.hbs', roleView));
    if (ctx.platform.facts.family === 'linux') {
      files.push({ path: `packer/scripts/role-${role.name}.sh`, contents: templates.render('packer/scripts/role.sh.hbs', roleView), mode: SCRIPT });
    }
  }
  return files;
}
