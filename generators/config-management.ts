// The role definitions for the chosen configuration-management tool, shared by the image build
// (fully-baked) and first boot (hybrid, jeos).
import type { BuildContext, RoleView } from './build-context.ts';
import type { GeneratedFile } from './generated-file.ts';
import { FAMILY_SCRIPTS } from './platforms.ts';
import type { Renderer } from './render.ts';

function roleView(ctx: BuildContext, role: RoleView) {
  return {
    ...ctx,
    role: {
      ...role,
      puppetClass: `role_${role.name.replace(/-/g, '_')}`,
      /** Every package but those placed at launch: the ones the images carry. */
      bakedSoftware: role.software.filter((name) => !role.launchSoftware.includes(name)),
      appMessage: `Deploy the application of role ${role.name} here.`,
    },
  };
}

export function generateConfigManagement(ctx: BuildContext, templates: Renderer): GeneratedFile[] {
  const file = (path: string, template: string, data: unknown, mode = 0o644): GeneratedFile => ({
    path: `config/${path}`,
    contents: templates.render(`config/${template}`, data),
    mode,
  });
  const files: GeneratedFile[] = [];
  if (ctx.configTool === 'ansible') files.push(file('ansible/site.yml', 'ansible/site.yml.hbs', ctx));
  for (const role of ctx.roles) {
    const view = roleView(ctx, role);
    switch (ctx.configTool) {
      case 'ansible':
        files.push(file(`ansible/roles/${role.name}/tasks/main.yml`, 'ansible/role-tasks.yml.hbs', view));
        break;
      case 'shell': {
        const { shellFolder, ext, mode } = FAMILY_SCRIPTS[ctx.platform.facts.family];
        files.push(file(`${shellFolder}/${role.name}.${ext}`, `${shellFolder}/role.${ext}.hbs`, view, mode));
        break;
      }
      case 'chef':
        files.push(file(`chef/cookbooks/${role.name}/metadata.rb`, 'chef/metadata.rb.hbs', view));
        files.push(file(`chef/cookbooks/${role.name}/recipes/default.rb`, 'chef/recipe.rb.hbs', view));
        break;
      case 'puppet':
        files.push(file(`puppet/modules/${view.role.puppetClass}/manifests/init.pp`, 'puppet/init.pp.hbs', view));
        break;
      case 'salt': {
        // init applies everything; app alone is what a hybrid image's first boot applies: the packages
        // placed at launch (launch.sls) and the application. Windows: Chocolatey's states, since Salt's
        // pkg states there need a winrepo nothing sets up.
        const software =
          ctx.platform.facts.family === 'windows' ? 'salt/windows-software.sls.hbs' : 'salt/software.sls.hbs';
        const states = [
          {
            file: 'software',
            names: view.role.bakedSoftware,
            stateId: `${role.name}-software`,
            note: 'the packages its images carry',
          },
          {
            file: 'launch',
            names: role.launchSoftware,
            stateId: `${role.name}-launch-software`,
            note: 'the packages placed at launch, installed at first boot',
          },
        ];
        files.push(file(`salt/${role.name}/init.sls`, 'salt/init.sls.hbs', view));
        for (const packages of states.filter((s) => s.names.length)) {
          files.push(file(`salt/${role.name}/${packages.file}.sls`, software, { ...view, packages }));
        }
        files.push(file(`salt/${role.name}/app.sls`, 'salt/app.sls.hbs', view));
        break;
      }
    }
  }
  return files;
}
